import fc from 'fast-check';
import { CatalogueError } from '../../catalogue/errors';

/**
 * One seed for the whole fuzz folder, so that a run is reproducible: fixed by default, overridden
 * with FUZZ_SEED=<integer> to explore further or to replay a failure. fast-check prints the seed
 * and the shrunk counterexample's path when a property fails. FUZZ_RUNS=<factor> multiplies every
 * property's number of runs (a longer local hunt; the defaults keep the folder under ~40 s).
 */
const DEFAULT_SEED = 20261128;

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name}=${raw}: a number is expected`);
  return n;
}

export const FUZZ_SEED = Math.trunc(integerFromEnv('FUZZ_SEED', DEFAULT_SEED));
const RUNS_FACTOR = integerFromEnv('FUZZ_RUNS', 1);

/** fast-check parameters of one property: the folder's seed and `numRuns` scaled by FUZZ_RUNS. */
export function fuzzRuns<T>(numRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(numRuns * RUNS_FACTOR)), ...extra };
}

/** Fails (rethrows) on anything but a bad-request whose details all name a parameter of `allowed`. */
export function expectBadRequestNaming(error: unknown, allowed: readonly string[]): CatalogueError {
  if (!(error instanceof CatalogueError) || error.code !== 'bad-request') throw error;
  expect(error.details.length).toBeGreaterThan(0);
  for (const detail of error.details) {
    expect(allowed).toContain(detail.path);
    expect(detail.message.length).toBeGreaterThan(5);
  }
  return error;
}

/** Names an object lookup finds on Object.prototype when it forgets to check own keys. */
export const PROTOTYPE_KEYS = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'] as const;

/** Texts a hostile or broken client sends: any UTF-16 unit (lone surrogates too), NUL, controls, unicode, prototype names. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> => fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.string({ maxLength }),
  fc.string({ unit: 'grapheme', maxLength }),
  fc.string({ unit: 'binary', maxLength }),
  fc.string({ unit: fc.nat(0xffff).map((c) => String.fromCharCode(c)), maxLength }),
  fc.string({ unit: fc.constantFrom('\0', '\u0001', '\n', '\r', '\t', ' ', ',', ';', "'", '"', '`', '\\', '%', '_', '!', '-', '*', '(', ')', '=', '&', '?', '#', '\uFEFF', '’', 'ʼ', 'ŉ', '😀', 'é', 'e\u0301', '__', '1', 'a'), maxLength }),
);

/** A very long text (up to a few hundred kilobytes) built from a repeated piece. */
export const hugeText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', '1', "'", '(', ',', ' ', '\0', 'é', '😀', '%', 'x__in=', "a = '"), fc.integer({ min: 1_000, max: 300_000 }))
  .map(([piece, times]) => piece.repeat(times));
