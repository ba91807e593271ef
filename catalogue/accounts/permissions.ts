import { AccessDeniedError } from './access-denied';
import type { Actor } from './types';

/** The rules, in one place: administrators everything, stewards their organisations' datasets. */
export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

export function canManageOrganization(actor: Actor, organizationId: number): boolean {
  return isAdmin(actor) || (actor.role === 'steward' && actor.organizationIds.includes(organizationId));
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AccessDeniedError('Cette action est réservée aux administrateurs.');
}

export function requireOrganization(actor: Actor, organizationId: number, what: string): void {
  if (!canManageOrganization(actor, organizationId)) {
    throw new AccessDeniedError(`Vous n’êtes pas responsable des données de l’organisation de ${what}.`);
  }
}
