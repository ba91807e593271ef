import type { DatasetDetail, FieldDescription } from '../../catalogue/datasets-service';
import type { SiteSettings } from '../../catalogue/site-settings';
import type { RowSchema } from '../../catalogue/validation/row-schema';
import { href, pageLinks } from './urls';

/**
 * The map of a dataset page, as settings for server/public/js/map.js (a JSON `data-map`
 * attribute: no inline script). Points and shapes are read from the API's GeoJSON export with
 * `_bbox` as the user pans (after a `_size=0` count, so a dense area asks to zoom in instead of
 * loading everything); a commune-keyed dataset is a choropleth: the API's grouped records
 * (`_group_by` the commune column) joined in the browser to the communes layer's GeoJSON export.
 * The page always has a table with the same information next to the map.
 */
export interface CommunesLayer {
  slug: string;
  /** Property holding the commune code in the layer. */
  code: string;
  /** Property holding the commune name in the layer. */
  name: string | null;
}

export const MAX_POINTS = 5000;
const NUMERIC = new Set(['integer', 'number']);
const MAIN_NAME = /(^|_)(nom|name|libelle|titre|title|commune|adresse|type|intitule)(_|$)/i;

/** The fields a popup and the map's table show: key first, then name-like fields, four more at most. */
function mainFields(detail: DatasetDetail, schema: RowSchema): FieldDescription[] {
  const geo = schema['x-geo'] ?? {};
  const hidden = new Set([geo.latitude, geo.longitude, geo.geometry].filter(Boolean));
  const usable = detail.fields.filter((f) => !hidden.has(f.name) && f.type !== 'json');
  const key = usable.filter((f) => detail.primary_key.includes(f.name));
  const named = usable.filter((f) => !key.includes(f) && MAIN_NAME.test(f.name));
  const others = usable.filter((f) => !key.includes(f) && !named.includes(f));
  return [...key, ...named, ...others].slice(0, key.length + 4);
}

/** Where the data probably is: the profile's range of WGS84 coordinates, else the territory. */
function initialBounds(detail: DatasetDetail, schema: RowSchema, site: SiteSettings): number[] {
  const geo = schema['x-geo'];
  if (geo?.latitude && geo.longitude && geo.crs !== 'EPSG:2154') {
    const lat = detail.profile[geo.latitude];
    const lon = detail.profile[geo.longitude];
    const box = [lon?.min, lat?.min, lon?.max, lat?.max].map(Number);
    if (box.every(Number.isFinite) && box[0] <= box[2] && box[1] <= box[3] && Math.abs(box[1]) <= 90 && Math.abs(box[3]) <= 90) return box;
  }
  return site.mapBounds;
}

const label = (f: FieldDescription) => f.title || f.name;

function base(site: SiteSettings, tilesUrl: string) {
  return { tiles: tilesUrl || null, attribution: tilesUrl ? site.mapTilesAttribution : '' };
}

function layerGeojson(layer: CommunesLayer): string {
  return href(`/api/v1/datasets/${encodeURIComponent(layer.slug)}/exports/geojson`, [['_select', [layer.code, layer.name].filter(Boolean).join(',')]]);
}

export function toPointsMap(detail: DatasetDetail, schema: RowSchema, site: SiteSettings, tilesUrl: string, layer: CommunesLayer | null) {
  const fields = mainFields(detail, schema);
  const shapes = Boolean(schema['x-geo']?.geometry);
  const config = {
    kind: 'points',
    ...base(site, tilesUrl),
    bounds: initialBounds(detail, schema, site),
    records: detail.links.records,
    geojson: detail.links.exports.geojson,
    select: fields.map((f) => f.name).join(','),
    fields: fields.map((f) => ({ name: f.name, label: label(f) })),
    key: detail.primary_key,
    table: pageLinks.table(detail.slug),
    maxPoints: MAX_POINTS,
    // Without base tiles, the communes' outlines show where the points are.
    background: !tilesUrl && layer && layer.slug !== detail.slug ? layerGeojson(layer) : null,
  };
  return {
    kind: 'points' as const,
    title: shapes ? 'Carte des objets géographiques' : 'Carte des points',
    intro: shapes
      ? 'La carte affiche les objets de la zone visible (points regroupés quand ils sont proches, contours) et se met à jour quand vous la déplacez. Le tableau qui suit la carte donne les mêmes informations.'
      : 'La carte affiche les lignes de la zone visible et se met à jour quand vous la déplacez ; les points proches sont regroupés. Le tableau qui suit la carte donne les mêmes informations.',
    configJson: JSON.stringify(config),
    tableHref: pageLinks.table(detail.slug),
    fieldLabels: fields.map(label),
  };
}

export interface Measure {
  value: string;
  label: string;
  /** `_agg` of the grouped records query, and the key of the value in each group. */
  agg: string;
  key: string;
}

/** What a choropleth can show: one value per commune (the column itself when the commune is the key), or a count or mean per commune. */
export function measuresOf(detail: DatasetDetail, commune: string): Measure[] {
  const onePerCommune = detail.primary_key.length === 1 && detail.primary_key[0] === commune;
  const numeric = detail.fields.filter((f) => NUMERIC.has(f.type) && f.name !== commune);
  const measures: Measure[] = onePerCommune ? [] : [{ value: 'nombre', label: 'Nombre de lignes par commune', agg: 'count', key: 'count' }];
  for (const f of numeric) {
    measures.push(onePerCommune
      ? { value: f.name, label: label(f), agg: `sum:${f.name}`, key: `sum_${f.name}` }
      : { value: f.name, label: `${label(f)} (moyenne par commune)`, agg: `avg:${f.name}`, key: `avg_${f.name}` });
  }
  return measures;
}

export function toChoroplethMap(detail: DatasetDetail, schema: RowSchema, site: SiteSettings, tilesUrl: string, layer: CommunesLayer | null, asked: string | undefined) {
  const commune = schema['x-geo']?.commune ?? '';
  const measures = measuresOf(detail, commune);
  const measure = measures.find((m) => m.value === asked) ?? measures[0];
  if (!measure) return null;
  const grouped: Array<[string, string]> = [['_group_by', commune], ['_agg', measure.agg], ['_size', '1000']];
  return {
    kind: 'choropleth' as const,
    title: 'Carte par commune',
    layerMissing: layer === null,
    measures: measures.map((m) => ({ ...m, selected: m === measure })),
    measure,
    formAction: pageLinks.dataset(detail.slug),
    tableHref: pageLinks.table(detail.slug, grouped),
    configJson: layer && JSON.stringify({
      kind: 'choropleth',
      ...base(site, tilesUrl),
      bounds: site.mapBounds,
      layer: layerGeojson(layer),
      layerCode: layer.code,
      layerName: layer.name,
      values: href(detail.links.records, [...grouped, ['_count', 'false']]),
      commune,
      valueKey: measure.key,
      valueLabel: measure.label,
      measures: measures.map((m) => ({ value: m.value, key: m.key, agg: m.agg, label: m.label })),
      recordsBase: detail.links.records,
    }),
  };
}
