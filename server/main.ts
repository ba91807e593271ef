import type { Server } from 'node:http';
import { openCatalogue, type Catalogue } from '../catalogue';
import { loadConfig } from '../catalogue/config';
import { createApp } from './app';

/**
 * Starts the platform: opens the catalogue (migrations, clean-up of leftovers from a crash),
 * optionally loads the dataset folders, and listens. SIGTERM / SIGINT close the server and the
 * store before exiting.
 */
export interface StartOptions {
  port?: number;
  /** A folder of datasets to load before serving (npm start loads datasets/). */
  loadDir?: string;
}

export async function startServer(options: StartOptions = {}): Promise<{ server: Server; catalogue: Catalogue }> {
  const config = loadConfig();
  const catalogue = await openCatalogue(config);
  if (options.loadDir) {
    await catalogue.loadDatasets(options.loadDir, { log: (line) => console.log(line) });
  }
  const app = createApp({ catalogue, config });
  const port = options.port ?? config.port;
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, () => resolve(s));
  });
  console.log(`Plateforme servie sur http://localhost:${port}`);
  const stop = () => {
    server.close(() => void catalogue.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return { server, catalogue };
}
