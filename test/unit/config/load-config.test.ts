import { loadConfig } from '../../../catalogue/config';
import { isCatalogueError } from '../../../catalogue/errors';

/**
 * Start-up configuration (contract section 1): defaults, and a bad value stops start-up with a
 * French message naming the variable. Site settings (SITE_*, MAP_BOUNDS…) are tested with the pages.
 */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (isCatalogueError(error) && error.code === 'bad-config') return error.details.map((d) => d.message);
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000, databaseUrl: 'sqlite:./data/opendata.sqlite', dataDir: './data', baseUrl: null, sessionSecret: null,
      mapTilesUrl: '', logLevel: 'info', rateLimit: 600, maxUploadMb: 200,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080', DATABASE_URL: 'postgres://opendata@db:5432/catalogue', DATA_DIR: '/srv/data', BASE_URL: 'https://data.eure.fr/',
      SESSION_SECRET: 's'.repeat(40), MAP_TILES_URL: 'https://tiles.example/{z}/{x}/{y}.png', LOG_LEVEL: 'warn', RATE_LIMIT: '0', MAX_UPLOAD_MB: '50',
    });
    expect(config).toMatchObject({
      port: 8080, databaseUrl: 'postgres://opendata@db:5432/catalogue', dataDir: '/srv/data', baseUrl: 'https://data.eure.fr',
      sessionSecret: 's'.repeat(40), mapTilesUrl: 'https://tiles.example/{z}/{x}/{y}.png', logLevel: 'warn', rateLimit: 0, maxUploadMb: 50,
    });
  });

  it.each([
    ['PORT', '70000', /PORT=70000 : un entier entre 0 et 65535/],
    ['PORT', 'trois-mille', /PORT=trois-mille : un entier/],
    ['RATE_LIMIT', '-1', /RATE_LIMIT=-1 : un entier entre 0 et/],
    ['RATE_LIMIT', '1.5', /RATE_LIMIT=1\.5 : un entier/],
    ['MAX_UPLOAD_MB', '0', /MAX_UPLOAD_MB=0 : un entier entre 1 et/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL=verbose : valeurs possibles fatal, error, warn, info, debug, trace, silent/],
    ['BASE_URL', 'data.eure.fr', /BASE_URL=data\.eure\.fr : une URL http\(s\) absolue est attendue/],
    ['DATABASE_URL', 'mysql://root@localhost/db', /DATABASE_URL=mysql:\/\/root@localhost\/db : attendu sqlite:/],
  ])('refuses %s=%s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('reports every bad value at once, not only the first', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'bavard', MAX_UPLOAD_MB: '-3' });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split('=')[0]).sort()).toEqual(['LOG_LEVEL', 'MAX_UPLOAD_MB', 'PORT']);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', RATE_LIMIT: '', LOG_LEVEL: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, rateLimit: 600, logLevel: 'info', databaseUrl: 'sqlite:./data/opendata.sqlite' });
  });
});
