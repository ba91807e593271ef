import { DataFactory, type NamedNode, type Quad, type Quad_Object } from 'n3';
import { ns, RDF_TYPE } from './namespaces';

const { literal, namedNode, quad } = DataFactory;

/** A term given as a named node, or as an IRI string. */
export type Iri = NamedNode | string;
const iri = (value: Iri): NamedNode => (typeof value === 'string' ? namedNode(value) : value);

/**
 * The triples of one DCAT document, collected in order without duplicates, with small helpers for
 * the literals DCAT-AP expects (language-tagged text, typed dates, decimals). Everything goes
 * through n3's DataFactory: no RDF is ever written by hand.
 */
export class RdfGraph {
  private readonly seen = new Set<string>();
  readonly quads: Quad[] = [];

  add(subject: Iri, predicate: NamedNode, object: Quad_Object): this {
    const q = quad(iri(subject), predicate, object);
    const key = `${q.subject.id} ${q.predicate.id} ${q.object.id}`;
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.quads.push(q);
    }
    return this;
  }

  /** `subject a type1, type2…` */
  type(subject: Iri, ...types: NamedNode[]): this {
    for (const t of types) this.add(subject, RDF_TYPE, t);
    return this;
  }

  link(subject: Iri, predicate: NamedNode, object: Iri): this {
    return this.add(subject, predicate, iri(object));
  }

  /**
   * A link to a web address (download, endpoint), typed rdfs:Resource: true of anything, but
   * DCAT-AP 3's generated shapes check that class and validators do not infer it.
   */
  webLink(subject: Iri, predicate: NamedNode, url: string): this {
    return this.link(subject, predicate, url).type(url, ns.rdfs('Resource'));
  }

  /** French text (titles, descriptions, keywords, labels). */
  text(subject: Iri, predicate: NamedNode, value: string, language = 'fr'): this {
    return this.add(subject, predicate, literal(value, language));
  }

  plain(subject: Iri, predicate: NamedNode, value: string): this {
    return this.add(subject, predicate, literal(value));
  }

  typed(subject: Iri, predicate: NamedNode, value: string, datatype: string): this {
    return this.add(subject, predicate, literal(value, ns.xsd(datatype)));
  }

  /** An ISO 8601 timestamp as xsd:dateTime (always UTC in the catalogue). */
  dateTime(subject: Iri, predicate: NamedNode, value: string | null | undefined): this {
    return value ? this.typed(subject, predicate, new Date(value).toISOString(), 'dateTime') : this;
  }
}
