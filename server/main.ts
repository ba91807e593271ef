import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openCatalogue, type Catalogue } from '../catalogue';
import { loadConfig } from '../catalogue/config';
import { createApp } from './app';
import { createLogger, type Logger } from './logging/logger';

/**
 * Starts the platform: opens the catalogue (migrations, clean-up of leftovers from a crash),
 * optionally loads the dataset folders, and listens. SIGTERM / SIGINT stop it gracefully
 * (stopGracefully below); a second signal or the hard limit exits at once with code 1.
 */
export interface StartOptions {
  port?: number;
  /** A folder of datasets to load before serving (npm start loads datasets/). */
  loadDir?: string;
}

/** How long requests in flight at SIGTERM may take to finish before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** Past this, the process exits with code 1 whatever is still running (a stuck store, a stuck close). */
export const SHUTDOWN_LIMIT_MS = 20_000;
/** Connections that turn idle after their last response (keep-alive) are closed at this pace. */
const IDLE_SWEEP_MS = 100;

export async function startServer(options: StartOptions = {}): Promise<{ server: Server; catalogue: Catalogue }> {
  const config = loadConfig();
  const logger = createLogger(config);
  const catalogue = await openCatalogue(config);
  if (options.loadDir) {
    await catalogue.loadDatasets(options.loadDir, { log: (line) => logger.info(line) });
  }
  const app = createApp({ catalogue, config, logger });
  const port = options.port ?? config.port;
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, () => resolve(s));
  });
  // The bound port, not the asked one: PORT=0 picks a free port, and scripts read it from this line,
  // which is therefore printed plainly whatever LOG_LEVEL says (the only line that is not JSON).
  console.log(`Plateforme servie sur http://localhost:${(server.address() as AddressInfo).port}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.error(`Arrêt immédiat (${signal} reçu pendant l’arrêt).`);
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => {
      logger.error(`Arrêt forcé : l’arrêt n’était pas terminé après ${SHUTDOWN_LIMIT_MS / 1000} s.`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    stopGracefully(server, catalogue, signal, logger).then(
      (clean) => process.exit(clean ? 0 : 1),
      (error: unknown) => {
        logger.error({ err: error }, 'Erreur pendant l’arrêt');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  return { server, catalogue };
}

/**
 * The graceful stop: no new connection; running publishes rolled back at once (a load may last
 * minutes; its version is rejected with a note saying why and the previous one stays current);
 * requests in flight (exports, the interrupted uploads' answers) finish within SHUTDOWN_GRACE_MS,
 * after which their connections are cut; then the store is closed. Resolves false when
 * connections had to be cut (the process then exits with code 1).
 */
export async function stopGracefully(server: Server, catalogue: Catalogue, signal: string, logger: Logger): Promise<boolean> {
  logger.info(`Arrêt demandé (${signal}) : plus de nouvelle connexion, fin des requêtes en cours…`);
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  try {
    const interrupted = await catalogue.interruptPublishes();
    if (interrupted > 0) logger.warn(`Arrêt : ${interrupted} publication(s) en cours annulée(s), les versions précédentes restent en ligne.`);
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), SHUTDOWN_GRACE_MS))),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      logger.error(`Arrêt : requêtes encore en cours après ${SHUTDOWN_GRACE_MS / 1000} s, connexions coupées.`);
      server.closeAllConnections();
      await closed;
    }
    await catalogue.close();
    logger.info('Arrêt terminé.');
    return inTime;
  } finally {
    clearInterval(sweep);
  }
}
