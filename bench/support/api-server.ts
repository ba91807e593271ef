/**
 * The server side of `npm run bench:api`, in its own process (so that the load generator does
 * not share its event loop): opens the bench store, serves the platform on 127.0.0.1 and a free
 * port, tells the parent the port over IPC, and stops when the parent says so.
 * Arguments: <rows> (which bench store) [<reader threads>] (default: the records service's own;
 * 0 reads in the main thread, as before the read pool, for comparison).
 */
import { openCatalogue } from '../../catalogue';
import { createRecordsService } from '../../catalogue/records';
import { benchApp } from './bench-app';
import { benchConfig, benchStore } from './api-dataset';
import { failToParent, serveToParent } from './server-child';

async function main(): Promise<void> {
  const store = benchStore(Number(process.argv[2]));
  const config = benchConfig(store);
  const opened = await openCatalogue(config);
  const readWorkers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  const catalogue = readWorkers === undefined ? opened : { ...opened, records: createRecordsService(opened.store, { readWorkers }) };
  const floorBody = await catalogue.records.query(store.slug, {});
  const app = benchApp(catalogue, config, { ...floorBody, next: floorBody.next && `http://127.0.0.1/api/v1/datasets/${store.slug}/records?_next=${floorBody.next}` });
  serveToParent(app.listen(0, '127.0.0.1'), () => catalogue.records.close().then(() => opened.records.close()).then(() => catalogue.close()));
}

main().catch(failToParent);
