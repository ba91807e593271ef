import { CatalogueError } from './errors';
import { loadSiteSettings, type SiteSettings } from './site-settings';

/**
 * The platform's configuration, read once from the environment (contract section 1) and checked:
 * a bad value stops start-up with a French message naming the variable.
 */
export interface Config {
  port: number;
  databaseUrl: string;
  dataDir: string;
  baseUrl: string | null;
  sessionSecret: string | null;
  mapTilesUrl: string;
  logLevel: string;
  /** API requests per minute per client; 0 turns limiting off. */
  rateLimit: number;
  maxUploadMb: number;
  /** The public pages' operator settings: name, logo, colours, legal contacts (site-settings.ts). */
  site: SiteSettings;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${raw} : un entier entre ${min} et ${max} est attendu`);
      return fallback;
    }
    return n;
  };
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel} : valeurs possibles ${LOG_LEVELS.join(', ')}`);
  const baseUrl = env.BASE_URL ? env.BASE_URL.replace(/\/+$/, '') : null;
  if (baseUrl && !/^https?:\/\/[^/]+/.test(baseUrl)) problems.push(`BASE_URL=${baseUrl} : une URL http(s) absolue est attendue`);
  const databaseUrl = env.DATABASE_URL || 'sqlite:./data/opendata.sqlite';
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push(`DATABASE_URL=${databaseUrl} : attendu sqlite:./chemin, sqlite:/chemin ou postgres://utilisateur@hôte:port/base`);
  }
  const config: Config = {
    port: int('PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    baseUrl,
    sessionSecret: env.SESSION_SECRET || null,
    mapTilesUrl: env.MAP_TILES_URL ?? '',
    logLevel,
    rateLimit: int('RATE_LIMIT', 600, 0, 1_000_000),
    maxUploadMb: int('MAX_UPLOAD_MB', 200, 1, 100_000),
    site: loadSiteSettings(env, problems),
  };
  if (problems.length) {
    throw new CatalogueError('bad-config', `Configuration invalide : ${problems.join(' ; ')}`, problems.map((message) => ({ message })));
  }
  return config;
}
