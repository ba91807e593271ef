import { CatalogueError } from '../errors';
import {
  getCurrentVersion, getDatasetBySlug, getVersionByNumber, listFields, ROW_ID_COLUMN,
  type DatasetRecord, type Store, type VersionColumn, type VersionField, type VersionRecord,
} from '../storage';
import { diffVersionTables, type DiffTable } from '../storage/version-diff';
import type { DiffRequest, VersionDiff } from './types';

/**
 * The row-level diff between two published (or superseded) versions of a dataset, by primary
 * key (contract section 6: `GET …/diff?from=n&to=m`). Without a primary key, rows are matched by
 * their row number. Defaults: `to` is the current version, `from` the one before it.
 */
export const DIFF_SAMPLE = { default: 20, max: 100 } as const;

const READABLE = new Set(['published', 'superseded']);
const ROW_NUMBER: VersionColumn = { name: ROW_ID_COLUMN, columnName: ROW_ID_COLUMN, kind: 'integer' };

async function readableVersion(store: Store, dataset: DatasetRecord, number: number, param: string): Promise<VersionRecord> {
  const version = await getVersionByNumber(store.knex, dataset.id, number);
  if (!version || !READABLE.has(version.status) || !version.tableName) {
    throw new CatalogueError('not-found', `Le jeu de données « ${dataset.slug} » n'a pas de version n° ${number} (${param}).`);
  }
  return version;
}

function keyColumns(names: readonly string[], fields: readonly VersionField[], number: number): VersionColumn[] {
  if (names.length === 0) return [ROW_NUMBER];
  return names.map((name) => {
    const field = fields.find((f) => f.name === name);
    if (!field) {
      throw new CatalogueError('bad-request', `La version ${number} n'a pas la colonne « ${name} » de la clé primaire : elle ne peut pas être comparée par clé.`, [
        { path: 'from', message: `from/to : la version ${number} n'a pas la colonne « ${name} » de la clé primaire` },
      ]);
    }
    return field;
  });
}

/** The key that names a row: its key values joined by `,` (as `/records/{id}` takes them). */
function keyOf(record: Record<string, unknown>, names: readonly string[]): string {
  return names.map((n) => (record[n] === null || record[n] === undefined ? '' : String(record[n]))).join(',');
}

export async function compareVersions(store: Store, slug: string, request: DiffRequest): Promise<VersionDiff> {
  const dataset = await getDatasetBySlug(store.knex, slug);
  if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
  let toNumber = request.to;
  if (toNumber === undefined) {
    const current = await getCurrentVersion(store.knex, dataset.id);
    if (!current?.number) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a aucune version publiée.`);
    toNumber = current.number;
  }
  const fromNumber = request.from ?? toNumber - 1;
  if (fromNumber < 1) throw new CatalogueError('not-found', `La version ${toNumber} de « ${slug} » n'a pas de version antérieure à laquelle la comparer.`);
  const [from, to] = [await readableVersion(store, dataset, fromNumber, 'from'), await readableVersion(store, dataset, toNumber, 'to')];
  const [fromFields, toFields] = [await listFields(store.knex, from.id), await listFields(store.knex, to.id)];

  const keyNames = dataset.rowSchema['x-primaryKey'] ?? [];
  const fromKey = keyColumns(keyNames, fromFields, fromNumber);
  const toKey = keyColumns(keyNames, toFields, toNumber);
  fromKey.forEach((k, i) => {
    if (k.kind !== toKey[i].kind) {
      throw new CatalogueError('bad-request', `La colonne « ${k.name} » de la clé n'a pas le même type dans les deux versions : elles ne peuvent pas être comparées par clé.`);
    }
  });
  const keySet = new Set(keyNames);
  const compared = fromFields
    .filter((f) => !keySet.has(f.name))
    .flatMap((f) => {
      const other = toFields.find((t) => t.name === f.name && t.kind === f.kind);
      return other ? [{ from: f as VersionColumn, to: other as VersionColumn }] : [];
    });
  const side = (table: string, key: VersionColumn[], fields: VersionField[]): DiffTable => ({ table, key, columns: fields });
  const rows = await diffVersionTables(store, {
    from: side(from.tableName!, fromKey, fromFields),
    to: side(to.tableName!, toKey, toFields),
    compared,
    sampleSize: Math.min(request.sampleSize ?? DIFF_SAMPLE.default, DIFF_SAMPLE.max),
  });

  const fromNames = new Set(fromFields.map((f) => f.name));
  const toNames = new Set(toFields.map((f) => f.name));
  return {
    dataset: slug,
    from: fromNumber,
    to: toNumber,
    key: keyNames.length ? [...keyNames] : null,
    added: rows.added,
    removed: rows.removed,
    changed: rows.changed,
    columns: {
      added: toFields.filter((f) => !fromNames.has(f.name)).map((f) => f.name),
      removed: fromFields.filter((f) => !toNames.has(f.name)).map((f) => f.name),
      compared: compared.map((c) => c.from.name),
    },
    samples: {
      added: rows.samples.added,
      removed: rows.samples.removed,
      changed: rows.samples.changed.map(({ row, before, after }) => ({
        key: keyNames.length ? keyOf(after, keyNames) : String(row),
        before,
        after,
        fields: compared.map((c) => c.from.name).filter((n) => !sameValue(before[n], after[n])),
      })),
    },
  };
}

function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null) || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}
