import type { ApiRoute } from '../openapi/route-spec';

/**
 * The /api documentation page: the routes listed from the same declarations as the OpenAPI
 * document (readable without JavaScript, and kept visible when scripts run), and the problem codes
 * that the problem `type` URIs point at (`/api#probleme-<code>`). A button loads Swagger UI's
 * console on demand (server/public/api-docs.js).
 */
const PROBLEM_CODES: Array<{ code: string; status: number; meaning: string }> = [
  { code: 'bad-request', status: 400, meaning: 'Paramètre inconnu ou invalide : la liste errors nomme chacun et dit ce qui est permis.' },
  { code: 'not-found', status: 404, meaning: 'Jeu de données, organisation, version, enregistrement ou adresse introuvable.' },
  { code: 'conflict', status: 409, meaning: 'Opération en conflit avec une autre en cours.' },
  { code: 'gone', status: 410, meaning: 'Curseur ou version qui n’est plus conservée : reprenez depuis la première page.' },
  { code: 'rate-limited', status: 429, meaning: 'Trop de requêtes : attendez le nombre de secondes donné par RateLimit-Reset.' },
  { code: 'internal-error', status: 500, meaning: 'Erreur inattendue, enregistrée ; réessayez plus tard.' },
  { code: 'query-timeout', status: 503, meaning: 'Requête arrêtée après son temps maximal : ajoutez des filtres.' },
  { code: 'shutting-down', status: 503, meaning: 'Le service s’arrête (maintenance) : la publication a été annulée, renvoyez le fichier dans un instant.' },
];

export function toApiDocsPage(routes: readonly ApiRoute[]) {
  const tags = [...new Set(routes.map((r) => r.tag))];
  return {
    title: 'Documentation de l’API',
    nav: 'api',
    breadcrumbs: [],
    scripts: ['/assets/api-docs.js'],
    specUrl: '/api/v1/openapi.json',
    areas: tags.map((tag) => ({
      tag,
      routes: routes.filter((r) => r.tag === tag).map((r) => ({ method: r.method.toUpperCase(), path: r.path, summary: r.summary })),
    })),
    problems: PROBLEM_CODES.map((p) => ({ ...p, anchor: `probleme-${p.code}` })),
  };
}
