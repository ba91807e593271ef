import type { ColumnSpec } from '../validation/row-schema';
import { HyperLogLog, hashNumber, hashText } from './hyperloglog';

/**
 * Column profiles (nulls, distinct count, min, max, top values) computed while rows stream to the
 * store, so a dataset page never scans its table. Distinct counts are exact while a column has
 * fewer than EXACT_LIMIT values, then estimated (HyperLogLog); top values are exact in that range
 * and marked approximate past it.
 */
export interface ColumnProfile {
  field: string;
  nulls: number;
  distinct: number;
  distinctApproximate: boolean;
  min: string | number | null;
  max: string | number | null;
  top: Array<{ value: string; count: number }>;
  topApproximate: boolean;
}

const EXACT_LIMIT = 10_000;
const TOP_SIZE = 10;
/** A filter of the frozen keys once a column overflows: 2^17 bits (16 KB), two probes, ~2 % false positives at 10,000 keys. */
const FILTER_BITS = 1 << 17;
const FILTER_MASK = FILTER_BITS - 1;

/**
 * Hot path: one call per cell. Measured costs (bench/ingest.ts) came from building a string for
 * every number and from looking every value up in a 10,000-entry Map; so number columns key their
 * counts by the number itself (String is one-to-one on numbers, and Map, like String, makes no
 * difference between 0 and -0), and once a column has overflowed, its counted keys are frozen and
 * a small bit filter of their hashes skips the lookups that cannot hit. The results are the same
 * as counting by text.
 */
class ColumnAccumulator {
  nulls = 0;
  min: string | number | null = null;
  max: string | number | null = null;
  /** Value → count: by text, or by number while `numberKeys` (a number column). */
  counts = new Map<string | number, number>();
  numberKeys: boolean;
  overflowed = false;
  hll: HyperLogLog | null = null;
  /** Set once overflowed: the hashes of the keys in `counts`, which no longer grows. */
  private filter: Int32Array | null = null;

  constructor(readonly column: ColumnSpec) {
    this.numberKeys = column.kind === 'integer' || column.kind === 'number' || column.kind === 'year';
  }

  add(value: unknown): void {
    if (value === null || value === undefined) {
      this.nulls++;
      return;
    }
    let key: string;
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return;
      this.extend(value);
      if (this.numberKeys) {
        this.countNumber(value);
        return;
      }
      key = String(value);
    } else if (typeof value === 'string') {
      this.extend(value);
      key = value;
    } else {
      this.extend(typeof value === 'boolean' ? String(value) : (value as string | number));
      key = String(value);
    }
    if (this.numberKeys) this.useTextKeys();
    this.countText(key);
  }

  private extend(comparable: string | number): void {
    if (this.min === null || comparable < this.min) this.min = detach(comparable);
    if (this.max === null || comparable > this.max) this.max = detach(comparable);
  }

  private countNumber(n: number): void {
    if (this.hll) {
      const h = hashNumber(n);
      this.hll.addHash(h);
      if (!this.mayContain(h)) return;
    }
    const counts = this.counts;
    const seen = counts.get(n);
    if (seen !== undefined) counts.set(n, seen + 1);
    else if (counts.size < EXACT_LIMIT) counts.set(n, 1);
    else if (!this.hll) this.overflow(hashNumber(n));
  }

  private countText(key: string): void {
    if (this.hll) {
      const h = hashText(key);
      this.hll.addHash(h);
      if (!this.mayContain(h)) return;
    }
    const counts = this.counts;
    const seen = counts.get(key);
    if (seen !== undefined) counts.set(key, seen + 1);
    else if (counts.size < EXACT_LIMIT) counts.set(detach(key), 1);
    else if (!this.hll) this.overflow(hashText(key));
  }

  /** The first value that does not fit: from now on, distinct values are estimated. */
  private overflow(valueHash: number): void {
    const hll = new HyperLogLog();
    const filter = new Int32Array(FILTER_BITS >>> 5);
    for (const k of this.counts.keys()) {
      const h = typeof k === 'number' ? hashNumber(k) : hashText(k);
      hll.addHash(h);
      const a = h & FILTER_MASK;
      const b = h >>> (32 - 17);
      filter[a >>> 5] |= 1 << (a & 31);
      filter[b >>> 5] |= 1 << (b & 31);
    }
    hll.addHash(valueHash);
    this.hll = hll;
    this.filter = filter;
    this.overflowed = true;
  }

  private mayContain(h: number): boolean {
    const filter = this.filter!;
    const a = h & FILTER_MASK;
    const b = h >>> (32 - 17);
    return (filter[a >>> 5] & (1 << (a & 31))) !== 0 && (filter[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** A value other than a number in a number column (never, from the converters): count by text from now on. */
  private useTextKeys(): void {
    this.numberKeys = false;
    const counts = new Map<string | number, number>();
    for (const [k, n] of this.counts) counts.set(String(k), n);
    this.counts = counts;
  }

  result(): ColumnProfile {
    const counts = this.counts;
    const top = [...counts.entries()]
      .map(([value, count]): [string, number] => [String(value), count])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, TOP_SIZE)
      .map(([value, count]) => ({ value, count }));
    return {
      field: this.column.name,
      nulls: this.nulls,
      distinct: this.overflowed ? Math.max(this.hll!.count(), EXACT_LIMIT) : counts.size,
      distinctApproximate: this.overflowed,
      min: this.min,
      max: this.max,
      top,
      topApproximate: this.overflowed,
    };
  }
}

/**
 * A value kept here (a counted key, a min, a max) as a string of its own. parallel-ingest decodes a
 * batch's strings as slices of one text, and V8 keeps that whole text (~200 KB) alive for as long
 * as any slice of 13 characters or more is: 10,000 such keys kept tens of MB alive. Concatenating
 * and slicing again makes a fresh copy; numbers pass through.
 */
function detach<T extends string | number>(value: T): T {
  return (typeof value === 'string' && value.length >= 13 ? (' ' + value).slice(1) : value) as T;
}

export class TableProfiler {
  private readonly columns: ColumnAccumulator[];

  constructor(columns: ColumnSpec[]) {
    this.columns = columns.map((c) => new ColumnAccumulator(c));
  }

  /** `values` in column order, as they go to the store. */
  addRow(values: unknown[]): void {
    for (let i = 0; i < this.columns.length; i++) this.columns[i].add(values[i]);
  }

  result(): ColumnProfile[] {
    return this.columns.map((c) => c.result());
  }
}
