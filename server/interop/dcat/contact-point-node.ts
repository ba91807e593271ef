import type { DatasetContact } from '../../../catalogue/datasets-service';
import { ns } from './namespaces';
import type { Iri, RdfGraph } from './rdf-graph';

/**
 * `subject dcat:contactPoint <contact>`: a vCard organisation (typed vcard:Kind too, since no
 * reasoner infers it) with its name, `mailto:` address and web address.
 */
export function addContactPoint(graph: RdfGraph, subject: Iri, iri: string, contact: DatasetContact): void {
  graph.link(subject, ns.dcat('contactPoint'), iri);
  graph.type(iri, ns.vcard('Organization'), ns.vcard('Kind'));
  graph.text(iri, ns.vcard('fn'), contact.name);
  if (contact.email) graph.link(iri, ns.vcard('hasEmail'), `mailto:${contact.email}`);
  if (contact.url && /^https?:\/\//.test(contact.url)) graph.link(iri, ns.vcard('hasURL'), contact.url);
}
