import { CatalogueError, type CatalogueErrorCode, type ErrorDetail } from '../errors';

/** Errors across threads: a worker's exception rebuilt in the caller's thread (CatalogueError keeps its code and details). */

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Own enumerable properties that can be cloned: code, details, errno, syscall, path… */
  props: Record<string, unknown>;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), props: {} };
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    try {
      props[key] = structuredClone(value);
    } catch {
      // not cloneable (a function, a handle): left behind
    }
  }
  return { name: error.name, message: error.message, stack: error.stack, props };
}

export function deserializeError(e: SerializedError): Error {
  let error: Error;
  if (e.name === 'CatalogueError' && typeof e.props.code === 'string') {
    error = new CatalogueError(e.props.code as CatalogueErrorCode, e.message, (e.props.details as ErrorDetail[] | undefined) ?? []);
  } else {
    error = new Error(e.message);
    Object.assign(error, e.props);
    if (e.name !== 'Error') error.name = e.name;
  }
  if (e.stack) error.stack = e.stack;
  return error;
}
