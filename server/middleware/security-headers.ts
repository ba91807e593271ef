import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../../catalogue/config';

/**
 * A strict Content-Security-Policy for every response: scripts, styles, fonts and data from the
 * site itself only, no inline script or style (pages load files from /assets; maps get their
 * settings from data attributes), images from the site, `data:` URLs (Leaflet's and Swagger UI's
 * icons) and the map tiles' host. Nothing may frame the site. `upgrade-insecure-requests` only
 * when the site is served over HTTPS: on a plain-HTTP host it would send the browser to an HTTPS
 * address that does not answer.
 */
export function tileSource(template: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(template.trim());
  if (!match) return null;
  // `{s}` (tile subdomains) is a wildcard label; any other placeholder in the host cannot be allowed precisely.
  const host = match[2].replace(/^\{s\}\./, '*.');
  return /[{}\s;,']/.test(host) ? null : `${match[1].toLowerCase()}://${host}`;
}

export function contentSecurityPolicy(config: Pick<Config, 'baseUrl' | 'mapTilesUrl'>): Record<string, string[] | null> {
  const https = config.baseUrl?.startsWith('https://') ?? false;
  const tiles = config.mapTilesUrl ? tileSource(config.mapTilesUrl) : null;
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:', ...(tiles ? [tiles] : [])],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'upgrade-insecure-requests': https ? [] : null,
  };
}

export function securityHeaders(config: Pick<Config, 'baseUrl' | 'mapTilesUrl'>): RequestHandler {
  const directives = Object.fromEntries(Object.entries(contentSecurityPolicy(config)).filter(([, v]) => v !== null)) as Record<string, string[]>;
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: config.baseUrl?.startsWith('https://') ?? false,
  });
}
