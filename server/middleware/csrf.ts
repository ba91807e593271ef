import { createHmac } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { doubleCsrf } from 'csrf-csrf';
import { HttpProblem } from './http-problem';

/**
 * CSRF protection (csrf-csrf's signed double-submit cookie): every form carries a token (hidden
 * field `_csrf`) that must match an HttpOnly cookie, both bound by HMAC to the server's secret
 * and to the session id once logged in. Scripts calling the API with the session cookie send the
 * token in `X-CSRF-Token`; requests authenticated by a Bearer token need none (no ambient
 * credential to abuse). SameSite=Lax cookies are a second line of defence.
 */
export interface Csrf {
  /** A token for a form (sets or renews the cookie). */
  token(req: Request, res: Response): string;
  /** Refuses an unsafe request whose token is missing or wrong (403 `csrf-invalid`). */
  verify: RequestHandler;
  isValid(req: Request): boolean;
}

export const CSRF_FIELD = '_csrf';

export function csrfError(): HttpProblem {
  return new HttpProblem(403, 'csrf-invalid', 'Le jeton de sécurité du formulaire est absent ou périmé : rechargez la page et recommencez.');
}

export function createCsrf(options: { secret: string; https: boolean }): Csrf {
  const secret = createHmac('sha256', options.secret).update('csrf').digest('hex');
  const { generateCsrfToken, validateRequest } = doubleCsrf({
    getSecret: () => secret,
    // Bound to the session once logged in; before login (the login form) to the cookie alone.
    getSessionIdentifier: (req) => (req.session?.accountId ? req.sessionID : 'anonyme'),
    cookieName: options.https ? '__Host-opendata.csrf' : 'opendata.csrf',
    cookieOptions: { sameSite: 'lax', secure: options.https, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
      return typeof field === 'string' ? field : (req.headers['x-csrf-token'] as string | undefined);
    },
  });
  const isValid = (req: Request) => {
    try {
      return validateRequest(req);
    } catch {
      return false;
    }
  };
  return {
    token: (req, res) => generateCsrfToken(req, res),
    isValid,
    verify: (req, _res, next) => {
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
      next(isValid(req) ? undefined : csrfError());
    },
  };
}
