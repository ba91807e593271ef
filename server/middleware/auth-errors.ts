import type { ErrorRequestHandler } from 'express';
import { isAccessDenied } from '../../catalogue/accounts/access-denied';
import { HttpProblem } from './http-problem';

/**
 * The catalogue's "not allowed" (a steward outside their organisations, a steward on an
 * administrator's page) becomes a 403 problem, then goes on to the one error handler.
 */
export function accessDeniedAsForbidden(): ErrorRequestHandler {
  return (error, _req, _res, next) => {
    next(isAccessDenied(error) ? new HttpProblem(403, 'forbidden', error.message) : error);
  };
}
