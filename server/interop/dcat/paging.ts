import { ns } from './namespaces';
import type { RdfGraph } from './rdf-graph';

export interface PageInput {
  /** The catalogue document's absolute URL without query: `https://…/catalog.ttl`. */
  documentUrl: string;
  catalogue: string;
  page: number;
  pageSize: number;
  totalItems: number;
}

export function lastPageOf(totalItems: number, pageSize: number): number {
  return Math.max(1, Math.ceil(totalItems / pageSize));
}

/**
 * The page as a hydra:PartialCollectionView with first / previous / next / last, totalItems and
 * itemsPerPage, which is what data.gouv.fr's DCAT harvester looks for to walk a paged catalogue
 * (it follows hydra:next until there is none). The links keep the document's format and page size.
 */
export function addPaging(graph: RdfGraph, p: PageInput): string {
  const pageUrl = (n: number) => `${p.documentUrl}?page=${n}&page_size=${p.pageSize}`;
  const view = pageUrl(p.page);
  const last = lastPageOf(p.totalItems, p.pageSize);
  graph.link(p.catalogue, ns.hydra('view'), view);
  graph.type(view, ns.hydra('PartialCollectionView'));
  graph.link(view, ns.hydra('first'), pageUrl(1));
  graph.link(view, ns.hydra('last'), pageUrl(last));
  if (p.page > 1) graph.link(view, ns.hydra('previous'), pageUrl(Math.min(p.page - 1, last)));
  if (p.page < last) graph.link(view, ns.hydra('next'), pageUrl(p.page + 1));
  graph.typed(view, ns.hydra('totalItems'), String(p.totalItems), 'integer');
  graph.typed(view, ns.hydra('itemsPerPage'), String(p.pageSize), 'integer');
  return view;
}
