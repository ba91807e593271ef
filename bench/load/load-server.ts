/**
 * The server side of `npm run bench:load`, in its own process: what `opendata serve` does
 * (server/main.ts: loadConfig from the environment, openCatalogue, createApp), but listening on
 * 127.0.0.1 only, on a free port told to the parent over IPC, with the structured request log
 * written to the file given as argument (at LOG_LEVEL, so the bench pays for logging as
 * production does, and the log can be checked for errors afterwards).
 * Argument: <log file>. Stops when the parent says so (in-flight requests are cut).
 */
import pino from 'pino';
import { openCatalogue } from '../../catalogue';
import { loadConfig } from '../../catalogue/config';
import { createApp } from '../../server/app';
import { createLogger } from '../../server/logging/logger';
import { failToParent, serveToParent } from '../support/server-child';

async function main(): Promise<void> {
  const config = loadConfig();
  const destination = pino.destination({ dest: process.argv[2], sync: false, minLength: 8 * 1024 });
  const logger = createLogger(config, destination);
  const catalogue = await openCatalogue(config);
  serveToParent(createApp({ catalogue, config, logger }).listen(0, '127.0.0.1'), () => catalogue.close().finally(() => destination.flushSync()));
}

main().catch(failToParent);
