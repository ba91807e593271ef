/**
 * SHACL validation in a child process: rdf-validate-shacl is ESM-only, so jest (CommonJS) runs this
 * script with `node` instead of importing it.
 *
 *   node test/support/shacl-validate.mjs <shapes.ttl> [<more-shapes.ttl>…] < data.ttl
 *
 * Reads the data graph (Turtle) on standard input and validates it against each shapes file on its
 * own. `owl:imports` quads are dropped from the shapes: nothing is ever fetched. Prints one JSON
 * object on standard output: { reports: [{ shapes, conforms, counts: { Violation, Warning, Info },
 * results: [{ severity, focusNode, path, value, message, constraint, shape }] }] }.
 */
import fs from 'node:fs';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';
const SH = 'http://www.w3.org/ns/shacl#';

function parseTurtle(text, baseIRI) {
  const store = new N3.Store();
  store.addQuads(new N3.Parser({ baseIRI }).parse(text));
  return store;
}

function readShapes(file) {
  const store = parseTurtle(fs.readFileSync(file, 'utf8'), `file://${file}`);
  for (const quad of store.getQuads(null, OWL_IMPORTS, null, null)) store.removeQuad(quad);
  return store;
}

const localName = (term) => (term ? term.value.replace(/^.*[#/]/, '') : null);

async function validate(shapesFile, data) {
  const validator = new SHACLValidator(readShapes(shapesFile));
  const report = await validator.validate(data);
  const counts = { Violation: 0, Warning: 0, Info: 0 };
  const results = report.results.map((r) => {
    const severity = r.severity ? r.severity.value.replace(SH, '') : 'Violation';
    counts[severity] = (counts[severity] ?? 0) + 1;
    return {
      severity,
      focusNode: r.focusNode?.value ?? null,
      path: r.path?.value ?? null,
      value: r.value?.value ?? null,
      message: r.message.map((m) => m.value).join(' / '),
      constraint: localName(r.sourceConstraintComponent),
      shape: r.sourceShape?.termType === 'NamedNode' ? r.sourceShape.value : null,
    };
  });
  return { shapes: shapesFile, conforms: report.conforms, counts, results };
}

const shapesFiles = process.argv.slice(2);
if (shapesFiles.length === 0) {
  process.stderr.write('usage: node shacl-validate.mjs <shapes.ttl>… < data.ttl\n');
  process.exit(2);
}
const data = parseTurtle(fs.readFileSync(0, 'utf8'), 'http://example.invalid/');
const reports = [];
for (const file of shapesFiles) reports.push(await validate(file, data));
process.stdout.write(JSON.stringify({ reports }));
