import { dataTheme } from '../vocabularies';
import { EU_DATA_THEME_SCHEME, ns } from './namespaces';
import type { Iri, RdfGraph } from './rdf-graph';
import { catalogueIris } from './resource-iris';

/**
 * `subject dcat:theme` for each of our themes, twice where we can: our own concept (a skos:Concept
 * labelled as the site shows it, in the catalogue's theme scheme, naming the search of that theme),
 * so no label is lost, and the EU data theme where the match is obvious, which is what European
 * portals facet on. Both are typed skos:Concept, the class the range shapes check.
 */
export function addThemes(graph: RdfGraph, subject: Iri, themes: readonly string[], base: string): void {
  const iris = catalogueIris(base);
  for (const label of themes) {
    const own = iris.theme(label);
    graph.link(subject, ns.dcat('theme'), own);
    graph.type(own, ns.skos('Concept'));
    graph.text(own, ns.skos('prefLabel'), label);
    graph.link(own, ns.skos('inScheme'), iris.themeScheme);
    const eu = dataTheme(label);
    if (eu) {
      graph.link(subject, ns.dcat('theme'), eu.uri);
      graph.type(eu.uri, ns.skos('Concept'));
      graph.text(eu.uri, ns.skos('prefLabel'), eu.label);
      graph.link(eu.uri, ns.skos('inScheme'), EU_DATA_THEME_SCHEME);
    }
  }
}

/** The catalogue's `dcat:themeTaxonomy`: its own scheme and the EU data themes. */
export function addThemeTaxonomies(graph: RdfGraph, catalogue: Iri, base: string, siteName: string): void {
  const own = catalogueIris(base).themeScheme;
  graph.link(catalogue, ns.dcat('themeTaxonomy'), own);
  graph.type(own, ns.skos('ConceptScheme'));
  graph.text(own, ns.dct('title'), `Thèmes de ${siteName}`);
  graph.link(catalogue, ns.dcat('themeTaxonomy'), EU_DATA_THEME_SCHEME);
  graph.type(EU_DATA_THEME_SCHEME, ns.skos('ConceptScheme'));
  graph.text(EU_DATA_THEME_SCHEME, ns.dct('title'), 'Data theme', 'en');
}
