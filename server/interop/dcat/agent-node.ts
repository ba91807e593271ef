import { ns } from './namespaces';
import type { RdfGraph } from './rdf-graph';

/** A publisher: foaf:Agent (the class DCAT-AP checks) and foaf:Organization, named, with its site. */
export function addAgent(graph: RdfGraph, iri: string, name: string, homepage?: string | null): void {
  graph.type(iri, ns.foaf('Agent'), ns.foaf('Organization'));
  graph.text(iri, ns.foaf('name'), name);
  if (homepage && /^https?:\/\//.test(homepage)) {
    graph.link(iri, ns.foaf('homepage'), homepage);
    graph.type(homepage, ns.foaf('Document'));
  }
}
