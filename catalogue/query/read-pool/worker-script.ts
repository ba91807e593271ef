import fs from 'node:fs';
import path from 'node:path';

/**
 * How to start a reader thread, from the build or from the TypeScript sources.
 *
 * - Built (dist/, `node dist/…`): this file is `worker-script.js` and `read-worker.js` sits beside
 *   it; the worker runs that file.
 * - TypeScript sources (jest runs them through @swc/jest; there is no .js beside them): a worker
 *   thread does not inherit jest's transformer, so it starts from a few lines of JS (`eval`) that
 *   teach its `require` to compile `.ts` files with @swc/core (the very compiler @swc/jest uses,
 *   same options as jest.config.js), then require `read-worker.ts`. No extra dependency, no
 *   build step before the tests, and the tests run the real worker path.
 * - Neither (no compiler at hand): null, and the records service reads in the main thread.
 */
export interface WorkerScript {
  /** A file path, or the bootstrap's source when `eval`. */
  filename: string;
  eval: boolean;
  /** Added to the worker's workerData (the bootstrap reads its compiler and script there). */
  extraData: Record<string, string>;
}

const TS_BOOTSTRAP = `
const fs = require('node:fs');
const { workerData } = require('node:worker_threads');
const swc = require(workerData.swcPath);
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(workerData.script);
`;

let found: WorkerScript | null | undefined;

export function readWorkerScript(): WorkerScript | null {
  if (found !== undefined) return found;
  const js = path.join(__dirname, 'read-worker.js');
  const ts = path.join(__dirname, 'read-worker.ts');
  if (path.extname(__filename) === '.js' && fs.existsSync(js)) {
    found = { filename: js, eval: false, extraData: {} };
  } else if (fs.existsSync(ts)) {
    let swcPath: string | null = null;
    try {
      swcPath = require.resolve('@swc/core');
    } catch {
      swcPath = null;
    }
    found = swcPath ? { filename: TS_BOOTSTRAP, eval: true, extraData: { swcPath, script: ts } } : null;
  } else {
    found = null;
  }
  return found;
}
