import { rateLimit } from 'express-rate-limit';
import type { RequestHandler } from 'express';
import { HttpProblem } from './http-problem';

/**
 * Per-client rate limiting of the API (RATE_LIMIT requests per minute; 0 turns it off), keyed by
 * the client's address ('trust proxy' decides which one), with the standard `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` headers (IETF draft 6). Overuse is a 429 problem
 * with code `rate-limited`, written by the one error middleware. The count is per process.
 */
export function apiRateLimit(perMinute: number): RequestHandler | null {
  if (perMinute <= 0) return null;
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    handler: (_req, _res, next, options) => {
      const seconds = Math.ceil(options.windowMs / 1000);
      next(new HttpProblem(429, 'rate-limited', `Trop de requêtes : au plus ${perMinute} par minute et par client. Réessayez dans ${seconds} secondes au plus (en-tête RateLimit-Reset).`));
    },
  });
}
