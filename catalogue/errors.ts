/**
 * Domain errors carry a stable code; catalogue/ knows nothing of HTTP. server/'s one error
 * middleware maps codes to statuses, and the CLI maps them to exit codes. Messages are French:
 * they reach people.
 */
export type CatalogueErrorCode =
  | 'bad-schema' // a row schema or Table Schema that cannot be used
  | 'bad-metadata' // dataset.json (or API metadata) that breaks schemas/catalogue/dataset.schema.json
  | 'unreadable-file' // a data file that cannot be opened or read at all
  | 'not-found'
  | 'conflict' // e.g. a publish already running for that dataset
  | 'bad-config'
  | 'bad-request'
  | 'gone' // e.g. a cursor made on a dataset version that is no longer kept
  | 'query-timeout' // a query stopped past its time budget
  | 'shutting-down'; // work stopped because the service is stopping (a publish rolled back at SIGTERM)

export interface ErrorDetail {
  /** Where: a JSON pointer into a schema or metadata document, a parameter name, a file path. */
  path?: string;
  /** Which rule failed (a JSON Schema keyword, for instance). */
  keyword?: string;
  message: string;
}

export class CatalogueError extends Error {
  constructor(
    readonly code: CatalogueErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'CatalogueError';
  }
}

export function isCatalogueError(error: unknown): error is CatalogueError {
  return error instanceof CatalogueError;
}
