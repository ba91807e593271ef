import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * SHACL validation from jest: rdf-validate-shacl is ESM-only, so shacl-validate.mjs runs it in a
 * child `node` process, the data graph (Turtle) on its standard input, one report per shapes file.
 */
export interface ShaclResult {
  severity: 'Violation' | 'Warning' | 'Info';
  focusNode: string | null;
  path: string | null;
  value: string | null;
  message: string;
  constraint: string | null;
  shape: string | null;
}

export interface ShaclReport {
  shapes: string;
  conforms: boolean;
  counts: { Violation: number; Warning: number; Info: number };
  results: ShaclResult[];
}

const SCRIPT = path.join(__dirname, 'shacl-validate.mjs');

export function validateTurtle(turtle: string, shapesFiles: readonly string[]): ShaclReport[] {
  const out = execFileSync(process.execPath, [SCRIPT, ...shapesFiles], { input: turtle, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { reports: ShaclReport[] }).reports;
}
