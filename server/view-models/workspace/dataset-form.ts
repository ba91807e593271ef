import { licenceTitle } from '../../../catalogue/datasets/licences';
import { metadataEnum, spatialGranularities } from '../../../catalogue/stewards/stewards-service';
import { frequencyLabel, granularityLabel } from '../format';
import type { FormErrors } from './form-errors';
import { workspaceLinks } from './links';

/**
 * The dataset metadata form (create and edit): fields of schemas/catalogue/dataset.schema.json
 * as form controls, the values to show again after an error, and each field's errors beside it.
 */
export type FormValues = Record<string, string>;

const TEXT_FIELDS = ['slug', 'title', 'description', 'organization', 'licence', 'themes', 'keywords', 'frequency', 'spatial_label',
  'spatial_granularity', 'spatial_zones', 'temporal_start', 'temporal_end', 'contact_name', 'contact_email', 'contact_url'] as const;

const list = (text: string): string[] => text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);

/** The form's fields as a metadata document; `edit`: emptied optional fields become null (removed). */
export function formToMetadata(values: FormValues, mode: 'create' | 'edit'): Record<string, unknown> {
  const empty = mode === 'edit' ? null : undefined;
  const v = (name: string) => (values[name] ?? '').trim();
  const optional = (value: unknown, present: boolean) => (present ? value : empty);
  const spatial = { label: v('spatial_label') || undefined, granularity: v('spatial_granularity') || undefined, zones: v('spatial_zones') ? list(v('spatial_zones')) : undefined };
  const temporal = { start: v('temporal_start') || undefined, end: v('temporal_end') || undefined };
  const contact = { name: v('contact_name') || undefined, email: v('contact_email') || undefined, url: v('contact_url') || undefined };
  const some = (o: Record<string, unknown>) => Object.values(o).some((x) => x !== undefined);
  const document: Record<string, unknown> = {
    title: v('title'),
    description: v('description'),
    organization: v('organization'),
    licence: v('licence'),
    themes: optional(list(v('themes')), v('themes') !== ''),
    keywords: optional(list(v('keywords')), v('keywords') !== ''),
    frequency: optional(v('frequency'), v('frequency') !== ''),
    spatial: optional(spatial, some(spatial)),
    temporal: optional(temporal, some(temporal)),
    contact: optional(contact, some(contact)),
  };
  if (mode === 'create' && v('slug')) document.slug = v('slug');
  return Object.fromEntries(Object.entries(document).filter(([, value]) => value !== undefined));
}

/** A stored metadata document as form values. */
export function metadataToForm(metadata: Record<string, any>): FormValues {
  return {
    title: metadata.title ?? '',
    description: metadata.description ?? '',
    organization: metadata.organization ?? '',
    licence: metadata.licence ?? '',
    themes: (metadata.themes ?? []).join(', '),
    keywords: (metadata.keywords ?? []).join(', '),
    frequency: metadata.frequency ?? '',
    spatial_label: metadata.spatial?.label ?? '',
    spatial_granularity: metadata.spatial?.granularity ?? '',
    spatial_zones: (metadata.spatial?.zones ?? []).join(', '),
    temporal_start: metadata.temporal?.start ?? '',
    temporal_end: metadata.temporal?.end ?? '',
    contact_name: metadata.contact?.name ?? '',
    contact_email: metadata.contact?.email ?? '',
    contact_url: metadata.contact?.url ?? '',
  };
}

export function pickFormValues(body: Record<string, unknown>): FormValues {
  return Object.fromEntries(TEXT_FIELDS.map((name) => [name, typeof body[name] === 'string' ? (body[name] as string) : '']));
}

/** Which form field an error detail is about (`/title` → title, `/contact` → contact_name…). */
export function metadataFieldOf(path: string | undefined, code: string): string | null {
  if (code === 'bad-schema') return 'schema';
  const name = (path ?? '').replace(/^\//, '').split('/')[0];
  const map: Record<string, string> = {
    spatial: 'spatial_label', temporal: 'temporal_start', contact: 'contact_name', organization_title: 'organization', schema: 'schema',
  };
  if (map[name]) return map[name];
  return (TEXT_FIELDS as readonly string[]).includes(name) ? name : null;
}

const option = (value: string, label: string, chosen: string) => ({ value, label, selected: value === chosen });

export interface DatasetFormInputs {
  mode: 'create' | 'edit';
  slug?: string;
  values: FormValues;
  errors: FormErrors;
  organizations: Array<{ slug: string; title: string }>;
  schemaText?: string;
  schemaChoices?: Array<{ slug: string; title: string }>;
}

export function toDatasetForm(inputs: DatasetFormInputs) {
  const { values, errors } = inputs;
  const err = (name: string) => {
    const messages = errors.byField[name];
    return messages?.length ? { id: `${name}-erreur`, messages } : null;
  };
  const fields = Object.fromEntries([...TEXT_FIELDS, 'schema'].map((name) => [name, { value: values[name] ?? '', error: err(name) }]));
  const create = inputs.mode === 'create';
  return {
    title: create ? 'Créer un jeu de données' : `Modifier les métadonnées`,
    breadcrumbs: create ? [{ label: 'Mon espace', href: '/espace' }] : [{ label: 'Mon espace', href: '/espace' }, { label: inputs.slug!, href: workspaceLinks.dataset(inputs.slug!) }],
    create,
    action: create ? workspaceLinks.newDataset() : workspaceLinks.metadata(inputs.slug!),
    enctype: create ? 'multipart/form-data' : 'application/x-www-form-urlencoded',
    fields,
    errorSummary: errors.summary,
    organizations: inputs.organizations.map((o) => option(o.slug, `${o.title} (${o.slug})`, values.organization ?? '')),
    licences: metadataEnum('licence').map((id) => option(id, licenceTitle(id), values.licence ?? '')),
    frequencies: [option('', 'non précisée', values.frequency ?? ''), ...metadataEnum('frequency').map((id) => option(id, frequencyLabel(id), values.frequency ?? ''))],
    granularities: [option('', 'non précisée', values.spatial_granularity ?? ''), ...spatialGranularities().map((id) => option(id, granularityLabel(id), values.spatial_granularity ?? ''))],
    schemaText: inputs.schemaText ?? '',
    schemaChoices: (inputs.schemaChoices ?? []).map((c) => ({ value: c.slug, label: `${c.title} (${c.slug})` })),
  };
}
