import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS open to any origin on the API's read routes (GET and HEAD, and their preflight), with the
 * headers a client script needs to read: ETag, rate-limit state, the export's file name, the request id (to quote in a report). Writes
 * (the stewards' routes) get no CORS headers: browsers elsewhere cannot call them.
 */
const openCors = cors({
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['If-None-Match', 'Accept', 'Content-Type', 'X-Request-Id'],
  exposedHeaders: ['ETag', 'Content-Disposition', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'Retry-After', 'X-Request-Id'],
  maxAge: 86400,
});

const isRead = (method: string) => method === 'GET' || method === 'HEAD';

export function apiCors(): RequestHandler {
  return (req, res, next) => {
    const preflightForRead = req.method === 'OPTIONS' && isRead(String(req.headers['access-control-request-method'] ?? '').toUpperCase());
    if (!isRead(req.method) && !preflightForRead) return next();
    // helmet's Cross-Origin-Resource-Policy: same-origin would keep other sites from embedding answers.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    openCors(req, res, next);
  };
}
