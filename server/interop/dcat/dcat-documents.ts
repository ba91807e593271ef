import type { SiteSettings } from '../../../catalogue/site-settings';
import type { DcatCataloguePage, DcatDatasetSource } from './catalogue-reader';
import { addCatalogue } from './catalogue-node';
import { addDataset } from './dataset-node';
import { addPaging } from './paging';
import { RdfGraph } from './rdf-graph';

/**
 * The two DCAT documents, as graphs (serialisers.ts writes them as Turtle or JSON-LD): one page of
 * the catalogue, and one dataset on its own.
 */
export function catalogueGraph(page: DcatCataloguePage, base: string, site: SiteSettings, documentUrl: string): RdfGraph {
  const graph = new RdfGraph();
  const nodes = page.datasets.map((source) => addDataset(graph, source, base, site));
  const catalogue = addCatalogue(graph, {
    base, site, modified: page.modified,
    datasets: nodes.map((n) => n.dataset),
    services: nodes.flatMap((n) => (n.service ? [n.service] : [])),
  });
  addPaging(graph, { documentUrl, catalogue, page: page.page, pageSize: page.pageSize, totalItems: page.totalItems });
  return graph;
}

export function datasetGraph(source: DcatDatasetSource, base: string, site: SiteSettings): RdfGraph {
  const graph = new RdfGraph();
  addDataset(graph, source, base, site);
  return graph;
}
