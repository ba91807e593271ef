import type { ColumnSpec } from '../validation/row-schema';
import { HyperLogLog } from './hyperloglog';

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

class ColumnAccumulator {
  nulls = 0;
  min: string | number | null = null;
  max: string | number | null = null;
  counts: Map<string, number> | null = new Map();
  overflowed = false;
  hll: HyperLogLog | null = null;

  constructor(readonly column: ColumnSpec) {}

  add(value: unknown): void {
    if (value === null || value === undefined) {
      this.nulls++;
      return;
    }
    const comparable = typeof value === 'boolean' ? String(value) : (value as string | number);
    if (typeof comparable === 'number' && Number.isNaN(comparable)) return;
    if (this.min === null || comparable < this.min) this.min = comparable;
    if (this.max === null || comparable > this.max) this.max = comparable;
    const key = typeof value === 'string' ? value : String(value);
    if (this.hll) this.hll.add(key);
    const counts = this.counts!;
    const seen = counts.get(key);
    if (seen !== undefined) counts.set(key, seen + 1);
    else if (counts.size < EXACT_LIMIT) counts.set(key, 1);
    else {
      if (!this.hll) {
        this.hll = new HyperLogLog();
        for (const k of counts.keys()) this.hll.add(k);
        this.hll.add(key);
      }
      this.overflowed = true;
    }
  }

  result(): ColumnProfile {
    const counts = this.counts!;
    const top = [...counts.entries()]
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
