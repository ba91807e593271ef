import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isCatalogueError, type CatalogueErrorCode } from '../../catalogue/errors';
import type { RenderPage } from '../render/templates';

/**
 * The one place that turns errors into responses: RFC 9457 problem+json under /api, an HTML page
 * elsewhere. Domain errors map by code; anything unexpected is logged and answered with a 500
 * that shows no internals.
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
};

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  404: 'Page introuvable',
  409: 'Conflit',
  410: 'Ressource disparue',
  413: 'Fichier trop volumineux',
  422: 'Données non valides',
  500: 'Erreur interne',
  503: 'Service momentanément indisponible',
};

export function notFound(): RequestHandler {
  return (req, _res, next) => next(Object.assign(new Error('not found'), { status: 404, path: req.path }));
}

export function errorHandler(render: RenderPage, log: (error: unknown) => void = defaultLog): ErrorRequestHandler {
  return (error, req, res, _next) => {
    let status = 500;
    let detail = "Une erreur inattendue s'est produite. Elle a été enregistrée ; réessayez plus tard.";
    let code = 'internal-error';
    let errors: unknown[] | undefined;
    if (isCatalogueError(error)) {
      status = STATUS[error.code];
      detail = error.message;
      code = error.code;
      if (error.details.length) errors = error.details;
    } else if (typeof error?.status === 'number' && error.status >= 400 && error.status < 500) {
      status = error.status;
      code = status === 404 ? 'not-found' : 'bad-request';
      detail = status === 404 ? `Aucune ressource à l'adresse ${req.path}.` : 'La requête ne peut pas être lue.';
    }
    if (status >= 500) log(error);
    if (res.headersSent) return res.destroy();
    const title = TITLES[status] ?? 'Erreur';
    if (req.path.startsWith('/api/')) {
      res.status(status).type('application/problem+json').json({ type: 'about:blank', title, status, detail, code, ...(errors ? { errors } : {}) });
      return;
    }
    res.status(status).type('html').send(render('error', { title, heading: title, message: detail }));
  };
}

function defaultLog(error: unknown): void {
  console.error('[error]', error);
}
