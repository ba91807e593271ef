import { Router, type Request, type Response } from 'express';
import { HttpProblem } from '../../middleware/http-problem';
import { toJobPage } from '../../view-models/workspace/job-page';
import { workspaceLinks } from '../../view-models/workspace/links';
import { toReportPage } from '../../view-models/workspace/report-page';
import { actor, field, param, sendPage, type WorkspaceContext } from './context';
import { readMultipartForm } from './multipart-form';
import { sendReportFile } from './report-files';

/**
 * Uploading from the browser: the file streams to a temporary file (413 page past MAX_UPLOAD_MB),
 * then a background job checks it (« Vérifier seulement ») or publishes it. The job page shows
 * the load's progress (it refreshes itself, no JavaScript needed) and, once done, the report.
 */
const MB = 1024 * 1024;

export function uploadRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { stewards } = ctx.catalogue;

  function tooLargePage(req: Request, res: Response, slug: string) {
    sendPage(ctx, req, res, 'espace-trop-gros', {
      title: 'Fichier trop volumineux',
      breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
      maxMb: ctx.config.maxUploadMb,
      back: workspaceLinks.dataset(slug),
    }, 413);
  }

  router.post('/espace/jeux/:slug/envois', async (req, res) => {
    const slug = param(req, 'slug');
    const who = actor(ctx, req);
    await stewards.authorize(who, slug);
    let form;
    try {
      form = await readMultipartForm(ctx, req, 'file', ctx.config.maxUploadMb * MB);
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 413) {
        return tooLargePage(req, res, slug);
      }
      throw error;
    }
    if (!form.file) throw new HttpProblem(400, 'bad-request', 'Aucun fichier reçu : choisissez un fichier CSV avant d’envoyer.');
    const dryRun = field(form.fields, 'action') !== 'publier';
    if (!dryRun && (await stewards.uploads.isLoading(slug))) {
      throw new HttpProblem(409, 'conflict', `Une publication est déjà en cours pour « ${slug} » : réessayez quand elle sera terminée.`);
    }
    const job = stewards.jobs.start(who, slug, { path: form.file.path, name: form.file.name }, dryRun);
    res.redirect(303, workspaceLinks.job(slug, job.id));
  });

  /** The job, once the actor may see the dataset; expired jobs are not found. */
  async function jobOf(req: Request) {
    const slug = param(req, 'slug');
    await stewards.authorize(actor(ctx, req), slug);
    const job = stewards.jobs.get(param(req, 'job'));
    if (!job || job.slug !== slug) throw new HttpProblem(404, 'not-found', 'Ce traitement est terminé depuis plus d’une heure ou n’existe pas : retrouvez son résultat dans l’historique du jeu de données.');
    return job;
  }

  router.get('/espace/jeux/:slug/travaux/:job', async (req, res) => {
    const job = await jobOf(req);
    const slug = job.slug;
    // Done: the stored report says it all (its verdict names the version published). No flash
    // message here: the upload script's request may follow this redirect and use it up.
    if (job.state === 'done' && job.outcome && job.outcome.status !== 'checked' && job.outcome.uploadId !== null) {
      return res.redirect(303, workspaceLinks.report(slug, job.outcome.uploadId));
    }
    if (job.state === 'done' && job.outcome) {
      const fields = (await ctx.catalogue.datasets.get(slug)).fields.map((f) => f.name);
      return sendPage(ctx, req, res, 'espace-rapport', toReportPage({
        slug, report: job.outcome.report, insights: stewards.insights(job.outcome.report, fields), groups: stewards.groups(job.outcome.report),
        mode: job.outcome.status === 'checked' ? 'check' : 'rejected',
        downloads: { csv: workspaceLinks.jobReport(slug, job.id, 'csv'), json: workspaceLinks.jobReport(slug, job.id, 'json') },
      }));
    }
    if (job.state === 'running') res.setHeader('Refresh', '2');
    sendPage(ctx, req, res, 'espace-travail', toJobPage(job));
  });

  router.get('/espace/jeux/:slug/travaux/:job/rapport.:format', async (req, res) => {
    const job = await jobOf(req);
    if (!job.outcome) throw new HttpProblem(404, 'not-found', 'Le rapport n’est pas encore prêt.');
    sendReportFile(res, job.outcome.report, param(req, 'format'), `rapport-${job.slug}`);
  });

  return router;
}
