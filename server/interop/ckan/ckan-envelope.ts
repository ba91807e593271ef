import type { NextFunction, Request, Response } from 'express';
import { isCatalogueError } from '../../../catalogue/errors';

/**
 * CKAN's action API answers every call in one envelope, errors included (ckan/views/api.py):
 * `{ help, success: true, result }`, or `{ help, success: false, error: { __type, … } }` with 404
 * for an unknown object, 409 for a validation error (`error` maps each faulty parameter to its
 * messages) and 400 for a search query it cannot run. Clients test `success`, so these routes
 * never answer with the rest of the API's problem+json.
 */
export const CKAN_ACTION_PATH = '/api/3/action';
/** CKAN serves the same actions without the version number; ckanapi calls that address. */
export const CKAN_UNVERSIONED_ACTION_PATH = '/api/action';

/** `help`: the absolute address of the action's documentation, as CKAN gives it. */
export function ckanHelpUrl(baseUrl: string, action: string): string {
  return `${baseUrl}${CKAN_ACTION_PATH}/help_show?name=${encodeURIComponent(action)}`;
}

export type CkanErrorBody =
  | { __type: 'Not Found Error' | 'Search Query Error'; message: string }
  | ({ __type: 'Validation Error' } & Record<string, string | string[]>);

export class CkanError extends Error {
  constructor(readonly status: number, readonly body: CkanErrorBody) {
    super(typeof body.message === 'string' ? body.message : body.__type);
    this.name = 'CkanError';
  }
}

/** 409 Validation Error naming each faulty parameter with its messages (French, for the people reading them). */
export function ckanValidationError(errors: Record<string, string[]>): CkanError {
  return new CkanError(409, { __type: 'Validation Error', ...errors });
}

export function ckanNotFound(message: string): CkanError {
  return new CkanError(404, { __type: 'Not Found Error', message: `Introuvable : ${message}` });
}

export function sendCkanResult(res: Response, help: string, result: unknown): void {
  res.json({ help, success: true, result });
}

/**
 * Our own errors in CKAN's words: the catalogue's not-found becomes a Not Found Error and its
 * bad-request a Validation Error. Anything unexpected goes on to the one error handler, which logs
 * it and hides its internals (architecture point 4).
 */
export function sendCkanError(error: unknown, help: string, res: Response, next: NextFunction): void {
  let ckan: CkanError | null = error instanceof CkanError ? error : null;
  if (!ckan && isCatalogueError(error) && error.code === 'not-found') ckan = ckanNotFound(error.message);
  if (!ckan && isCatalogueError(error) && error.code === 'bad-request') {
    const errors: Record<string, string[]> = {};
    for (const d of error.details) (errors[d.path ?? 'message'] ??= []).push(d.message);
    ckan = ckanValidationError(Object.keys(errors).length ? errors : { message: [error.message] });
  }
  if (!ckan) return next(error);
  res.status(ckan.status).json({ help, success: false, error: ckan.body });
}

/** An action's handler: its result in the envelope, its errors as CKAN tells them. */
export function ckanAction(
  action: string, baseUrl: (req: Request) => string, run: (req: Request) => Promise<unknown>,
): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  return async (req, res, next) => {
    const help = ckanHelpUrl(baseUrl(req), action);
    try {
      sendCkanResult(res, help, await run(req));
    } catch (error) {
      sendCkanError(error, help, res, next);
    }
  };
}
