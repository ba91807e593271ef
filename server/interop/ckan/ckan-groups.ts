import { ckanIds } from './ckan-ids';

/**
 * Our themes as CKAN groups (CKAN's way of classing datasets by subject), so that a harvester set
 * to keep remote groups, or a `groups:` filter, finds them. A group's name is the theme's slug.
 */
export interface CkanGroup {
  id: string;
  name: string;
  title: string;
  display_name: string;
  description: string;
  image_display_url: string;
}

export function ckanGroupName(theme: string): string {
  return theme.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function ckanGroup(theme: string): CkanGroup {
  const name = ckanGroupName(theme);
  return { id: ckanIds.group(name), name, title: theme, display_name: theme, description: '', image_display_url: '' };
}
