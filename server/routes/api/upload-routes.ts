import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { actorOf } from '../../middleware/auth';
import { HttpProblem } from '../../middleware/http-problem';
import { receiveUpload, type ReceivedUpload } from '../../middleware/upload';
import { ref, responseRef } from '../../openapi/components';
import { SLUG } from '../../openapi/parameters';
import type { ApiRoute, ParameterSpec } from '../../openapi/route-spec';
import { baseUrl, param, sendWithLinks, type ApiContext } from './context';
import { sendSourceFile } from './send-file';

/**
 * Uploads (contract section 6): a new version from a raw `text/csv` body or the `file` field of a
 * multipart form, published when valid (201), refused with its report when not (422, kept among
 * the uploads), or only checked with `?dry_run=true` (200). The dataset's stewards list uploads,
 * read their reports and download their original files.
 */
const TAG = 'Responsables de données';
const MB = 1024 * 1024;

export const DRY_RUN: ParameterSpec = {
  name: 'dry_run', in: 'query', description: 'true : valide seulement, sans rien publier ni conserver', schema: { type: 'boolean', default: false },
};
export const UPLOAD_ID: ParameterSpec = {
  name: 'id', in: 'path', required: true, description: 'Numéro de l’envoi (donné par la liste des envois)', schema: { type: 'integer', minimum: 1 },
};

export const FILE_BODY = {
  description: 'Le fichier CSV, tel quel (text/csv) ou dans le champ `file` d’un formulaire multipart',
  required: true,
  content: {
    'text/csv': { schema: { type: 'string', format: 'binary' } },
    'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
  },
};

export function parseBooleanParam(raw: unknown, name: string): boolean {
  if (raw === undefined || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1' || raw === '') return true;
  throw new HttpProblem(400, 'bad-request', `Paramètre ${name} invalide.`, [{ path: name, message: `${name} : true ou false` }]);
}

/** An upload's number; anything that cannot be one is not found, like an absent one (as record ids). */
export function uploadId(raw: string): number {
  if (/^[1-9][0-9]{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647) return Number(raw);
  throw new HttpProblem(404, 'not-found', `Aucun envoi « ${raw} ».`);
}

/** The uploaded file, required; the temporary copy is removed by `work`'s caller. */
export async function receiveFile(ctx: ApiContext, req: Request): Promise<NonNullable<ReceivedUpload['file']>> {
  const received = await receiveUpload(req, { dir: path.join(ctx.config.dataDir, 'uploads'), maxBytes: ctx.config.maxUploadMb * MB });
  if (!received.file) throw new HttpProblem(400, 'bad-request', 'Aucun fichier reçu : joignez-le dans le champ « file ».', [{ path: 'file', message: 'file : fichier manquant' }]);
  return received.file;
}

export function uploadRoutes(ctx: ApiContext): ApiRoute[] {
  const stewards = () => ctx.catalogue.stewards;
  return [
    {
      operationId: 'uploadVersion',
      method: 'post',
      path: '/api/v1/datasets/{slug}/versions',
      tag: TAG,
      summary: 'Envoyer une nouvelle version (ou la valider seulement)',
      description: 'Le fichier est validé contre le schéma du jeu de données ; valide, il devient la version suivante (201) ; invalide, rien n’est publié (422, ' +
        'le rapport est conservé dans les envois). Avec dry_run=true, seulement le rapport (200). La version précédente reste servie jusqu’à la fin du chargement.',
      parameters: [SLUG, DRY_RUN],
      query: 'closed',
      access: 'steward',
      inDatasetDocument: false,
      requestBody: FILE_BODY,
      responses: {
        200: { description: 'Validation seule : le rapport, valide ou non', content: { 'application/json': { schema: ref('ReportAnswer') } } },
        201: { description: 'Publiée : le numéro de version et le rapport', content: { 'application/json': { schema: ref('PublishedAnswer') } } },
        400: responseRef('BadRequest'),
        404: responseRef('NotFound'),
        409: responseRef('Conflict'),
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
        422: { description: 'Fichier invalide : rien n’est publié ; le rapport', content: { 'application/json': { schema: ref('RejectedAnswer') } } },
        503: responseRef('ShuttingDown'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        const dryRun = parseBooleanParam(req.query.dry_run, 'dry_run');
        const actor = actorOf(ctx.catalogue, req);
        // Before reading a byte of the body: unknown dataset, not theirs, or a publish running.
        await stewards().authorize(actor, slug);
        if (!dryRun && (await stewards().uploads.isLoading(slug))) {
          throw new HttpProblem(409, 'conflict', `Une publication est déjà en cours pour « ${slug} » : réessayez quand elle sera terminée.`);
        }
        const file = await receiveFile(ctx, req);
        try {
          const outcome = await stewards().uploads.upload(actor, slug, { path: file.path, name: file.name }, { dryRun });
          if (outcome.status === 'checked') return void res.status(200).json({ report: outcome.report });
          if (outcome.status === 'rejected') return void res.status(422).json({ report: outcome.report, upload: outcome.uploadId });
          const links = { version: `/api/v1/datasets/${encodeURIComponent(slug)}/versions/${outcome.version}` };
          res.status(201).location(`${baseUrl(ctx, req)}${links.version}`);
          sendWithLinks(ctx, req, res, { version: outcome.version, report: outcome.report, links });
        } finally {
          fs.rm(file.path, { force: true }, () => undefined);
        }
      },
    },
    {
      operationId: 'listUploads',
      method: 'get',
      path: '/api/v1/datasets/{slug}/uploads',
      tag: TAG,
      summary: 'Les envois d’un jeu de données, refusés compris',
      parameters: [SLUG],
      query: 'closed',
      access: 'steward',
      inDatasetDocument: false,
      responses: {
        200: { description: 'Envois, le plus récent d’abord', content: { 'application/json': { schema: ref('UploadsList') } } },
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        const slug = param(req, 'slug');
        sendWithLinks(ctx, req, res, { dataset: slug, uploads: await stewards().uploads.list(actorOf(ctx.catalogue, req), slug) });
      },
    },
    {
      operationId: 'getUpload',
      method: 'get',
      path: '/api/v1/datasets/{slug}/uploads/{id}',
      tag: TAG,
      summary: 'Un envoi et son rapport de validation',
      parameters: [SLUG, UPLOAD_ID],
      query: 'closed',
      access: 'steward',
      inDatasetDocument: false,
      responses: {
        200: { description: 'L’envoi et son rapport', content: { 'application/json': { schema: ref('UploadDetail') } } },
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        sendWithLinks(ctx, req, res, await stewards().uploads.get(actorOf(ctx.catalogue, req), param(req, 'slug'), uploadId(param(req, 'id'))));
      },
    },
    {
      operationId: 'getUploadSource',
      method: 'get',
      path: '/api/v1/datasets/{slug}/uploads/{id}/source',
      tag: TAG,
      summary: 'Le fichier d’origine d’un envoi',
      parameters: [SLUG, UPLOAD_ID],
      query: 'closed',
      access: 'steward',
      inDatasetDocument: false,
      responses: {
        200: { description: 'Les octets du fichier envoyé', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        404: responseRef('NotFound'),
      },
      handler: async (req, res) => {
        await sendSourceFile(res, await stewards().uploads.uploadSource(actorOf(ctx.catalogue, req), param(req, 'slug'), uploadId(param(req, 'id'))));
      },
    },
  ];
}
