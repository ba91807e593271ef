import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet's defaults: a Content-Security-Policy where scripts, styles and images come from 'self'
 * (the /api page loads swagger-ui from /assets, its start-up script is a file, never inline),
 * and the usual hardening headers. `upgrade-insecure-requests` only when the site is served over
 * HTTPS: on a plain-HTTP host it would send the browser to an HTTPS address that does not answer.
 * The pages' own stricter policy comes with the web issue.
 */
export function securityHeaders(baseUrl: string | null): RequestHandler {
  const https = baseUrl?.startsWith('https://') ?? false;
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'upgrade-insecure-requests': https ? [] : null,
      },
    },
    strictTransportSecurity: https,
  });
}
