import type { Finding } from '../validation/findings';
import { MAX_REPORTED_FINDINGS, type Dialect, type Report } from './report-types';

/**
 * Collects findings while the file streams: counts all of them, keeps the first 1,000 errors
 * (contract section 5), and knows which rows had at least one error.
 */
export class ReportBuilder {
  private readonly errors: Finding[] = [];
  private readonly warnings: Finding[] = [];
  private errorCount = 0;
  private warningCount = 0;
  private invalidRows = 0;
  private lastInvalidRow = -1;
  /** File-level errors (encoding, header, source) make the file invalid without a bad row. */
  private fatal = false;

  error(finding: Finding): void {
    this.errorCount++;
    if (this.errors.length < MAX_REPORTED_FINDINGS) this.errors.push(truncateValue(finding));
    if (finding.row !== undefined && !HEADER_CODES.has(finding.code)) {
      if (finding.row !== this.lastInvalidRow) {
        this.invalidRows++;
        this.lastInvalidRow = finding.row;
      }
    } else {
      this.fatal = true;
    }
  }

  warning(finding: Finding): void {
    this.warningCount++;
    if (this.warnings.length < MAX_REPORTED_FINDINGS) this.warnings.push(truncateValue(finding));
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Errors seen so far on row `row` (the row being checked is always the latest). */
  rowHasErrors(row: number): boolean {
    return this.lastInvalidRow === row;
  }

  build(args: { source: Report['source']; dialect: Dialect; rows: number }): Report {
    return {
      valid: this.errorCount === 0 && !this.fatal,
      source: args.source,
      dialect: args.dialect,
      stats: {
        rows: args.rows,
        validRows: args.rows - this.invalidRows,
        invalidRows: this.invalidRows,
        errors: this.errorCount,
        warnings: this.warningCount,
      },
      errors: this.errors,
      warnings: this.warnings,
      truncated: this.errorCount > this.errors.length || this.warningCount > this.warnings.length,
    };
  }
}

const MAX_VALUE_LENGTH = 200;
const HEADER_CODES = new Set(['blank-header', 'duplicate-label', 'missing-label', 'extra-label']);

function truncateValue(f: Finding): Finding {
  if (f.value !== undefined && f.value.length > MAX_VALUE_LENGTH) {
    return { ...f, value: f.value.slice(0, MAX_VALUE_LENGTH) + '…' };
  }
  return f;
}
