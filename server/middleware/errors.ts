import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { isCatalogueError, type CatalogueErrorCode } from '../../catalogue/errors';
import { requestIdOf } from '../logging/request-log';
import type { RenderPage } from '../render/templates';
import { HttpProblem, type ProblemDetail } from './http-problem';

/**
 * The one place that turns errors into responses: RFC 9457 problem+json under /api, an HTML page
 * elsewhere. Domain errors map by code; HTTP-level problems carry their status; anything
 * unexpected is logged and answered with a 500 that shows no internals (no message, stack or SQL).
 */
const STATUS: Record<CatalogueErrorCode, number> = {
  'bad-request': 400,
  'bad-schema': 422,
  'bad-metadata': 422,
  'unreadable-file': 422,
  'not-found': 404,
  conflict: 409,
  'bad-config': 500,
  gone: 410,
  'query-timeout': 503,
  'shutting-down': 503,
};

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Page introuvable',
  405: 'Méthode non permise',
  409: 'Conflit',
  410: 'Ressource disparue',
  413: 'Fichier trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Données non valides',
  429: 'Trop de requêtes',
  500: 'Erreur interne',
  503: 'Service momentanément indisponible',
};

const UNEXPECTED = "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez plus tard.";

export interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: ProblemDetail[];
}

/** Only the documented fields of a detail go out: nothing else an error might carry. */
function publicDetails(details: readonly ProblemDetail[]): ProblemDetail[] | undefined {
  if (details.length === 0) return undefined;
  return details.map((d) => ({
    ...(d.path !== undefined ? { path: d.path } : {}),
    ...(d.keyword !== undefined ? { keyword: d.keyword } : {}),
    message: d.message,
  }));
}

export function toProblem(error: unknown, req: Request): Problem {
  if (isCatalogueError(error)) {
    const status = STATUS[error.code];
    if (status >= 500) return { status, code: error.code === 'bad-config' ? 'internal-error' : error.code, detail: status === 500 ? UNEXPECTED : error.message };
    return { status, code: error.code, detail: error.message, errors: publicDetails(error.details) };
  }
  if (error instanceof HttpProblem) {
    return { status: error.status, code: error.code, detail: error.message, errors: publicDetails(error.details) };
  }
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Errors from express and body parsers (a malformed path encoding, say): a fixed French text.
    if (status === 404) return { status, code: 'not-found', detail: `Aucune ressource à l'adresse ${req.path}.` };
    return { status, code: 'bad-request', detail: 'La requête ne peut pas être lue.' };
  }
  return { status: 500, code: 'internal-error', detail: UNEXPECTED };
}

export function notFound(): RequestHandler {
  return (req, _res, next) => next(Object.assign(new Error('not found'), { status: 404, path: req.path }));
}

/** The DCAT documents outside /api (`/catalog.ttl`, `/datasets/{slug}.jsonld`…) are read by programs too. */
const RDF_DOCUMENT = /\.(?:ttl|jsonld)$/;

/** Where errors are problem+json rather than HTML pages (the /api documentation page is a page). */
export function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/healthz' || RDF_DOCUMENT.test(path);
}

export function errorHandler(
  render: RenderPage,
  options: { baseUrl: (req: Request) => string },
): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const problem = toProblem(error, req);
    if (problem.status >= 500) logServerError(error, req);
    const requestId = requestIdOf(req);
    if (problem.status === 500 && requestId) problem.detail += ` Identifiant de la requête : ${requestId}.`;
    // A failure in the middle of a streamed body cannot change the status any more: cut the
    // connection so the client sees an incomplete download rather than a silently short one.
    if (res.headersSent) return void res.destroy();
    const title = TITLES[problem.status] ?? 'Erreur';
    if (isApiPath(req.path)) {
      // A representation's headers set before the failure (ETag, attachment) do not describe a problem.
      for (const header of ['ETag', 'Cache-Control', 'Content-Disposition']) res.removeHeader(header);
      res.status(problem.status).type('application/problem+json').json({
        type: `${options.baseUrl(req)}/api#probleme-${problem.code}`,
        title: problem.status === 404 ? 'Ressource introuvable' : title,
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        ...(problem.errors ? { errors: problem.errors } : {}),
      });
      return;
    }
    res.status(problem.status).type('html').send(render('error', { title, heading: title, message: problem.detail }));
  };
}

/**
 * Through the request's logger (request-log.ts: it carries the request id); console.error for an
 * app built without it. A query past its time budget (503) is overload, not a fault: a warning.
 */
function logServerError(error: unknown, req: Request): void {
  if (!req.log) return void console.error('[error]', error);
  if (isCatalogueError(error) && error.code === 'query-timeout') req.log.warn({ err: error }, 'requête interrompue : temps imparti dépassé');
  else req.log.error({ err: error }, 'erreur inattendue');
}
