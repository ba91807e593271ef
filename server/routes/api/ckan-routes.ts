import type { Request } from 'express';
import { listAllSlugs, readOrganizations, readPackageSource, resolvePackageSlug } from '../../interop/ckan/ckan-catalogue-reader';
import { ckanAction, CKAN_ACTION_PATH, CKAN_UNVERSIONED_ACTION_PATH, ckanNotFound } from '../../interop/ckan/ckan-envelope';
import { CKAN_OPENAPI_PARAMETERS, CKAN_PACKAGE_SCHEMA, ckanFailure, ckanSuccess, requestBodyOf } from '../../interop/ckan/ckan-openapi';
import { sortOrganizations, toCkanOrganization } from '../../interop/ckan/ckan-organization';
import { toCkanPackage } from '../../interop/ckan/ckan-package';
import { searchPackages } from '../../interop/ckan/ckan-package-search';
import {
  helpShowParams, organizationListParams, packageListParams, packageSearchParams, packageShowParams, sliceWindow, type RawQuery,
} from '../../interop/ckan/ckan-params';
import { ckanPostBody, ckanPostParams } from '../../interop/ckan/ckan-post-body';
import type { ApiRoute, ParameterSpec, ResponseSpec } from '../../openapi/route-spec';
import { baseUrl, type ApiContext } from './context';

/**
 * The CKAN-compatible read API (contract section 8), as data.gouv.fr's and ckanext-harvest's CKAN
 * harvesters (GET) and ckanapi (POST with a JSON body) call it. Each action is declared once and
 * mounted for both methods and both of CKAN's addresses. Every answer is CKAN's envelope, errors included: the query is `open`
 * and checked by the action itself (ckan-params.ts), since the API's problem+json is not what a
 * CKAN client reads.
 */
const TAG = 'CKAN';
const NOT_FOUND = ckanFailure('Introuvable (Not Found Error)');
const INVALID = ckanFailure('Paramètre invalide (Validation Error), nommé dans `error`');

interface CkanActionSpec {
  action: string;
  operationId: string;
  summary: string;
  description: string;
  parameters: ParameterSpec[];
  responses: Record<string, ResponseSpec>;
  run(params: RawQuery, req: Request): Promise<unknown>;
}

/**
 * Each action by GET and by POST, at CKAN's versioned address and at the unversioned one that
 * CKAN serves too and ckanapi calls (`/api/action/…`).
 */
function toRoutes(spec: CkanActionSpec, base: (req: Request) => string): ApiRoute[] {
  return [CKAN_ACTION_PATH, CKAN_UNVERSIONED_ACTION_PATH].flatMap((prefix) => {
    const alias = prefix === CKAN_UNVERSIONED_ACTION_PATH;
    const get: ApiRoute = {
      operationId: `${spec.operationId}${alias ? 'Unversioned' : ''}`,
      method: 'get',
      path: `${prefix}/${spec.action}`,
      tag: TAG,
      summary: alias ? `${spec.summary} (adresse sans version)` : spec.summary,
      description: alias ? `La même action que ${CKAN_ACTION_PATH}/${spec.action}, à l’adresse sans version que CKAN sert aussi.` : spec.description,
      parameters: spec.parameters,
      query: 'open',
      responses: spec.responses,
      handler: ckanAction(spec.action, base, (req) => spec.run(req.query as RawQuery, req)),
    };
    const post: ApiRoute = {
      ...get,
      operationId: `${get.operationId}Post`,
      method: 'post',
      summary: `${get.summary} (POST)`,
      description: `${get.description} Les paramètres dans un objet JSON, comme les envoie ckanapi.`,
      parameters: [],
      requestBody: requestBodyOf(spec.parameters),
      before: ckanPostBody(),
      handler: ckanAction(spec.action, base, (req) => spec.run(ckanPostParams(req), req)),
    };
    return [get, post];
  });
}

