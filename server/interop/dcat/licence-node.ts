import { LICENCE_TYPES, LICENCE_URIS } from '../vocabularies';
import { ns } from './namespaces';
import type { Iri, RdfGraph } from './rdf-graph';

/**
 * `subject dct:license <licence>`, the licence typed dct:LicenseDocument (what the DCAT-AP range
 * shapes look for) with its name and ADMS licence type. An identifier with no known URI adds nothing.
 */
export function addLicence(graph: RdfGraph, subject: Iri, licence: string, title?: string): void {
  const uri = LICENCE_URIS[licence];
  if (!uri) return;
  graph.link(subject, ns.dct('license'), uri);
  graph.type(uri, ns.dct('LicenseDocument'));
  if (title) graph.text(uri, ns.rdfs('label'), title);
  for (const type of LICENCE_TYPES[licence] ?? []) {
    graph.link(uri, ns.dct('type'), type.uri);
    graph.type(type.uri, ns.skos('Concept'));
    graph.text(type.uri, ns.skos('prefLabel'), type.label, 'en');
  }
}
