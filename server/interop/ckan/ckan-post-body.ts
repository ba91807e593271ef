import express, { type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import type { RawQuery } from './ckan-params';

/**
 * CKAN takes every action by POST with a JSON object as well (ckanapi, the usual CKAN client,
 * posts by default). Its parameters are read from the body; those of the address are kept too,
 * the body winning. A body CKAN could not read gets CKAN's own answer: a 400 whose JSON body is a
 * bare string (ckan/views/api.py `_finish_bad_request`).
 */
const parse = express.json({ limit: '100kb', type: () => true });

function badRequest(detail: string): string {
  return `Bad request - JSON Error: ${detail}`;
}

const explain: ErrorRequestHandler = (error, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.parse.failed') return void res.status(400).json(badRequest('le corps de la requête n’est pas un JSON valide'));
  if (type === 'entity.too.large') return void res.status(400).json(badRequest('le corps de la requête dépasse 100 Ko'));
  next(error);
};

const requireObject: RequestHandler = (req, res, next) => {
  const body = req.body as unknown;
  if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
    return void res.status(400).json(badRequest('le corps doit être un objet JSON'));
  }
  next();
};

/** Express runs an error handler placed in a route's chain only on an error: typed as the chain's handlers. */
export function ckanPostBody(): RequestHandler[] {
  return [parse, explain, requireObject] as RequestHandler[];
}

export function ckanPostParams(req: Request): RawQuery {
  return { ...(req.query as RawQuery), ...((req.body as RawQuery | undefined) ?? {}) };
}
