import { AccessDeniedError } from '../../../catalogue/accounts/access-denied';
import { canManageOrganization, isAdmin, requireAdmin, requireOrganization } from '../../../catalogue/accounts/permissions';
import { anonymousActor, COMMAND_LINE_ACTOR, type Actor } from '../../../catalogue/accounts/types';

/** The rules: administrators everything, stewards their organisations only, anonymous nothing. */
const actor = (role: Actor['role'], organizationIds: number[] = []): Actor => ({ accountId: 1, name: 'x@y.fr', role, organizationIds, via: 'session', ip: null });

describe('permissions', () => {
  it('lets an administrator manage every organisation, a steward only theirs, anonymous none', () => {
    expect(canManageOrganization(actor('admin'), 7)).toBe(true);
    expect(canManageOrganization(actor('steward', [3, 7]), 7)).toBe(true);
    expect(canManageOrganization(actor('steward', [3]), 7)).toBe(false);
    expect(canManageOrganization(anonymousActor('127.0.0.1'), 7)).toBe(false);
    expect(canManageOrganization(COMMAND_LINE_ACTOR, 7)).toBe(true);
  });

  it('throws AccessDeniedError with a French message', () => {
    expect(() => requireAdmin(actor('steward', [1]))).toThrow(AccessDeniedError);
    expect(() => requireAdmin(actor('steward', [1]))).toThrow(/réservée aux administrateurs/);
    expect(() => requireOrganization(actor('steward', [1]), 2, '« x »')).toThrow(/n’êtes pas responsable/);
    expect(() => requireOrganization(actor('steward', [2]), 2, '« x »')).not.toThrow();
    expect(isAdmin(actor('admin'))).toBe(true);
  });
});
