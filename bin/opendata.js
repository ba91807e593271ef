#!/usr/bin/env node
// The `opendata` command: runs the compiled CLI (`npm run build` produces dist/).
require('../dist/server/cli.js');
