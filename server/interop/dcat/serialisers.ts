import jsonld from 'jsonld';
import { Writer, type Quad } from 'n3';
import { PREFIXES } from './namespaces';

/** The media types the two serialisations are served with. */
export const TURTLE = 'text/turtle; charset=utf-8';
export const JSON_LD = 'application/ld+json';

function write(quads: readonly Quad[], options: ConstructorParameters<typeof Writer>[0]): Promise<string> {
  return new Promise((resolve, reject) => {
    const writer = new Writer(options);
    writer.addQuads([...quads]);
    writer.end((error, result: string) => (error ? reject(error) : resolve(result)));
  });
}

/** Each subject's triples together (in order of first appearance), so the Turtle reads as one block per resource. */
function bySubject(quads: readonly Quad[]): Quad[] {
  const groups = new Map<string, Quad[]>();
  for (const q of quads) {
    const group = groups.get(q.subject.id);
    if (group) group.push(q);
    else groups.set(q.subject.id, [q]);
  }
  return [...groups.values()].flat();
}

export function toTurtle(quads: readonly Quad[]): Promise<string> {
  return write(bySubject(quads), { format: 'Turtle', prefixes: { ...PREFIXES } });
}

/**
 * The inline JSON-LD context: the same prefixes as the Turtle. Inline, so that neither the server
 * nor a client has to fetch anything to read the document.
 */
export const JSON_LD_CONTEXT: Record<string, string> = { ...PREFIXES };

/** Anything jsonld would fetch (a remote context) is refused: documents are built offline. */
const refuseRemoteDocuments = async (url: string): Promise<never> => {
  throw new Error(`remote JSON-LD document refused: ${url}`);
};
const OFFLINE: jsonld.Options.Compact = { documentLoader: refuseRemoteDocuments };

/** The same graph as JSON-LD: n3 writes N-Quads, jsonld reads them and compacts with the inline context. */
export async function toJsonLd(quads: readonly Quad[]): Promise<Record<string, unknown>> {
  const nquads = await write(quads, { format: 'N-Quads' });
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  return (await jsonld.compact(expanded, JSON_LD_CONTEXT, OFFLINE)) as Record<string, unknown>;
}
