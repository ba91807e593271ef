import { licenceTitle } from '../../../catalogue/datasets/licences';
import type { SiteSettings } from '../../../catalogue/site-settings';
import { addAgent } from './agent-node';
import { addLicence } from './licence-node';
import { EU_LANGUAGE_FRENCH, ns } from './namespaces';
import type { RdfGraph } from './rdf-graph';
import { catalogueIris } from './resource-iris';
import { addThemeTaxonomies } from './theme-nodes';

/** The catalogue's metadata is published under the Licence Ouverte, like the State's portals ask. */
const METADATA_LICENCE = 'etalab-2.0';

export interface CatalogueNodeInput {
  base: string;
  site: SiteSettings;
  /** Latest change of any dataset. */
  modified: string | null;
  datasets: readonly string[];
  services: readonly string[];
}

/** The dcat:Catalog: the platform itself, its operator as publisher, and the datasets of this page. */
export function addCatalogue(graph: RdfGraph, input: CatalogueNodeInput): string {
  const { base, site } = input;
  const iris = catalogueIris(base);
  const catalogue = iris.catalogue;
  graph.type(catalogue, ns.dcat('Catalog'));
  graph.text(catalogue, ns.dct('title'), site.name);
  graph.text(catalogue, ns.dct('description'),
    `Catalogue des jeux de données ouverts publiés sur ${site.name}, la plateforme de données ouvertes exploitée par ${site.operator}.`);
  graph.link(catalogue, ns.dct('publisher'), iris.publisher);
  addAgent(graph, iris.publisher, site.operator);
  graph.link(catalogue, ns.foaf('homepage'), iris.homepage);
  graph.type(iris.homepage, ns.foaf('Document'));
  graph.link(catalogue, ns.dct('language'), EU_LANGUAGE_FRENCH);
  graph.type(EU_LANGUAGE_FRENCH, ns.dct('LinguisticSystem'));
  graph.dateTime(catalogue, ns.dct('modified'), input.modified);
  addLicence(graph, catalogue, METADATA_LICENCE, licenceTitle(METADATA_LICENCE));
  addThemeTaxonomies(graph, catalogue, base, site.name);
  for (const dataset of input.datasets) graph.link(catalogue, ns.dcat('dataset'), dataset);
  for (const service of input.services) graph.link(catalogue, ns.dcat('service'), service);
  return catalogue;
}
