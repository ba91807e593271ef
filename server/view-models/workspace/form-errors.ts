import { isCatalogueError } from '../../../catalogue/errors';

/**
 * A domain error on a form → messages per field (shown beside each field) and a summary at the
 * top with links to the fields, as the French State's design system does (DSFR).
 */
export interface FormErrors {
  /** field name → its messages */
  byField: Record<string, string[]>;
  summary: Array<{ message: string; href: string | null }>;
}

export function noErrors(): FormErrors {
  return { byField: {}, summary: [] };
}

/** `details` paths such as `/title` or `/contact` name the field; `fieldOf` maps them to form fields. */
export function toFormErrors(error: unknown, fieldOf: (path: string | undefined, code: string) => string | null): FormErrors | null {
  if (!isCatalogueError(error) || !['bad-metadata', 'bad-schema', 'bad-request', 'conflict', 'not-found'].includes(error.code)) return null;
  const result = noErrors();
  const details = error.details.length ? error.details : [{ path: undefined, message: error.message }];
  if (error.details.length) result.summary.push({ message: error.message, href: null });
  for (const d of details) {
    const name = fieldOf(d.path, error.code);
    if (name) (result.byField[name] ??= []).push(d.message);
    result.summary.push({ message: d.message, href: name ? `#${name}` : null });
  }
  return result;
}

export function addFieldError(errors: FormErrors, name: string, message: string): FormErrors {
  (errors.byField[name] ??= []).push(message);
  errors.summary.push({ message, href: `#${name}` });
  return errors;
}
