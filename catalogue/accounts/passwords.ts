import argon2 from 'argon2';
import { CatalogueError } from '../errors';

/**
 * Passwords are hashed with argon2id (OWASP's first choice) at argon2's defaults: 64 MiB, 3
 * passes, 4 lanes. The parameters live in the hash, so raising them later keeps old hashes valid.
 */
export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 1000;

export function checkPasswordPolicy(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CatalogueError('bad-request', `Le mot de passe doit comporter au moins ${MIN_PASSWORD_LENGTH} caractères.`, [
      { path: 'password', message: `au moins ${MIN_PASSWORD_LENGTH} caractères` },
    ]);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new CatalogueError('bad-request', `Le mot de passe doit comporter au plus ${MAX_PASSWORD_LENGTH} caractères.`, [
      { path: 'password', message: `au plus ${MAX_PASSWORD_LENGTH} caractères` },
    ]);
  }
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash to verify against when the account does not exist, so that an unknown e-mail takes as
 * long to refuse as a wrong password (no account enumeration by timing).
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('mot de passe qui ne correspond à aucun compte');
  return decoy;
}
