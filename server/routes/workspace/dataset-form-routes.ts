import { Router, type Request, type Response } from 'express';
import { addFieldError, noErrors, toFormErrors, type FormErrors } from '../../view-models/workspace/form-errors';
import {
  formToMetadata, metadataFieldOf, metadataToForm, pickFormValues, toDatasetForm, type FormValues,
} from '../../view-models/workspace/dataset-form';
import { workspaceLinks } from '../../view-models/workspace/links';
import { toSchemaPage } from '../../view-models/workspace/schema-page';
import { actor, field, flash, param, sendPage, type WorkspaceContext } from './context';
import { readMultipartForm, readSmallFile } from './multipart-form';

/**
 * Creating a dataset, editing its metadata, choosing or uploading its row schema. The metadata
 * are checked against schemas/catalogue/dataset.schema.json by the catalogue; errors come back
 * beside their fields, with the values typed kept.
 */
const SCHEMA_MAX_BYTES = 5 * 1024 * 1024;

/** The schema given on a form: the uploaded file first, else the pasted text; a JSON syntax error is the field's error. */
function parseSchemaText(text: string, errors: FormErrors): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    addFieldError(errors, 'schema', `Le schéma n’est pas un JSON valide : ${(error as Error).message}`);
    return undefined;
  }
}

export function datasetFormsRouter(ctx: WorkspaceContext): Router {
  const router = Router();
  const { stewards } = ctx.catalogue;

  async function showForm(req: Request, res: Response, values: FormValues, errors: FormErrors, status = 200, schemaText = '') {
    const organizations = await stewards.organizations(actor(ctx, req));
    sendPage(ctx, req, res, 'espace-jeu-formulaire', toDatasetForm({ mode: 'create', values: { ...values, schema: schemaText }, errors, organizations }), status);
  }

  router.get('/espace/jeux/nouveau', async (req, res) => {
    const organizations = await stewards.organizations(actor(ctx, req));
    await showForm(req, res, { organization: organizations[0]?.slug ?? '', licence: 'etalab-2.0' }, noErrors());
  });

  router.post('/espace/jeux/nouveau', async (req, res) => {
    const form = await readMultipartForm(ctx, req, 'schema_file', SCHEMA_MAX_BYTES);
    const values = pickFormValues(form.fields);
    const schemaText = readSmallFile(form) ?? form.fields.schema ?? '';
    const errors = noErrors();
    const schema = parseSchemaText(schemaText, errors);
    if (errors.summary.length) return showForm(req, res, values, errors, 422, schemaText);
    try {
      const created = await stewards.create(actor(ctx, req), { metadata: formToMetadata(values, 'create'), schema });
      flash(req, `Le jeu de données « ${created.title} » est créé. Envoyez maintenant son premier fichier.`);
      res.redirect(303, workspaceLinks.dataset(created.slug));
    } catch (error) {
      const formErrors = toFormErrors(error, metadataFieldOf);
      if (!formErrors) throw error;
      await showForm(req, res, values, formErrors, 422, schemaText);
    }
  });

  async function showMetadata(req: Request, res: Response, slug: string, values: FormValues | null, errors: FormErrors, status = 200) {
    const who = actor(ctx, req);
    const [editable, organizations] = await Promise.all([stewards.editable(who, slug), stewards.organizations(who)]);
    const current = editable.organization && !organizations.some((o) => o.id === editable.organization!.id) ? [editable.organization, ...organizations] : organizations;
    sendPage(ctx, req, res, 'espace-jeu-formulaire', toDatasetForm({ mode: 'edit', slug, values: values ?? metadataToForm(editable.metadata), errors, organizations: current }), status);
  }

  router.get('/espace/jeux/:slug/metadonnees', async (req, res) => showMetadata(req, res, param(req, 'slug'), null, noErrors()));

  router.post('/espace/jeux/:slug/metadonnees', async (req, res) => {
    const slug = param(req, 'slug');
    const values = pickFormValues(req.body);
    try {
      await stewards.update(actor(ctx, req), slug, { metadata: formToMetadata(values, 'edit') });
      flash(req, 'Métadonnées enregistrées.');
      res.redirect(303, workspaceLinks.dataset(slug));
    } catch (error) {
      const formErrors = toFormErrors(error, metadataFieldOf);
      if (!formErrors) throw error;
      await showMetadata(req, res, slug, values, formErrors, 422);
    }
  });

  async function showSchema(req: Request, res: Response, slug: string, text: string | null, errors: FormErrors, status = 200) {
    const editable = await stewards.editable(actor(ctx, req), slug);
    const choices = (await ctx.catalogue.listDatasets()).filter((d) => d.slug !== slug).map((d) => ({ slug: d.slug, title: d.title }));
    sendPage(ctx, req, res, 'espace-schema', toSchemaPage({ slug, editable, text, errors, choices }), status);
  }

  router.get('/espace/jeux/:slug/schema', async (req, res) => showSchema(req, res, param(req, 'slug'), null, noErrors()));

  router.post('/espace/jeux/:slug/schema', async (req, res) => {
    const slug = param(req, 'slug');
    await stewards.authorize(actor(ctx, req), slug);
    const form = await readMultipartForm(ctx, req, 'schema_file', SCHEMA_MAX_BYTES);
    const copyFrom = field(form.fields, 'copier');
    const text = readSmallFile(form) ?? (copyFrom ? JSON.stringify(await ctx.catalogue.datasets.schema(copyFrom), null, 2) : field(form.fields, 'schema'));
    const errors = noErrors();
    const schema = parseSchemaText(text, errors);
    if (schema === undefined && !errors.summary.length) addFieldError(errors, 'schema', 'Donnez un schéma : un fichier, un texte, ou un autre jeu de données dont le reprendre.');
    if (errors.summary.length) return showSchema(req, res, slug, text, errors, 422);
    try {
      await stewards.update(actor(ctx, req), slug, { metadata: {}, schema });
      flash(req, 'Schéma enregistré : les prochains fichiers seront validés contre lui.');
      res.redirect(303, workspaceLinks.dataset(slug));
    } catch (error) {
      const formErrors = toFormErrors(error, () => 'schema');
      if (!formErrors) throw error;
      await showSchema(req, res, slug, text, formErrors, 422);
    }
  });

  return router;
}
