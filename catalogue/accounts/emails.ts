import { CatalogueError } from '../errors';

/** E-mails are compared lower-cased and trimmed; the check is deliberately simple. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 320) {
    throw new CatalogueError('bad-request', `« ${raw} » n’est pas une adresse électronique valide.`, [
      { path: 'email', message: 'adresse électronique invalide' },
    ]);
  }
  return email;
}
