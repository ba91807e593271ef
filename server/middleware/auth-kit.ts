import type { RequestHandler } from 'express';
import type { Catalogue } from '../../catalogue';
import type { Config } from '../../catalogue/config';
import { identify, requireApiAccount, requireLogin } from './auth';
import { createCsrf, type Csrf } from './csrf';
import { sessionMiddleware } from './session';
import { resolveSessionSecret } from './session-secret';

/**
 * The authentication pieces, built once per app and shared by the workspace pages and the API's
 * steward routes: sessions (cookie + store), CSRF, and who-is-calling.
 */
export interface AuthKit {
  https: boolean;
  csrf: Csrf;
  /** cookie parsing and the session, for routes that may use it. */
  session: RequestHandler[];
  /** API routes for stewards: session or Bearer token, 401 without, CSRF with the session. */
  apiSteward: RequestHandler[];
  /** Workspace pages: who is logged in (session only), and the same with a redirect to /connexion. */
  pages: { identify: RequestHandler[]; requireLogin: RequestHandler[] };
}

export function createAuthKit(catalogue: Catalogue, config: Config): AuthKit {
  const https = config.baseUrl?.startsWith('https://') ?? false;
  const secret = resolveSessionSecret(config);
  const csrf = createCsrf({ secret, https });
  const session = sessionMiddleware({ secret, https, sessions: catalogue.sessions });
  const identifyPages = identify(catalogue, { acceptTokens: false });
  return {
    https,
    csrf,
    session,
    apiSteward: [...session, identify(catalogue, { acceptTokens: true }), requireApiAccount(csrf)],
    pages: { identify: [...session, identifyPages], requireLogin: [...session, identifyPages, requireLogin()] },
  };
}

/** One kit per catalogue and configuration: the API areas and the workspace share it. */
const kits = new WeakMap<Catalogue, Map<Config, AuthKit>>();

export function authKitFor(catalogue: Catalogue, config: Config): AuthKit {
  const byConfig = kits.get(catalogue) ?? new Map<Config, AuthKit>();
  kits.set(catalogue, byConfig);
  let kit = byConfig.get(config);
  if (!kit) {
    kit = createAuthKit(catalogue, config);
    byConfig.set(config, kit);
  }
  return kit;
}
