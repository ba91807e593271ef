import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Catalogue } from '../../catalogue';
import type { Account, Actor } from '../../catalogue/accounts/types';
import { anonymousActor } from '../../catalogue/accounts/types';
import type { Csrf } from './csrf';
import { HttpProblem } from './http-problem';
import { SESSION_ABSOLUTE_MS } from './session-store';

/**
 * Who is calling: a Bearer API token (scripts) or the session cookie (browsers). The account is
 * read from the store on every request, so a disabled account, a revoked token or a narrowed role
 * take effect at once. A token that is presented but unknown or revoked is a 401, never a silent
 * fall-back to anonymous.
 */
export interface RequestAuth {
  account: Account;
  via: 'session' | 'token';
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      auth?: RequestAuth | null;
    }
  }
}

export function clientIp(req: Request): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}

/** The actor for catalogue use cases: the authenticated account, or anonymous. */
export function actorOf(catalogue: Catalogue, req: Request): Actor {
  return req.auth ? catalogue.accounts.actorFor(req.auth.account, req.auth.via, clientIp(req)) : anonymousActor(clientIp(req));
}

function bearerToken(req: Request): string | null | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

export function unauthenticated(detail = 'Authentification requise : connectez-vous, ou envoyez un jeton d’API (Authorization: Bearer <jeton>).'): HttpProblem {
  return new HttpProblem(401, 'unauthenticated', detail);
}

async function fromSession(catalogue: Catalogue, req: Request): Promise<RequestAuth | null> {
  const id = req.session?.accountId;
  if (!id) return null;
  const expired = !req.session.loginAt || Date.now() - Date.parse(req.session.loginAt) > SESSION_ABSOLUTE_MS;
  const account = expired ? undefined : await catalogue.accounts.get(id);
  if (!account || account.disabled) {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    return null;
  }
  return { account, via: 'session' };
}

/** Sets `req.auth` (null when anonymous). `acceptTokens`: false for pages, which only take the session. */
export function identify(catalogue: Catalogue, options: { acceptTokens: boolean }): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const token = options.acceptTokens ? bearerToken(req) : undefined;
      if (token !== undefined) {
        const found = token ? await catalogue.accounts.tokens.authenticate(token) : null;
        if (!found) {
          res.setHeader('WWW-Authenticate', 'Bearer realm="opendata", error="invalid_token"');
          return next(unauthenticated('Jeton d’API inconnu, révoqué ou mal formé.'));
        }
        req.auth = { account: found.account, via: 'token' };
        return next();
      }
      req.auth = await fromSession(catalogue, req);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/**
 * API routes for stewards: 401 without credentials; with the session cookie, an unsafe method
 * also needs the CSRF token (header X-CSRF-Token), else 403.
 */
export function requireApiAccount(csrf: Csrf): RequestHandler {
  return (req, res, next) => {
    if (!req.auth) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="opendata"');
      return next(unauthenticated());
    }
    if (req.auth.via === 'session') return csrf.verify(req, res, next);
    next();
  };
}

/** Workspace pages: anonymous visitors go to the login page, and come back afterwards. */
export function requireLogin(): RequestHandler {
  return (req, res, next) => {
    if (req.auth) return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next(unauthenticated('Votre session a expiré : reconnectez-vous.'));
    res.redirect(303, `/connexion?retour=${encodeURIComponent(req.originalUrl)}`);
  };
}
