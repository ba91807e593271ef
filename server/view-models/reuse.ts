import type { DatasetDetail } from '../../catalogue/datasets-service';
import { exportFilters } from './downloads';
import { href, type QueryPairs } from './urls';

/**
 * "Réutiliser ces données": ready-to-use API addresses and curl commands, absolute (BASE_URL or the
 * request's host), made from the page's current filters. Query strings are percent-encoded by
 * URLSearchParams, so a URL never holds a quote that would break the shell's single quotes.
 */
export interface ReuseExample {
  label: string;
  url: string;
  curl: string;
}

export function toReuse(detail: DatasetDetail, base: string, filters: QueryPairs, sample: QueryPairs | null) {
  const recordsPairs: QueryPairs = filters.length ? filters : (sample ?? []);
  const exportPairs = exportFilters(filters);
  const file = detail.slug;
  const examples: ReuseExample[] = [];
  const records = base + href(detail.links.records, recordsPairs);
  examples.push({
    label: filters.length ? 'Les lignes de ce filtre, page par page (JSON ; « next » donne la page suivante)' : sample ? 'Un exemple de filtre sur les lignes (JSON, page par page)' : 'Les lignes, page par page (JSON)',
    url: records,
    curl: `curl '${records}'`,
  });
  const csv = base + href(detail.links.exports.csv, [...exportPairs, ['_profile', 'excel-fr']]);
  examples.push({ label: 'Tout télécharger en CSV pour Excel', url: csv, curl: `curl -o ${file}.csv '${csv}'` });
  if (detail.links.exports.geojson) {
    const geojson = base + href(detail.links.exports.geojson, exportPairs);
    examples.push({ label: 'Tout télécharger en GeoJSON', url: geojson, curl: `curl -o ${file}.geojson '${geojson}'` });
  }
  return {
    examples,
    docs: [
      { label: 'Description OpenAPI 3.1 de ce jeu de données', href: base + detail.links.openapi },
      { label: 'Schéma JSON d’une ligne', href: base + detail.links.schema },
      { label: 'Métadonnées (JSON)', href: base + detail.links.api },
    ],
  };
}

/**
 * A filter example built from the profile: the most frequent value of the text column with the
 * fewest distinct values (a category, say), so that the example reads like a real question.
 */
export function sampleFilter(detail: DatasetDetail): QueryPairs | null {
  let best: { name: string; value: string; distinct: number } | null = null;
  for (const field of detail.fields) {
    const profile = detail.profile[field.name];
    const top = profile?.top[0];
    if (field.type !== 'string' || !top || top.count < 2 || top.value.length > 40 || profile.distinct < 2 || profile.distinct > 100) continue;
    if (!best || profile.distinct < best.distinct) best = { name: field.name, value: top.value, distinct: profile.distinct };
  }
  return best && [[best.name, best.value], ['_size', '10']];
}
