import { DataFactory, type NamedNode } from 'n3';

/**
 * The vocabularies a DCAT-AP catalogue speaks, as prefix → namespace. The same table gives the
 * Turtle prefixes and the JSON-LD inline context, so both serialisations spell terms alike.
 */
export const PREFIXES = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Prefix = keyof typeof PREFIXES;

/** `ns.dcat('Dataset')` → the named node <http://www.w3.org/ns/dcat#Dataset>. */
export const ns = Object.fromEntries(
  Object.entries(PREFIXES).map(([prefix, iri]) => [prefix, (local: string) => DataFactory.namedNode(iri + local)]),
) as Record<Prefix, (local: string) => NamedNode>;

export const RDF_TYPE = ns.rdf('type');

/** The EU Publications Office authority tables used beyond vocabularies.ts. */
export const EU_LANGUAGE_FRENCH = 'http://publications.europa.eu/resource/authority/language/FRA';
export const EU_ACCESS_RIGHT_PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/PUBLIC';
export const EU_DATA_THEME_SCHEME = 'http://publications.europa.eu/resource/authority/data-theme';
export const EU_AVAILABILITY_STABLE = 'http://publications.europa.eu/resource/authority/planned-availability/STABLE';
/** What a records API conforms to: its OpenAPI document's version. */
export const OPENAPI_3_1 = 'https://spec.openapis.org/oas/v3.1.0';
