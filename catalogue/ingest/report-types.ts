import type { Finding } from '../validation/findings';

/** The validation report, exactly as contract section 5 shapes it. */
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface Dialect {
  encoding: Encoding;
  bom: boolean;
  delimiter: string;
  quote: string;
  lineTerminator: string; // "\r\n", "\n", "\r", or "mixed"
  decimalSeparator: string; // "." or "," as seen in number columns
  header: string[];
}

export interface Report {
  valid: boolean;
  source: { name: string; bytes: number; sha256: string };
  dialect: Dialect;
  stats: { rows: number; validRows: number; invalidRows: number; errors: number; warnings: number };
  errors: Finding[];
  warnings: Finding[];
  truncated: boolean;
}

export const MAX_REPORTED_FINDINGS = 1000;
