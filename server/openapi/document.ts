import { RATE_LIMIT_HEADERS, RESPONSES, SCHEMAS, SECURITY_SCHEMES } from './components';
import type { ApiRoute, JsonSchema, ParameterSpec, Ref, ResponseSpec } from './route-spec';

/**
 * Builds an OpenAPI 3.1 document from route declarations (route-spec.ts): the same list the
 * routers mount. Per-dataset documents reuse this with their own components and parameters.
 */
export interface DocumentOptions {
  serverUrl: string;
  title: string;
  description: string;
  version: string;
  /** Replaces or adds component schemas (a dataset's own Record schema, say). */
  schemas?: Record<string, JsonSchema>;
  /** Rewrites a route's path and parameters (a dataset's document fixes `{slug}`). */
  adapt?: (route: ApiRoute) => { path: string; parameters: ParameterSpec[] } | null;
}

type Operation = Record<string, unknown>;

const withRateLimitHeaders = (response: ResponseSpec | Ref): ResponseSpec | Ref =>
  '$ref' in response ? response : { ...response, headers: { ...RATE_LIMIT_HEADERS, ...response.headers } };

function toOperation(route: ApiRoute, parameters: ParameterSpec[]): Operation {
  const limited = route.path.startsWith('/api/v1/');
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, r]) => [status, limited && status.startsWith('2') ? withRateLimitHeaders(r) : r]),
  );
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.requestBody ? { requestBody: route.requestBody } : {}),
    ...(route.access === 'steward' ? { security: [{ jeton: [] }, { session: [] }] } : {}),
    responses: {
      ...responses,
      ...(route.access === 'steward'
        ? { 401: { $ref: '#/components/responses/Unauthorized' }, 403: { $ref: '#/components/responses/Forbidden' } }
        : {}),
      ...(limited ? { 429: { $ref: '#/components/responses/TooManyRequests' } } : {}),
      500: { $ref: '#/components/responses/ServerError' },
    },
  };
}

export function buildOpenApiDocument(routes: readonly ApiRoute[], options: DocumentOptions): Record<string, unknown> {
  const paths: Record<string, Record<string, Operation>> = {};
  const tags = new Set<string>();
  for (const route of routes) {
    const adapted = options.adapt ? options.adapt(route) : { path: route.path, parameters: route.parameters };
    if (!adapted) continue;
    tags.add(route.tag);
    paths[adapted.path] = { ...paths[adapted.path], [route.method]: toOperation(route, adapted.parameters) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: options.version,
      description: options.description,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: options.serverUrl }],
    tags: [...tags].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ...SCHEMAS, ...options.schemas },
      responses: RESPONSES,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
