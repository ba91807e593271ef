import type { ParameterSpec } from './route-spec';

/** Parameters shared by several routes (contract section 6), with French descriptions. */
const q = (name: string, description: string, schema: ParameterSpec['schema'] = { type: 'string' }, extra: Partial<ParameterSpec> = {}): ParameterSpec => ({
  name, in: 'query', description, schema, ...extra,
});

export const SLUG: ParameterSpec = {
  name: 'slug', in: 'path', required: true, description: 'Identifiant du jeu de données', schema: { type: 'string' }, example: 'defibrillateurs',
};
export const ORGANIZATION_SLUG: ParameterSpec = { ...SLUG, description: 'Identifiant de l’organisation', example: 'departement-eure' };
export const VERSION_NUMBER: ParameterSpec = {
  name: 'n', in: 'path', required: true, description: 'Numéro de version publiée (1, 2, 3…)', schema: { type: 'integer', minimum: 1 },
};
export const RECORD_ID: ParameterSpec = {
  name: 'id', in: 'path', required: true, description: 'Clé primaire de l’enregistrement, ou son numéro de ligne si le schéma n’en a pas', schema: { type: 'string' },
};
export const EXPORT_FORMAT: ParameterSpec = {
  name: 'format', in: 'path', required: true, description: 'Format du fichier', schema: { enum: ['csv', 'json', 'ndjson', 'geojson'] },
};
export const IF_NONE_MATCH: ParameterSpec = {
  name: 'If-None-Match', in: 'header', description: 'ETag d’une réponse précédente : 304 si la version n’a pas changé', schema: { type: 'string' },
};

export const SEARCH_PARAMETERS: ParameterSpec[] = [
  q('q', 'Recherche dans les titres, descriptions et mots-clés (sans tenir compte des accents ni de la casse)'),
  q('theme', 'Thème (répétable : tous doivent être présents)'),
  q('organization', 'Identifiant de l’organisation productrice (répétable)'),
  q('keyword', 'Mot-clé (répétable : tous doivent être présents)'),
  q('licence', 'Licence : etalab-2.0, ODbL-1.0, CC-BY-4.0, CC0-1.0 (répétable)'),
  q('geo', 'true : seulement les jeux localisés ; false : seulement les autres', { type: 'boolean' }),
  q('sort', 'Tri (relevance par défaut avec q, sinon -updated)', { enum: ['-updated', 'title', '-records', 'relevance'] }),
  q('page', 'Numéro de page', { type: 'integer', minimum: 1, default: 1 }),
  q('page_size', 'Jeux de données par page', { type: 'integer', minimum: 1, maximum: 100, default: 20 }),
];

/** Column filters `col=v` and `col__op=v`: one free-form parameter in OpenAPI terms. */
export const FILTERS: ParameterSpec = q(
  'filters',
  'Filtres sur les colonnes : `col=v` (égalité) ou `col__op=v` avec op parmi exact, not, gt, gte, lt, lte, in, notin, contains, startswith, endswith, isnull. ' +
    '`in`/`notin` prennent des valeurs séparées par des virgules ; `isnull=true|false`. Les valeurs sont converties au type de la colonne.',
  { type: 'object', additionalProperties: { type: 'string' } },
  { style: 'form', explode: true },
);

const SELECTION_PARAMETERS: ParameterSpec[] = [
  FILTERS,
  q('_where', "Expression : `montant > 1000 AND (categorie = 'Sport' OR commune IN ('Évreux', 'Vernon'))`, NOT, IS [NOT] NULL, LIKE, search('texte'), in_bbox(…), within_distance(lat, lon, mètres), date'2024-01-01'"),
  q('_q', 'Recherche plein texte dans les colonnes de texte (chaque mot doit être présent ; `mot*` pour un préfixe)'),
  q('_bbox', 'Emprise minLon,minLat,maxLon,maxLat (WGS84)'),
  q('_select', 'Colonnes à renvoyer, séparées par des virgules'),
  q('_sort', 'Tri : `col,-col2` (`-` pour décroissant) ; égalités départagées par le numéro de ligne'),
];

export const RECORDS_PARAMETERS: ParameterSpec[] = [
  ...SELECTION_PARAMETERS,
  q('_size', 'Enregistrements par page', { type: 'integer', minimum: 1, maximum: 1000, default: 20 }),
  q('_next', 'Curseur opaque de la page suivante (donné par `next`)'),
  q('_offset', 'Décalage (au plus 10 000 ; préférer `_next`)', { type: 'integer', minimum: 0, maximum: 10000 }),
  q('_facet', 'Colonne dont compter les valeurs (répétable)', { type: 'array', items: { type: 'string' } }, { explode: true }),
  q('_facet_size', 'Valeurs par facette', { type: 'integer', minimum: 1, maximum: 100, default: 10 }),
  q('_group_by', 'Colonnes de regroupement, séparées par des virgules'),
  q('_agg', 'Agrégats : count, sum:col, avg:col, min:col, max:col (clés count, sum_col…)'),
  q('_count', 'false : ne pas calculer total_count', { type: 'boolean', default: true }),
  IF_NONE_MATCH,
];

export const CSV_PARAMETERS: ParameterSpec[] = [
  q('_delimiter', 'Séparateur CSV', { enum: [',', ';', 'tab'], default: ',' }),
  q('_bom', 'true : marque d’ordre des octets UTF-8 en tête', { type: 'boolean', default: false }),
  q('_decimal', 'Séparateur décimal', { enum: ['.', ','], default: '.' }),
  q('_profile', 'excel-fr : `;`, BOM et virgule décimale (Excel en français)', { enum: ['excel-fr'] }),
];

export const EXPORT_PARAMETERS: ParameterSpec[] = [...SELECTION_PARAMETERS, ...CSV_PARAMETERS, IF_NONE_MATCH];
