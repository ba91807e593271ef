import { Router } from 'express';
import { HttpProblem } from '../../middleware/http-problem';
import { toDiffPage } from '../../view-models/workspace/diff-page';
import { TABLE_PAGE_SIZE, toVersionTablePage } from '../../view-models/workspace/version-table-page';
import { actor, param, sendPage, type WorkspaceContext } from './context';

/**
 * An older version's table (its records stay queryable through `/versions/{n}/records`) and the
 * diff between two versions, for the dataset's stewards.
 */
function positiveInt(raw: unknown, fallback: number | undefined, name: string): number | undefined {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new HttpProblem(400, 'bad-request', `Paramètre ${name} invalide.`);
  return Number(raw);
}

export function versionRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { catalogue } = ctx;

  router.get('/espace/jeux/:slug/versions/:n', async (req, res) => {
    const slug = param(req, 'slug');
    await catalogue.stewards.authorize(actor(ctx, req), slug);
    const n = positiveInt(param(req, 'n'), undefined, 'n')!;
    const offset = Math.min(positiveInt(req.query.debut, 0, 'debut')!, 10_000);
    const [detail, page] = await Promise.all([
      catalogue.datasets.get(slug),
      catalogue.records.query(slug, { _size: String(TABLE_PAGE_SIZE), _offset: String(offset) }, { version: n }),
    ]);
    sendPage(ctx, req, res, 'espace-version', toVersionTablePage(slug, detail.title, page, offset));
  });

  router.get('/espace/jeux/:slug/comparer', async (req, res) => {
    const slug = param(req, 'slug');
    await catalogue.stewards.authorize(actor(ctx, req), slug);
    const [detail, list] = await Promise.all([catalogue.datasets.get(slug), catalogue.datasets.versions(slug)]);
    const from = positiveInt(req.query.de, undefined, 'de');
    const to = positiveInt(req.query.a, undefined, 'a');
    const asked = from !== undefined || to !== undefined;
    const diff = asked ? await catalogue.diff.compare(slug, { from, to }) : null;
    const kinds = Object.fromEntries(detail.fields.map((f) => [f.name, f.type]));
    const fallbackTo = list.versions[0]?.number;
    sendPage(ctx, req, res, 'espace-comparer', toDiffPage({
      slug, title: detail.title, versions: list.versions, diff, kinds,
      from: diff?.from ?? (fallbackTo !== undefined ? fallbackTo - 1 : undefined), to: diff?.to ?? fallbackTo,
    }));
  });

  return router;
}
