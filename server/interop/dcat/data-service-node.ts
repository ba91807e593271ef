import { EU_ACCESS_RIGHT_PUBLIC, ns, OPENAPI_3_1 } from './namespaces';
import type { RdfGraph } from './rdf-graph';
import { addLicence } from './licence-node';

export interface DataServiceInput {
  iri: string;
  dataset: string;
  datasetTitle: string;
  licence: string;
  licenceTitle: string;
  /** The records API of the dataset, and its own OpenAPI document. */
  endpointUrl: string;
  endpointDescription: string;
}

/**
 * The records API of one dataset as a dcat:DataService serving that dataset. The caller adds what
 * the service shares with its dataset (publisher, contact point, keywords, themes).
 */
export function addDataService(graph: RdfGraph, s: DataServiceInput): void {
  graph.type(s.iri, ns.dcat('DataService'));
  graph.text(s.iri, ns.dct('title'), `API des enregistrements : ${s.datasetTitle}`);
  graph.text(s.iri, ns.dct('description'),
    'Interrogation des enregistrements de la version courante : filtres par colonne, recherche plein texte, tri, pagination, agrégats.');
  graph.webLink(s.iri, ns.dcat('endpointURL'), s.endpointUrl);
  graph.webLink(s.iri, ns.dcat('endpointDescription'), s.endpointDescription);
  graph.link(s.iri, ns.dcat('servesDataset'), s.dataset);
  graph.link(s.iri, ns.dct('conformsTo'), OPENAPI_3_1);
  graph.type(OPENAPI_3_1, ns.dct('Standard'));
  graph.text(OPENAPI_3_1, ns.dct('title'), 'OpenAPI Specification 3.1.0', 'en');
  graph.link(s.iri, ns.dct('accessRights'), EU_ACCESS_RIGHT_PUBLIC);
  graph.type(EU_ACCESS_RIGHT_PUBLIC, ns.dct('RightsStatement'));
  addLicence(graph, s.iri, s.licence, s.licenceTitle);
}
