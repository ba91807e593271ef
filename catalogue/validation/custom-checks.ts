/**
 * Validata's custom checks that we enforce (`x-checks`, imported from a Table Schema's
 * `custom_checks`). They run on the converted row, after the JSON Schema rules, and report their
 * own finding codes, as Validata does.
 */
import type { RowCheck } from './row-schema';

export interface RowCheckViolation {
  code: 'one-of-required' | 'french-siret-value';
  /** The column at fault; absent for one-of-required, which is about two columns. */
  field?: string;
  rule: RowCheck['name'];
  message: string;
}

const NO_VIOLATIONS: RowCheckViolation[] = Object.freeze([]) as unknown as RowCheckViolation[];

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Luhn checksum over a string of digits (the INSEE's key for SIREN and SIRET). */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const LA_POSTE = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/**
 * Same rule as python-stdnum's `fr.siret.is_valid`, which Validata uses: spaces and dots are
 * separators; 14 digits; Luhn on all 14, except La Poste's establishments (SIREN 356000000,
 * head office aside) whose digit sum is a multiple of 5; and a valid SIREN (Luhn on the first 9).
 */
export function isValidSiret(value: string): boolean {
  const siret = value.replace(/[ .]/g, '').trim();
  if (!/^\d{14}$/.test(siret)) return false;
  if (siret.startsWith(LA_POSTE) && siret !== LA_POSTE_HEAD_OFFICE) {
    let sum = 0;
    for (const char of siret) sum += char.charCodeAt(0) - 48;
    if (sum % 5 !== 0) return false;
  } else if (!isLuhnValid(siret)) return false;
  return isLuhnValid(siret.slice(0, 9));
}

type CheckFn = (row: Record<string, unknown>) => RowCheckViolation | undefined;

function compileCheck(check: RowCheck): CheckFn {
  switch (check.name) {
    case 'one-of-required': {
      const { column1, column2 } = check;
      const violation: RowCheckViolation = {
        code: 'one-of-required',
        rule: 'one-of-required',
        message: `au moins l'un des champs « ${column1} » ou « ${column2} » doit être renseigné`,
      };
      return (row) => (isEmpty(row[column1]) && isEmpty(row[column2]) ? { ...violation } : undefined);
    }
    case 'french-siret-value': {
      const { column } = check;
      return (row) => {
        const value = row[column];
        if (isEmpty(value) || isValidSiret(String(value))) return undefined;
        return {
          code: 'french-siret-value',
          field: column,
          rule: 'french-siret-value',
          message: `« ${String(value)} » n'est pas un numéro SIRET valide`,
        };
      };
    }
  }
}

/**
 * Compiles the checks once for a dataset; the returned function runs on each row and returns a
 * shared, frozen empty array when the row passes.
 */
export function compileRowChecks(checks: readonly RowCheck[]): (row: Record<string, unknown>) => RowCheckViolation[] {
  const fns = checks.map(compileCheck);
  if (fns.length === 0) return () => NO_VIOLATIONS;
  return (row) => {
    let violations: RowCheckViolation[] | undefined;
    for (const fn of fns) {
      const violation = fn(row);
      if (violation) (violations ??= []).push(violation);
    }
    return violations ?? NO_VIOLATIONS;
  };
}

/** One-off form of compileRowChecks, for a single row. */
export function runRowChecks(checks: readonly RowCheck[], row: Record<string, unknown>): RowCheckViolation[] {
  return compileRowChecks(checks)(row);
}
