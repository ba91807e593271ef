import { Router } from 'express';
import { formatDateTime } from '../../view-models/format';
import { workspaceLinks } from '../../view-models/workspace/links';
import { toReportPage } from '../../view-models/workspace/report-page';
import { HttpProblem } from '../../middleware/http-problem';
import { sendSourceFile } from '../api/send-file';
import { actor, param, sendPage, type WorkspaceContext } from './context';
import { sendReportFile } from './report-files';

/**
 * A stored upload's report (published, superseded or rejected), its downloads (CSV, JSON) and
 * the original file, for the dataset's stewards.
 */
function uploadNumber(raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw)) throw new HttpProblem(404, 'not-found', 'Envoi introuvable.');
  return Number(raw);
}

export function reportRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { stewards } = ctx.catalogue;

  router.get('/espace/jeux/:slug/rapports/:id', async (req, res) => {
    const slug = param(req, 'slug');
    const id = uploadNumber(param(req, 'id'));
    const upload = await stewards.uploads.get(actor(ctx, req), slug, id);
    if (!upload.report) {
      throw new HttpProblem(404, 'not-found', upload.status === 'loading' ? 'Cet envoi est en cours de chargement : son rapport n’est pas encore prêt.' : `Cet envoi n’a pas de rapport${upload.note ? ` : ${upload.note}` : ''}.`);
    }
    const fields = (await ctx.catalogue.datasets.get(slug)).fields.map((f) => f.name);
    const mode = upload.status === 'published' ? 'published' : upload.status === 'superseded' ? 'superseded' : 'rejected';
    sendPage(ctx, req, res, 'espace-rapport', toReportPage({
      slug, report: upload.report, insights: stewards.insights(upload.report, fields), groups: stewards.groups(upload.report),
      mode, version: upload.number, uploadedAt: formatDateTime(upload.created_at), author: upload.author,
      downloads: { csv: workspaceLinks.reportFile(slug, id, 'csv'), json: workspaceLinks.reportFile(slug, id, 'json'), source: workspaceLinks.uploadSource(slug, id) },
    }));
  });

  router.get('/espace/jeux/:slug/rapports/:id/rapport.:format', async (req, res) => {
    const slug = param(req, 'slug');
    const id = uploadNumber(param(req, 'id'));
    const upload = await stewards.uploads.get(actor(ctx, req), slug, id);
    if (!upload.report) throw new HttpProblem(404, 'not-found', 'Cet envoi n’a pas de rapport.');
    sendReportFile(res, upload.report, param(req, 'format'), `rapport-${slug}-envoi-${id}`);
  });

  router.get('/espace/jeux/:slug/rapports/:id/fichier', async (req, res) => {
    await sendSourceFile(res, await stewards.uploads.uploadSource(actor(ctx, req), param(req, 'slug'), uploadNumber(param(req, 'id'))));
  });

  return router;
}
