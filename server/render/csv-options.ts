import type { QueryParams } from '../../catalogue/records';
import type { ProblemDetail } from '../middleware/http-problem';

/**
 * The CSV export's own parameters (contract section 6): `_delimiter=,|;|tab`, `_bom=true`,
 * `_decimal=,` and `_profile=excel-fr` (`;`, BOM, decimal comma, CRLF), explicit options winning
 * over the profile. They are taken out of the query before it reaches the records service.
 */
export interface CsvOptions {
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  decimalComma: boolean;
  recordDelimiter: '\n' | '\r\n';
}

export const CSV_OPTION_NAMES = ['_delimiter', '_bom', '_decimal', '_profile'] as const;

const DELIMITERS: Record<string, CsvOptions['delimiter']> = { ',': ',', ';': ';', tab: '\t', '\t': '\t' };

export function parseCsvOptions(params: QueryParams): { options: CsvOptions; problems: ProblemDetail[] } {
  const problems: ProblemDetail[] = [];
  const one = (name: string): string | undefined => {
    const raw = params[name];
    if (Array.isArray(raw)) {
      problems.push({ path: name, message: `${name} : ce paramètre ne peut être donné qu’une fois` });
      return undefined;
    }
    return raw;
  };
  const options: CsvOptions = { delimiter: ',', bom: false, decimalComma: false, recordDelimiter: '\n' };
  const profile = one('_profile');
  if (profile !== undefined) {
    if (profile === 'excel-fr') Object.assign(options, { delimiter: ';', bom: true, decimalComma: true, recordDelimiter: '\r\n' });
    else problems.push({ path: '_profile', message: `_profile : « ${profile} » inconnu ; valeur permise : excel-fr` });
  }
  const delimiter = one('_delimiter');
  if (delimiter !== undefined) {
    // Own keys only: `toString` or `constructor` would find Object.prototype's functions (a 500).
    if (Object.hasOwn(DELIMITERS, delimiter)) options.delimiter = DELIMITERS[delimiter];
    else problems.push({ path: '_delimiter', message: `_delimiter : « ${delimiter} » n’est pas permis ; valeurs permises : « , », « ; », tab` });
  }
  const bom = one('_bom');
  if (bom !== undefined) {
    if (bom === 'true' || bom === 'false') options.bom = bom === 'true';
    else problems.push({ path: '_bom', message: `_bom : « ${bom} » n’est pas permis ; valeurs permises : true, false` });
  }
  const decimal = one('_decimal');
  if (decimal !== undefined) {
    if (decimal === ',' || decimal === '.') options.decimalComma = decimal === ',';
    else problems.push({ path: '_decimal', message: `_decimal : « ${decimal} » n’est pas permis ; valeurs permises : « , », « . »` });
  }
  return { options, problems };
}
