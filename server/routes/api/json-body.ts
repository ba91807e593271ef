import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { HttpProblem } from '../../middleware/http-problem';

/**
 * A JSON body for the stewards' write routes (metadata with an inline schema: a few megabytes at
 * most), with French problems for a malformed or oversized body and a body that is not an object.
 */
const LIMIT = '5mb';

const parse = express.json({ limit: LIMIT, type: ['application/json', 'application/merge-patch+json', 'application/*+json'] });

const explain: ErrorRequestHandler = (error, _req, _res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return next(new HttpProblem(413, 'payload-too-large', `Le corps de la requête dépasse ${LIMIT.replace('mb', ' Mo')}.`));
  if (type === 'entity.parse.failed') return next(new HttpProblem(400, 'bad-request', 'Le corps de la requête n’est pas un JSON valide.'));
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') return next(new HttpProblem(415, 'unsupported-media-type', 'Envoyez le JSON en UTF-8.'));
  next(error);
};

const requireObject: RequestHandler = (req, _res, next) => {
  const body = req.body as unknown;
  if (!req.is('json') && !req.is('application/*+json')) {
    return next(new HttpProblem(415, 'unsupported-media-type', 'Envoyez les métadonnées en JSON (Content-Type: application/json).'));
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return next(new HttpProblem(400, 'bad-request', 'Le corps doit être un objet JSON.'));
  next();
};

export function jsonBody(): Array<RequestHandler | ErrorRequestHandler> {
  return [parse, explain, requireObject];
}
