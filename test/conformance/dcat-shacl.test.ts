/**
 * The DCAT-AP documents against the SEMIC SHACL shapes of ../shared/data/dcat-ap (SOURCES.md), run
 * by rdf-validate-shacl in a child process: every page of the catalogue as a harvester walks it,
 * and dataset documents (a full one, a never-published one, one zoned on an intercommunality).
 *
 * Gating: the base shapes of DCAT-AP 3.0.0 and of 2.1.1, 0 violations each (2.1.1's checksum shape
 * only admits SHA-1, SEMICeu/DCAT-AP issue 158: original files carry their SHA-1 checksum, which
 * satisfies both). The range shapes and the recommended shapes run too; what they may still report
 * is listed and explained below.
 */
import { Parser, Writer } from 'n3';
import request from 'supertest';
import { BASE, createDcatWorld, NS, walkCatalogue, type DcatWorld } from '../integration/interop/dcat-world';
import { validateTurtle, type ShaclReport, type ShaclResult } from '../support/shacl';
import { describeShared, sharedPath } from '../support/shared-data';

const shapes = (file: string) => sharedPath('dcat-ap/releases', file);
const BASE_2_1_1 = shapes('2.1.1/dcat-ap_2.1.1_shacl_shapes.ttl');
const BASE_3_0_0 = shapes('3.0.0/html/shacl/shapes.ttl');
const RANGE_2_1_1 = shapes('2.1.1/dcat-ap_2.1.1_shacl_range.ttl');
const RANGE_3_0_0 = shapes('3.0.0/html/shacl/range.ttl');
const GENERATED_3_0_0 = shapes('3.0.0/shacl/dcat-ap-SHACL.ttl');
const RECOMMENDED_2_1_1 = shapes('2.1.1/dcat-ap_2.1.1_shacl_shapes_recommended.ttl');
const RECOMMENDED_3_0_0 = shapes('3.0.0/html/shacl/shapes_recommended.ttl');
const ALL_SHAPES = [BASE_2_1_1, BASE_3_0_0, RANGE_2_1_1, RANGE_3_0_0, GENERATED_3_0_0, RECOMMENDED_2_1_1, RECOMMENDED_3_0_0];

interface Validated {
  name: string;
  turtle: string;
  reports: Map<string, ShaclReport>;
}

const violations = (doc: Validated, file: string): ShaclResult[] => doc.reports.get(file)!.results.filter((r) => r.severity === 'Violation');
const summary = (r: ShaclResult) => `${r.focusNode} ${r.path} ${r.constraint} ${r.message}`;

function validate(name: string, turtle: string): Validated {
  const reports = validateTurtle(turtle, ALL_SHAPES);
  return { name, turtle, reports: new Map(reports.map((r) => [r.shapes, r])) };
}

/** The Turtle without the triples `drop` selects (n3 parses and writes it back). */
function without(turtle: string, drop: (s: string, p: string) => boolean): string {
  const quads = new Parser().parse(turtle).filter((q) => !drop(q.subject.value, q.predicate.value));
  return new Writer({ format: 'Turtle' }).quadsToString(quads);
}

/** How many original files (distributions with a checksum) a document lists. */
const checksums = (turtle: string) => new Parser().parse(turtle).filter((q) => q.predicate.value === NS.spdx + 'checksum').length;