export function ckanRoutes(ctx: ApiContext): ApiRoute[] {
  const { catalogue } = ctx;
  const base = (req: Request) => baseUrl(ctx, req);
  const actions: CkanActionSpec[] = [
    {
      action: 'package_list',
      operationId: 'ckanPackageList',
      summary: 'CKAN : les noms de tous les jeux de données',
      description: 'Tous les jeux de données du catalogue, publiés ou non, par ordre alphabétique de leur nom.',
      parameters: CKAN_OPENAPI_PARAMETERS.package_list,
      responses: { 200: ckanSuccess('Les noms', { type: 'array', items: { type: 'string' } }), 409: INVALID },
      run: async (params) => {
        const window = packageListParams(params);
        const names = (await listAllSlugs(catalogue)).sort();
        return sliceWindow(names, window);
      },
    },
    {
      action: 'package_show',
      operationId: 'ckanPackageShow',
      summary: 'CKAN : un jeu de données',
      description: 'Le paquet CKAN d’un jeu de données : licence, organisation, mots-clés, thèmes (groups), couverture (extras) et ressources (exports et fichier d’origine avec taille et empreinte SHA-256).',
      parameters: CKAN_OPENAPI_PARAMETERS.package_show,
      responses: { 200: ckanSuccess('Le paquet', CKAN_PACKAGE_SCHEMA), 404: NOT_FOUND, 409: INVALID },
      run: async (params, req) => {
        const slug = await resolvePackageSlug(catalogue, packageShowParams(params).id);
        const source = await readPackageSource(catalogue, slug, await readOrganizations(catalogue));
        return toCkanPackage(source, base(req));
      },
    },
    {
      action: 'package_search',
      operationId: 'ckanPackageSearch',
      summary: 'CKAN : rechercher des jeux de données',
      description: 'Recherche plein texte du catalogue, filtres champ:valeur, tri et fenêtre start/rows ; `count` compte tous les résultats.',
      parameters: CKAN_OPENAPI_PARAMETERS.package_search,
      responses: {
        200: ckanSuccess('Les paquets trouvés', {
          type: 'object',
          required: ['count', 'results', 'sort', 'facets', 'search_facets'],
          properties: { count: { type: 'integer' }, sort: { type: 'string' }, results: { type: 'array', items: CKAN_PACKAGE_SCHEMA }, facets: { type: 'object' }, search_facets: { type: 'object' } },
        }),
        400: ckanFailure('Recherche impossible (Search Query Error) : paramètre, champ ou tri inconnu'),
        409: INVALID,
      },
      run: async (params, req) => searchPackages(catalogue, packageSearchParams(params), base(req)),
    },
    {
      action: 'organization_list',
      operationId: 'ckanOrganizationList',
      summary: 'CKAN : les organisations productrices',
      description: 'Leurs noms, ou avec all_fields=true les organisations complètes (titre, description, nombre de jeux de données).',
      parameters: CKAN_OPENAPI_PARAMETERS.organization_list,
      responses: {
        200: ckanSuccess('Les organisations', { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'object', required: ['id', 'name', 'title', 'package_count'] }] } }),
        409: INVALID,
      },
      run: async (params) => {
        const query = organizationListParams(params);
        const organizations = [...(await readOrganizations(catalogue)).values()].map(toCkanOrganization);
        const page = sliceWindow(sortOrganizations(organizations, query.sort, query.descending), query);
        return query.allFields ? page : page.map((o) => o.name);
      },
    },
  ];
  // The address every answer gives as `help`: the action's documentation, as CKAN serves it.
  const documented = new Map(actions.map((a) => [a.action, a]));
  actions.push({
    action: 'help_show',
    operationId: 'ckanHelpShow',
    summary: 'CKAN : la documentation d’une action',
    description: 'Le texte qui décrit une des actions ci-dessus (l’adresse `help` de chaque réponse).',
    parameters: CKAN_OPENAPI_PARAMETERS.help_show,
    responses: { 200: ckanSuccess('La documentation', { type: 'string' }), 404: NOT_FOUND, 409: INVALID },
    run: async (params) => {
      const { name } = helpShowParams(params);
      const action = documented.get(name);
      if (!action) throw ckanNotFound(`aucune action « ${name} » ; actions : ${[...documented.keys()].join(', ')}.`);
      const names = action.parameters.map((p) => `${p.name} : ${p.description}`);
      return [`${action.summary}.`, action.description, ...(names.length ? ['Paramètres :', ...names] : [])].join('\n');
    },
  });
  return actions.flatMap((spec) => toRoutes(spec, base));
}
