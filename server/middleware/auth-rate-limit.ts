import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { HttpProblem } from './http-problem';

/**
 * Login attempts per client address: 10 failed attempts per 15 minutes (successful logins do
 * not count), on top of the per-account lock after 5 failures (catalogue/accounts/login.ts),
 * which holds across server processes. This count is per process.
 */
export const LOGIN_ATTEMPTS = { limit: 10, windowMs: 15 * 60_000 } as const;

export function loginRateLimit(limit: number = LOGIN_ATTEMPTS.limit): RequestHandler {
  return rateLimit({
    windowMs: LOGIN_ATTEMPTS.windowMs,
    limit,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // The login handler answers 200 with the form again on a wrong password; only a redirect is a success.
    requestWasSuccessful: (_req, res) => res.statusCode === 303,
    skipSuccessfulRequests: true,
    handler: (_req, _res, next) => {
      next(new HttpProblem(429, 'rate-limited', 'Trop de tentatives de connexion depuis votre adresse : réessayez dans un quart d’heure.'));
    },
  });
}
