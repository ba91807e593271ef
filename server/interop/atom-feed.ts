import { create } from 'xmlbuilder2';
import type { LatestVersion } from '../../catalogue/datasets-service';
import type { SiteSettings } from '../../catalogue/site-settings';
import { formatBytes, plural } from '../view-models/format';
import { xmlText } from './xml-text';

/**
 * The Atom 1.0 feed (RFC 4287) of the newest publications: one entry per published version,
 * newest first. An entry's id is the version's API URL, which never changes once the version has
 * its number, so a feed reader shows each publication once. Built with xmlbuilder2.
 */
const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** A feed with no entry still needs an `updated`: a fixed date, so the feed's ETag stays stable. */
const NO_PUBLICATION = '1970-01-01T00:00:00.000Z';

export const FEED_PATH = '/feed.atom';

export const feedTitle = (site: SiteSettings) => `Nouvelles versions des jeux de données · ${site.name}`;

export function entryTitle(version: LatestVersion): string {
  return `Nouvelle version ${version.number} : ${version.dataset.title}`;
}

export function entrySummary(version: LatestVersion): string {
  const rows = version.rows === null ? 'nombre de lignes inconnu' : plural(version.rows, 'ligne', 'lignes');
  const producer = version.organization.title || version.organization.slug;
  return `${rows}, fichier « ${version.source_name} » (${formatBytes(version.bytes)}), publié par ${producer}.`;
}

export function atomFeed(versions: readonly LatestVersion[], site: SiteSettings, base: string): string {
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NS, 'feed').att('xml:lang', 'fr');
  const text = (parent: typeof feed, name: string, value: string) => parent.ele(name).txt(xmlText(value));
  text(feed, 'id', base + FEED_PATH);
  text(feed, 'title', feedTitle(site));
  text(feed, 'subtitle', `Les ${versions.length} dernières publications de données sur ${site.name}, la plus récente en premier.`);
  text(feed, 'updated', versions[0]?.published_at ?? NO_PUBLICATION);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: base + FEED_PATH });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${base}/datasets` });
  const author = feed.ele('author');
  text(author, 'name', site.operator);
  text(author, 'uri', `${base}/`);
  for (const version of versions) {
    const entry = feed.ele('entry');
    text(entry, 'id', base + version.links.api);
    text(entry, 'title', entryTitle(version));
    text(entry, 'updated', version.published_at);
    text(entry, 'published', version.published_at);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: base + version.links.dataset_html });
    entry.ele('link', { rel: 'related', type: 'application/json', href: base + version.links.api });
    entry.ele('summary', { type: 'text' }).txt(xmlText(entrySummary(version)));
    const producer = entry.ele('author');
    text(producer, 'name', version.organization.title || version.organization.slug || site.operator);
    if (version.links.organization_html) text(producer, 'uri', base + version.links.organization_html);
  }
  return feed.end({ prettyPrint: true });
}
