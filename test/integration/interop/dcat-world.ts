import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser, Store, type Quad } from 'n3';
import request from 'supertest';
import { ALL_SLUGS, createApiWorld, type ApiWorld } from '../api/api-fixture';

/**
 * The DCAT tests' world: the API fixtures (several datasets, one never published) plus three demo
 * datasets from datasets/ that carry what the fixtures lack (contact, spatial and temporal
 * coverage, frequency): two on the same département with different coverage labels, one on an
 * intercommunality. All loaded through the real pipeline.
 * Documents are read back with n3's parser and jsonld, never with regular expressions.
 */
export const DEMO_DATASETS = path.resolve(__dirname, '../../../datasets');
export const DEMO_SLUGS = ['bornes-recharge', 'comptages-routiers', 'points-apport-volontaire'];

/** Links are built on this base URL, so expected IRIs can be written out in full. */
export const BASE = 'https://donnees.eure.example';

export interface DcatWorld {
  w: ApiWorld;
  app: App;
  cleanup(): Promise<void>;
}
type App = ApiWorld['app'];

export async function createDcatWorld(): Promise<DcatWorld> {
  const w = await createApiWorld();
  for (const slug of DEMO_SLUGS) fs.cpSync(path.join(DEMO_DATASETS, slug), path.join(w.datasetsDir, slug), { recursive: true });
  await w.catalogue.loadDatasets(w.datasetsDir);
  return { w, app: w.appWith({ baseUrl: BASE }), cleanup: () => w.cleanup() };
}

/** Every dataset of the world: the API fixtures and the demo datasets added here. */
export const DCAT_SLUGS = [...ALL_SLUGS, ...DEMO_SLUGS].sort();

export function demoMetadata(slug: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(DEMO_DATASETS, slug, 'dataset.json'), 'utf8'));
}

export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  hydra: 'http://www.w3.org/ns/hydra/core#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

export function parseTurtle(text: string): Store {
  const store = new Store();
  store.addQuads(new Parser({ format: 'text/turtle' }).parse(text));
  return store;
}

/** A JSON-LD document read back as RDF (jsonld.toRDF, with every remote document refused). */
export async function jsonLdToStore(doc: object): Promise<Store> {
  const nquads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, {
    format: 'application/n-quads',
    documentLoader: async (url: string) => { throw new Error(`fetch refused: ${url}`); },
  } as jsonld.Options.ToRdf)) as unknown as string;
  const store = new Store();
  store.addQuads(new Parser({ format: 'application/n-quads' }).parse(nquads));
  return store;
}

/** The graph's canonical N-Quads (RDFC-1.0, blank nodes relabelled), sorted: equal strings ⇔ isomorphic graphs. */
export async function canonical(quads: readonly Quad[]): Promise<string> {
  const nquads = quads.map((q) => `${termNQ(q.subject)} ${termNQ(q.predicate)} ${termNQ(q.object)} .`).join('\n');
  const canonize = jsonld.canonize as unknown as (input: string, options: object) => Promise<string>;
  return canonize(nquads, { algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads', format: 'application/n-quads' });
}

function termNQ(term: Quad['subject'] | Quad['predicate'] | Quad['object']): string {
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const value = JSON.stringify(term.value);
    if (term.language) return `${value}@${term.language}`;
    return `${value}^^<${term.datatype.value}>`;
  }
  throw new Error(`unexpected term ${term.termType}`);
}

/** One-valued helpers over a parsed graph. */
export function objects(store: Store, subject: string, predicate: string): string[] {
  return store.getObjects(subject, predicate, null).map((o) => o.value);
}

export function one(store: Store, subject: string, predicate: string): string {
  const values = objects(store, subject, predicate);
  if (values.length !== 1) throw new Error(`${subject} ${predicate}: ${values.length} values (${values.join(', ')})`);
  return values[0];
}

export function typesOf(store: Store, subject: string): string[] {
  return objects(store, subject, NS.rdf + 'type');
}

/** Reads a document of either format back as a graph. */
export async function readGraph(format: 'ttl' | 'jsonld', text: string): Promise<Store> {
  return format === 'ttl' ? parseTurtle(text) : jsonLdToStore(JSON.parse(text));
}

/** Follows hydra:next from the first page to the end; each page's graph and URL, in order. */
export interface CataloguePage {
  url: string;
  text: string;
  store: Store;
}

export async function walkCatalogue(app: App, format: 'ttl' | 'jsonld', pageSize: number): Promise<CataloguePage[]> {
  const pages: CataloguePage[] = [];
  let next: string | null = `/catalog.${format}?page_size=${pageSize}`;
  while (next) {
    const res = await request(app).get(next).expect(200);
    const store = await readGraph(format, res.text);
    pages.push({ url: next, text: res.text, store });
    const views = store.getSubjects(NS.rdf + 'type', NS.hydra + 'PartialCollectionView', null);
    if (views.length !== 1) throw new Error(`${next}: ${views.length} hydra views`);
    const links = objects(store, views[0].value, NS.hydra + 'next');
    next = links.length ? new URL(links[0]).pathname + new URL(links[0]).search : null;
    if (pages.length > 50) throw new Error('hydra:next never ends');
  }
  return pages;
}
