import type { Catalogue } from '../../../catalogue';
import type { FieldInfo, RecordsService, RecordsStream } from '../../../catalogue/records';
import { frenchNumber, type SourceDataset } from './api-fixture';

/**
 * A records service stand-in for testing the HTTP layer's streaming (writers, back-pressure,
 * disconnects) on its own: rows typed from a fixture's CSV by its schema, or an endless stream
 * that counts what was pulled from it and notices when it is closed.
 */
const BOOLEAN_TRUE = new Set(['oui', 'true', '1', 'vrai']);

function typed(source: SourceDataset, row: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source.schema.properties).map(([name, property]) => {
    const text = row[name] ?? '';
    if (text === '') return [name, null];
    switch (property.type) {
      case 'number':
      case 'integer':
        return [name, frenchNumber(text)];
      case 'boolean':
        return [name, BOOLEAN_TRUE.has(text.toLowerCase())];
      default:
        return [name, text];
    }
  }));
}

export function sourceFields(source: SourceDataset): FieldInfo[] {
  return Object.entries(source.schema.properties).map(([name, p]) => ({
    name, type: p.format === 'date' ? 'date' : String(p.type), title: (p.title as string) ?? null, description: null,
  }));
}

export function typedRows(source: SourceDataset): Array<Record<string, unknown>> {
  return source.rows.map((r) => typed(source, r));
}

export function sourceGeo(source: SourceDataset): RecordsStream['geo'] {
  const geo = source.schema['x-geo'];
  if (geo?.latitude && geo.longitude) return { latitude: geo.latitude, longitude: geo.longitude };
  if (geo?.geometry) return { geometry: geo.geometry };
  return null;
}

export interface StreamProbe {
  pulled: number;
  closed: boolean;
  opened: number;
}

export function probedRows(rows: Iterable<Record<string, unknown>>, probe: StreamProbe): AsyncIterable<Record<string, unknown>> {
  return (async function* generate() {
    try {
      for (const row of rows) {
        probe.pulled += 1;
        yield row;
      }
    } finally {
      probe.closed = true;
    }
  })();
}

export function* endlessRows(): Generator<Record<string, unknown>> {
  for (let i = 1; ; i++) yield { id: i, texte: `${i.toString(36)}-${Math.sin(i).toString(36)}-${Math.cos(i * 7).toString(36)}`, valeur: i / 7 };
}

/** The world's catalogue with `records.stream` replaced; every other use case is the real one. */
export function withStream(catalogue: Catalogue, make: (slug: string, probe: StreamProbe) => RecordsStream): { catalogue: Catalogue; probe: StreamProbe } {
  const probe: StreamProbe = { pulled: 0, closed: false, opened: 0 };
  const records: RecordsService = {
    ...catalogue.records,
    stream: async (slug) => {
      probe.opened += 1;
      return make(slug, probe);
    },
  };
  return { catalogue: { ...catalogue, records }, probe };
}

export function sourceStream(source: SourceDataset, probe: StreamProbe): RecordsStream {
  return { dataset: source.slug, version: 1, fields: sourceFields(source), geo: sourceGeo(source), rows: probedRows(typedRows(source), probe) };
}
