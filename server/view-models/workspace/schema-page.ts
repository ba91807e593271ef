import type { EditableDataset } from '../../../catalogue/stewards/stewards-service';
import type { FormErrors } from './form-errors';
import { workspaceLinks } from './links';

/** The row schema page: the schema in force (as given), its import warnings, and three ways to replace it. */
export interface SchemaPageInputs {
  slug: string;
  editable: EditableDataset;
  /** What the steward submitted, shown again after an error. */
  text: string | null;
  errors: FormErrors;
  choices: Array<{ slug: string; title: string }>;
}

export function toSchemaPage({ slug, editable, text, errors, choices }: SchemaPageInputs) {
  const messages = errors.byField.schema ?? [];
  return {
    title: 'Schéma des lignes',
    breadcrumbs: [{ label: 'Mon espace', href: '/espace' }, { label: slug, href: workspaceLinks.dataset(slug) }],
    action: workspaceLinks.schema(slug),
    hasVersion: editable.hasVersion,
    warnings: editable.schemaWarnings,
    schemaText: text ?? JSON.stringify(editable.schemaSource, null, 2),
    error: messages.length ? { id: 'schema-erreur', messages } : null,
    errorSummary: errors.summary,
    choices: choices.map((c) => ({ value: c.slug, label: `${c.title} (${c.slug})` })),
  };
}
