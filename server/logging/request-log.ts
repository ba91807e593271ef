import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { SerializedRequest, SerializedResponse } from 'pino-std-serializers';
import { maskUrl, type Logger } from './logger';

/**
 * One log line per request, written when the response has gone out (or the client left):
 * request id, method, route, status, duration (`responseTime`, ms), no bodies. The request id is
 * the caller's `X-Request-Id` when it is a sane token (a proxy's id, so that both logs match),
 * else a new UUID, and goes back in the `X-Request-Id` response header; `req.log` is a child
 * logger carrying it, for anything logged while handling the request (the error handler's 500).
 */
export const REQUEST_ID_HEADER = 'X-Request-Id';

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const matchedRoute = Symbol('matchedRoute');
type Tracked = IncomingMessage & { [matchedRoute]?: string; baseUrl?: string };

/**
 * Express sets `req.route` when a route matches, but restores `req.baseUrl` when the request
 * leaves a mounted router, so by the time the response finishes the mount path may be gone.
 * Catching the assignment keeps `baseUrl + route.path` as it was at match time, e.g.
 * `/api/v1/datasets/:slug/records` rather than the raw URL (which would make every slug and id its
 * own "route").
 */
function trackMatchedRoute(req: Tracked): void {
  let route: unknown;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set(value: { path?: unknown } | undefined) {
      route = value;
      if (value?.path !== undefined) req[matchedRoute] = `${req.baseUrl ?? ''}${String(value.path)}`;
    },
  });
}

export function routeOf(req: IncomingMessage): string | null {
  return (req as Tracked)[matchedRoute] ?? null;
}

export function requestIdOf(req: IncomingMessage): string {
  return String((req as IncomingMessage & { id?: unknown }).id ?? '');
}

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

const RESPONSE_HEADERS = ['content-type', 'content-length', 'content-encoding', 'location', 'set-cookie'];

function pick(headers: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => headers[name] !== undefined).map((name) => [name, headers[name]]));
}

/** A 503 says the service is overloaded (a query past its budget), not that it failed: a warning. */
function levelOf(_req: IncomingMessage, res: ServerResponse, error?: Error): 'error' | 'warn' | 'info' {
  if (res.statusCode === 503) return 'warn';
  return error || res.statusCode >= 500 ? 'error' : 'info';
}

/** `aborted`: the client left before the response was complete (the status is then what would have been sent). */
function outcome(req: IncomingMessage, res: ServerResponse, fields: object): object {
  return { ...fields, method: req.method, route: routeOf(req), status: res.statusCode, ...(res.writableFinished ? {} : { aborted: true }) };
}

export function requestLog(logger: Logger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: requestId,
    quietReqLogger: true,
    // pino-http hands these the standard serializers' output (`wrapSerializers`). Kept: the
    // request's headers (sensitive ones redacted by logger.ts) but not `query`/`params`, which
    // repeat the URL outside of its masking; of the response, the headers that say what went out.
    serializers: {
      req: ({ id, method, url, headers, remoteAddress }: SerializedRequest) => ({ id, method, url: maskUrl(url), headers, remoteAddress }),
      res: ({ statusCode, headers }: SerializedResponse) => ({ statusCode, headers: pick(headers ?? {}, RESPONSE_HEADERS) }),
    },
    customLogLevel: levelOf,
    customSuccessObject: outcome,
    customErrorObject: (req, res, _error, fields) => outcome(req, res, fields),
    customSuccessMessage: (req, res) => `${req.method} ${routeOf(req) ?? '(sans route)'} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${routeOf(req) ?? '(sans route)'} ${res.statusCode}`,
  });
  return (req: Request, res, next) => {
    trackMatchedRoute(req as Tracked);
    middleware(req, res, next);
  };
}
