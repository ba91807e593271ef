import type { DatasetDetail, VersionDetail, VersionsList } from '../../catalogue/datasets-service';
import type { RecordsPage } from '../../catalogue/records';
import type { SiteSettings } from '../../catalogue/site-settings';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { jsonForScriptBlock } from '../interop/json-ld-script';
import { toSchemaOrgDataset } from '../interop/schema-org';
import { formatCell } from './cells';
import { toDownloads } from './downloads';
import { toFieldDocs } from './field-docs';
import { formatBytes, formatDate, formatDateTime, formatNumber, frequencyLabel, granularityLabel, plural } from './format';
import { toLicence } from './licences';
import { toChoroplethMap, toPointsMap, type CommunesLayer } from './map-section';
import { plainExcerpt, renderMarkdown } from './markdown';
import { sampleFilter, toReuse } from './reuse';
import { pageLinks } from './urls';

/**
 * The dataset page, from the API's own calls: the dataset (`GET /datasets/{slug}`: metadata,
 * fields, stored profiles and counts), its row schema, its versions, the current version's report,
 * and a ten-row preview read without a count (`_count=false`): nothing here scans the records, so
 * a page of a million-row dataset costs what a small one does.
 */
export interface DatasetPageInputs {
  detail: DatasetDetail;
  schema: RowSchema;
  versions: VersionsList;
  current: VersionDetail | null;
  preview: RecordsPage | null;
  layer: CommunesLayer | null;
  base: string;
  tilesUrl: string;
  /** `?indicateur=` of the choropleth. */
  measure?: string;
}

function facts(detail: DatasetDetail) {
  const licence = toLicence(detail.licence);
  const temporal = detail.temporal && (detail.temporal.start || detail.temporal.end)
    ? [detail.temporal.start && `du ${formatDate(detail.temporal.start)}`, detail.temporal.end && `au ${formatDate(detail.temporal.end)}`].filter(Boolean).join(' ')
    : '';
  const spatial = detail.spatial
    ? [detail.spatial.label, detail.spatial.granularity && `(maille : ${granularityLabel(detail.spatial.granularity)})`].filter(Boolean).join(' ')
    : '';
  return {
    producer: { title: detail.organization.title, href: pageLinks.organization(detail.organization.slug) },
    licence,
    frequency: frequencyLabel(detail.frequency),
    spatial,
    temporal,
    updated: formatDate(detail.updated_at),
    updatedIso: detail.updated_at,
    records: detail.version === null ? '' : plural(detail.record_count, 'ligne', 'lignes'),
    fieldsCount: plural(detail.fields.length, 'colonne', 'colonnes'),
    version: detail.version,
    contact: detail.contact && {
      name: detail.contact.name,
      email: detail.contact.email ?? null,
      url: detail.contact.url && /^https?:\/\//i.test(detail.contact.url) ? detail.contact.url : null,
    },
    themes: detail.themes.map((t) => ({ label: t, href: pageLinks.search([['theme', t]]) })),
    keywords: detail.keywords.map((k) => ({ label: k, href: pageLinks.search([['keyword', k]]) })),
  };
}

function validation(detail: DatasetDetail, schema: RowSchema, current: VersionDetail | null) {
  if (!current) return null;
  const stats = (current.stats ?? {}) as { rows?: number; warnings?: number };
  const name = typeof schema.title === 'string' && schema.title ? `« ${schema.title} »` : 'du jeu de données';
  return {
    schemaName: name,
    version: current.number,
    rows: plural(stats.rows ?? detail.record_count, 'ligne', 'lignes'),
    date: formatDate(current.published_at ?? current.created_at),
    warnings: stats.warnings ? plural(stats.warnings, 'avertissement', 'avertissements') : null,
    reportHref: current.links.api,
    schemaHref: detail.links.schema,
  };
}

function previewTable(detail: DatasetDetail, preview: RecordsPage | null) {
  if (!preview || preview.records.length === 0) return null;
  const fields = preview.fields;
  return {
    caption: `Les ${formatNumber(preview.records.length)} premières lignes sur ${formatNumber(detail.record_count)}`,
    columns: fields.map((f) => ({ name: f.name, title: f.title || f.name })),
    rows: preview.records.map((r) => fields.map((f) => formatCell(r[f.name], f.type))),
  };
}

function history(versions: VersionsList) {
  return versions.versions.map((v) => ({
    versionNumber: v.number,
    current: v.status === 'published',
    status: v.status === 'published' ? 'en vigueur' : 'remplacée',
    date: formatDateTime(v.published_at ?? v.created_at),
    rows: v.rows === null ? '' : formatNumber(v.rows),
    size: formatBytes(v.bytes),
    source: v.source_name,
    href: v.links.api,
  }));
}

function mapSection(inputs: DatasetPageInputs, site: SiteSettings) {
  const { detail, schema, layer, tilesUrl } = inputs;
  const geo = schema['x-geo'];
  if (!geo || detail.version === null) return null;
  if (geo.commune) return toChoroplethMap(detail, schema, site, tilesUrl, layer, inputs.measure);
  if ((geo.latitude && geo.longitude) || geo.geometry) return detail.links.exports.geojson ? toPointsMap(detail, schema, site, tilesUrl, layer) : null;
  return null;
}

/** The dataset's machine-readable descriptions (DCAT-AP), linked from the page's head for harvesters. */
function alternates(slug: string) {
  const page = pageLinks.dataset(slug);
  return [
    { type: 'text/turtle', href: `${page}.ttl`, title: 'Métadonnées DCAT-AP (Turtle)' },
    { type: 'application/ld+json', href: `${page}.jsonld`, title: 'Métadonnées DCAT-AP (JSON-LD)' },
  ];
}

export function toDatasetPage(site: SiteSettings, inputs: DatasetPageInputs) {
  const { detail, schema, versions, current, preview, base } = inputs;
  const currentVersion = versions.versions.find((v) => v.status === 'published');
  const map = mapSection(inputs, site);
  const published = detail.version !== null;
  return {
    title: detail.title,
    nav: 'datasets',
    breadcrumbs: [{ label: 'Jeux de données', href: pageLinks.search() }],
    description: plainExcerpt(detail.description, 200),
    styles: map ? ['/assets/leaflet/leaflet.css', '/assets/markercluster/MarkerCluster.css', '/assets/markercluster/MarkerCluster.Default.css'] : [],
    scripts: map ? ['/assets/leaflet/leaflet.js', '/assets/markercluster/leaflet.markercluster.js', '/assets/js/map.js'] : [],
    dataset: { title: detail.title, slug: detail.slug, demo: detail.demo, published },
    descriptionHtml: renderMarkdown(detail.description),
    facts: facts(detail),
    validation: validation(detail, schema, current),
    preview: previewTable(detail, preview),
    tableHref: pageLinks.table(detail.slug),
    map,
    fields: toFieldDocs(detail.fields, schema, detail.profile, detail.record_count, preview?.records ?? []),
    downloads: published ? toDownloads(detail, currentVersion) : [],
    reuse: published ? toReuse(detail, base, [], sampleFilter(detail)) : null,
    history: history(versions),
    headAlternates: alternates(detail.slug),
    // Escaped for a script block, so the layout inserts it raw (schema.org for search engines).
    jsonLd: jsonForScriptBlock(toSchemaOrgDataset(detail, versions.versions, site, base)),
  };
}
