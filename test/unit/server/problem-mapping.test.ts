import type { Request } from 'express';
import { CatalogueError } from '../../../catalogue/errors';
import { toProblem } from '../../../server/middleware/errors';
import { HttpProblem } from '../../../server/middleware/http-problem';

const req = { path: '/api/v1/x' } as Request;

describe('error → problem', () => {
  it('maps domain codes to statuses and keeps their details', () => {
    const detail = { path: 'sort', message: 'sort : tri inconnu' };
    expect(toProblem(new CatalogueError('bad-request', 'Paramètre invalide', [detail]), req)).toEqual({ status: 400, code: 'bad-request', detail: 'Paramètre invalide', errors: [detail] });
    expect(toProblem(new CatalogueError('not-found', 'Introuvable'), req)).toMatchObject({ status: 404, code: 'not-found', errors: undefined });
    expect(toProblem(new CatalogueError('gone', 'Curseur expiré'), req)).toMatchObject({ status: 410, code: 'gone' });
    expect(toProblem(new CatalogueError('query-timeout', 'Trop long'), req)).toMatchObject({ status: 503, code: 'query-timeout' });
    expect(toProblem(new CatalogueError('shutting-down', 'Arrêt'), req)).toMatchObject({ status: 503, code: 'shutting-down' });
  });

  it('keeps only the documented fields of a detail', () => {
    const leaky = new CatalogueError('bad-request', 'x', [{ path: 'p', message: 'm', sql: 'select 1', stack: 'at x' } as never]);
    expect(toProblem(leaky, req).errors).toEqual([{ path: 'p', message: 'm' }]);
  });

  it('carries HTTP-level problems and express errors', () => {
    expect(toProblem(new HttpProblem(429, 'rate-limited', 'Trop de requêtes'), req)).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(toProblem(Object.assign(new Error('URIError: secret'), { status: 400 }), req)).toEqual({ status: 400, code: 'bad-request', detail: 'La requête ne peut pas être lue.' });
  });

  it('hides everything about an unexpected error', () => {
    const problem = toProblem(new Error('SQLITE_CORRUPT at /srv/x.ts:1'), req);
    expect(problem).toMatchObject({ status: 500, code: 'internal-error' });
    expect(JSON.stringify(problem)).not.toMatch(/SQLITE|srv|\.ts/);
    expect(toProblem(new CatalogueError('bad-config', 'DATABASE_URL=postgres://secret'), req).detail).not.toMatch(/secret/);
  });
});
