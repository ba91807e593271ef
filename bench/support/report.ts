/** Formatting of the API benchmark's figures: fixed-width tables, ratios with two decimals. */
export type Cell = string | number | null;

function text(cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  if (!Number.isFinite(cell)) return '–';
  if (Math.abs(cell) >= 100) return cell.toFixed(0);
  if (Math.abs(cell) >= 10) return cell.toFixed(1);
  return cell.toFixed(2);
}

export function table(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const cells = [header.map(String), ...rows.map((row) => row.map(text))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const ratio = (a: number, b: number): number => (b > 0 ? a / b : NaN);
export const times = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
