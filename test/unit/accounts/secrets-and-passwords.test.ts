import { normalizeEmail } from '../../../catalogue/accounts/emails';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../catalogue/accounts/passwords';
import { generateApiToken, looksLikeApiToken, sha256Hex } from '../../../catalogue/accounts/secrets';

describe('API tokens', () => {
  it('are 32 random bytes behind a recognisable prefix, never twice the same', () => {
    const tokens = new Set(Array.from({ length: 200 }, generateApiToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(looksLikeApiToken(token)).toBe(true);
    expect(looksLikeApiToken('odt_court')).toBe(false);
    expect(looksLikeApiToken('Bearer odt_' + 'a'.repeat(43))).toBe(false);
  });

  it('are stored as a SHA-256 digest', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('passwords', () => {
  it('are hashed with argon2id, salted, and verified', async () => {
    const [a, b] = await Promise.all([hashPassword('une phrase de passe'), hashPassword('une phrase de passe')]);
    expect(a).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'une phrase de passe')).toBe(true);
    expect(await verifyPassword(a, 'une autre phrase')).toBe(false);
    expect(await verifyPassword('pas un hachage', 'x')).toBe(false);
  });

  it('need 12 characters at least, said in French', () => {
    expect(() => checkPasswordPolicy('court')).toThrow(/au moins 12 caractères/);
    expect(() => checkPasswordPolicy('douze caract')).not.toThrow();
  });
});

describe('e-mails', () => {
  it('are trimmed and lower-cased; an invalid one is a French bad-request', () => {
    expect(normalizeEmail('  Marie.Dupont@Eure.FR ')).toBe('marie.dupont@eure.fr');
    expect(() => normalizeEmail('marie@')).toThrow(/n’est pas une adresse électronique valide/);
  });
});