describeShared('DCAT-AP SHACL shapes (SEMIC, 2.1.1 and 3.0.0)', () => {
  let d: DcatWorld;
  let documents: Validated[];

  beforeAll(async () => {
    d = await createDcatWorld();
    const pages = await walkCatalogue(d.app, 'ttl', 3);
    documents = pages.map((p) => validate(`catalogue ${p.url}`, p.text));
    for (const slug of ['bornes-recharge', 'points-apport-volontaire', 'brouillon-test']) {
      const res = await request(d.app).get(`/datasets/${slug}.ttl`).expect(200);
      documents.push(validate(`dataset ${slug}`, res.text));
    }
  });
  afterAll(async () => d.cleanup());

  it('validates every page of the catalogue and the dataset documents', () => {
    expect(documents.filter((doc) => doc.name.startsWith('catalogue')).length).toBeGreaterThanOrEqual(3);
    expect(documents.filter((doc) => doc.name.startsWith('dataset'))).toHaveLength(3);
  });

  it('finds a missing mandatory property (the validator sees what it should)', () => {
    const full = documents.find((doc) => doc.name === 'dataset bornes-recharge')!;
    const dataset = `${BASE}/datasets/bornes-recharge#dataset`;
    const broken = without(full.turtle, (s, p) => s === dataset && p === NS.dct + 'description');
    for (const report of validateTurtle(broken, [BASE_2_1_1, BASE_3_0_0])) {
      const missing = report.results.filter((r) => r.path === NS.dct + 'description');
      expect(missing.map((r) => [r.focusNode, r.constraint])).toEqual([[dataset, 'MinCountConstraintComponent']]);
    }
  });

  it('has no violation of the DCAT-AP 3.0.0 base shapes', () => {
    for (const doc of documents) expect({ doc: doc.name, violations: violations(doc, BASE_3_0_0).map(summary) }).toEqual({ doc: doc.name, violations: [] });
  });

  it('has no violation of the DCAT-AP 2.1.1 base shapes, original files’ SHA-1 checksums included', () => {
    for (const doc of documents) expect({ doc: doc.name, violations: violations(doc, BASE_2_1_1).map(summary) }).toEqual({ doc: doc.name, violations: [] });
    // The checksum shape did run: the full catalogue lists original files with their checksum.
    expect(documents.some((doc) => checksums(doc.turtle) > 0)).toBe(true);
  });

  it('types every object the range shapes check (2.1.1 range, 3.0.0 range)', () => {
    for (const doc of documents) {
      for (const file of [RANGE_2_1_1, RANGE_3_0_0]) {
        expect({ doc: doc.name, file, violations: violations(doc, file).map(summary) }).toEqual({ doc: doc.name, file, violations: [] });
      }
    }
  });

  it('meets DCAT-AP 3.0.0 generated shapes but for dcat:byteSize, which the base shapes of both releases type xsd:decimal', () => {
    for (const doc of documents) {
      const other = violations(doc, GENERATED_3_0_0).filter((r) => !(r.path === NS.dcat + 'byteSize' && r.constraint === 'DatatypeConstraintComponent'));
      expect({ doc: doc.name, violations: other.map(summary) }).toEqual({ doc: doc.name, violations: [] });
    }
  });

  /**
   * Recommended properties may only be missing where the catalogue does not hold them: coverage a
   * dataset.json does not give, themes and keywords it has none of, the publisher's ADMS type and
   * a location's bounding box / centroid (not recorded), the issue date and distributions of a
   * never-published dataset.
   */
  const NOT_HELD = new Set([
    NS.dct + 'spatial', NS.dct + 'temporal', NS.dcat + 'theme', NS.dcat + 'keyword', NS.dct + 'type',
    NS.dcat + 'bbox', NS.dcat + 'centroid', NS.dct + 'issued', NS.dcat + 'distribution',
  ]);

  it('gives every recommended property it holds (2.1.1 and 3.0.0 recommended shapes)', () => {
    for (const doc of documents) {
      for (const file of [RECOMMENDED_2_1_1, RECOMMENDED_3_0_0]) {
        const results = doc.reports.get(file)!.results;
        expect(results.filter((r) => r.severity === 'Violation')).toEqual([]);
        const unexpected = results.filter((r) => !(r.constraint === 'MinCountConstraintComponent' && NOT_HELD.has(r.path ?? '')));
        expect({ doc: doc.name, file, unexpected: unexpected.map(summary) }).toEqual({ doc: doc.name, file, unexpected: [] });
      }
    }
  });
});
