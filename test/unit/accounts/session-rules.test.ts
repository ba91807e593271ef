import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionExpiry } from '../../../server/middleware/session-store';
import { safeReturnPath } from '../../../server/routes/workspace/login-routes';

describe('session expiry', () => {
  it('slides with activity but never passes the login time plus the absolute lifetime', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    const fresh = { cookie: {}, loginAt: new Date(now).toISOString() } as never;
    expect(sessionExpiry(fresh, now).getTime()).toBe(now + SESSION_IDLE_MS);
    const old = { cookie: {}, loginAt: new Date(now - SESSION_ABSOLUTE_MS + 60_000).toISOString() } as never;
    expect(sessionExpiry(old, now).getTime()).toBe(now + 60_000);
  });
});

describe('the return address after login', () => {
  it('is a path of this site only', () => {
    expect(safeReturnPath('/espace/jeux/a?b=1')).toBe('/espace/jeux/a?b=1');
    for (const bad of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', '', '/ a']) {
      expect(safeReturnPath(bad)).toBe('/espace');
    }
  });
});
