import type { OrganizationRecord } from '../../../catalogue/accounts/accounts-service';
import type { FormErrors } from './form-errors';
import { workspaceLinks } from './links';

/** Organisations (producers): the list, and one form to create or edit one (by its slug). */
export function toOrganizationsPage(organizations: OrganizationRecord[], values: Record<string, string>, errors: FormErrors) {
  const err = (name: string) => (errors.byField[name]?.length ? { id: `${name}-erreur`, messages: errors.byField[name] } : null);
  const f = (name: string) => ({ value: values[name] ?? '', error: err(name) });
  return {
    title: 'Organisations',
    organizations: organizations.map((o) => ({ slug: o.slug, title: o.title, url: o.url, edit: workspaceLinks.organization(o.slug), publicPage: `/organizations/${encodeURIComponent(o.slug)}` })),
    action: workspaceLinks.organizations(),
    editing: Boolean(values.slug && organizations.some((o) => o.slug === values.slug)),
    fields: { slug: f('slug'), title: f('title'), description: f('description'), url: f('url') },
    errorSummary: errors.summary,
  };
}
