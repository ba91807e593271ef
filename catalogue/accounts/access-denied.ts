/**
 * The actor may not do this (a steward outside their organisations, a steward on an
 * administrator's page). A domain error of its own, since catalogue/errors.ts codes map to
 * statuses the HTTP layer already knows; server/middleware/auth-errors.ts turns it into a 403.
 */
export class AccessDeniedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

export function isAccessDenied(error: unknown): error is AccessDeniedError {
  return error instanceof AccessDeniedError;
}
