import type { RequestHandler } from 'express';

/**
 * THE description of the API's routes: each route is declared once, with its handler and with
 * what OpenAPI needs (parameters, responses). The routers mount these declarations and the
 * OpenAPI documents are generated from them, so the documentation cannot drift from the code.
 */
export type JsonSchema = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  description: string;
  required?: boolean;
  schema: JsonSchema;
  style?: 'form' | 'simple';
  explode?: boolean;
  example?: unknown;
}

export interface MediaSpec {
  schema: JsonSchema;
}

export interface ResponseSpec {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, MediaSpec>;
}

export type Ref = { $ref: string };

export interface RequestBodySpec {
  description: string;
  required?: boolean;
  content: Record<string, MediaSpec>;
}

/** Who may call a route: anyone, or stewards (session cookie in a browser, Bearer token for scripts). */
export type RouteAccess = 'public' | 'steward';

export interface ApiRoute {
  operationId: string;
  method: 'get' | 'post' | 'patch';
  /** OpenAPI path template, from the site root: `/api/v1/datasets/{slug}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  parameters: ParameterSpec[];
  /**
   * `closed`: only the declared query parameters are accepted (anything else is a 400 that names
   * it). `open`: the service checks them, because they depend on the dataset (column filters).
   */
  query: 'closed' | 'open';
  responses: Record<string, ResponseSpec | Ref>;
  requestBody?: RequestBodySpec;
  /** Default `public`. `steward` routes get the authentication middleware and document their security. */
  access?: RouteAccess;
  /** Run after the query check and authentication, before the handler (a body parser, say). */
  before?: RequestHandler[];
  /** Whether each dataset's own OpenAPI document lists it (default: every dataset-scoped route). */
  inDatasetDocument?: boolean;
  handler: RequestHandler;
}

/** `/api/v1/datasets/{slug}` → `/api/v1/datasets/:slug` (express 5 path syntax). */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}
