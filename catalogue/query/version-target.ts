import { CatalogueError } from '../errors';
import {
  getCurrentVersion, getDatasetBySlug, getVersionByNumber, listFields, slugCanExist,
  type DatasetRecord, type Store, type VersionField, type VersionRecord,
} from '../storage';
import type { TableFeatures } from '../storage/dialects/query-dialect';
import type { QueryTable } from './compile';

/**
 * slug (+ version number) → the version a records request reads: its table, fields and what the
 * table offers (full text, geo). A published table never changes, so fields and features are
 * cached per version for the life of the service; a table found missing is forgotten.
 *
 * The current version is looked up on every request (a publication switches it at any moment),
 * but by one small probe of the dataset's row (id, updated_at, current_version_id): the dataset
 * and version records behind it are read again only when the probe changes. Every change to a
 * dataset moves updated_at or current_version_id, so a stale record is never served; what is
 * saved is a second query and the parsing of the dataset's JSON (row schema, metadata) on the
 * main thread, per request.
 */
export interface VersionTarget {
  slug: string;
  dataset: DatasetRecord;
  version: VersionRecord;
  /** The version's public number (1, 2, 3…). */
  number: number;
  fields: VersionField[];
  table: QueryTable;
}

export interface ResolveOptions {
  version?: number;
  /** The version comes from a `_next` cursor: a version that is no longer there is `gone`, not `not-found`. */
  pinned?: boolean;
}

const READABLE = new Set(['published', 'superseded']);

export function goneError(slug: string, number: number): CatalogueError {
  return new CatalogueError('gone', `La version ${number} de « ${slug} » n'est plus disponible : reprenez la lecture depuis la première page.`);
}

interface CurrentEntry {
  probe: string;
  dataset: DatasetRecord;
  version: VersionRecord | undefined;
}

export function createTargetResolver(store: Store) {
  const cache = new Map<number, { fields: VersionField[]; features: TableFeatures }>();
  const current = new Map<string, CurrentEntry>();

  async function currentOf(slug: string): Promise<CurrentEntry | undefined> {
    const { knex } = store;
    if (!slugCanExist(slug)) return undefined;
    const row: { id: unknown; updated_at: unknown; current_version_id: unknown } | undefined = await knex('datasets')
      .where({ slug }).first('id', 'updated_at', 'current_version_id');
    if (!row) {
      current.delete(slug);
      return undefined;
    }
    const probe = `${String(row.id)}|${String(row.updated_at)}|${String(row.current_version_id)}`;
    const cached = current.get(slug);
    if (cached?.probe === probe) return cached;
    const dataset = await getDatasetBySlug(knex, slug);
    if (!dataset) return undefined;
    const entry = { probe, dataset, version: await getCurrentVersion(knex, dataset.id) };
    current.set(slug, entry);
    return entry;
  }

  async function describe(slug: string, version: VersionRecord, number: number) {
    const cached = cache.get(version.id);
    if (cached) return cached;
    const features = version.tableName ? await store.dialect.query.describeTable(store.knex, version.tableName) : null;
    if (!features) throw goneError(slug, number);
    const entry = { fields: await listFields(store.knex, version.id), features };
    cache.set(version.id, entry);
    return entry;
  }

  return {
    async resolve(slug: string, options: ResolveOptions = {}): Promise<VersionTarget> {
      const { knex } = store;
      const explicit = options.version !== undefined;
      const found = explicit ? { dataset: await getDatasetBySlug(knex, slug), version: undefined } : await currentOf(slug);
      const dataset = found?.dataset;
      if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
      let version: VersionRecord | undefined;
      if (options.version !== undefined) {
        version = await getVersionByNumber(knex, dataset.id, options.version);
        if (!version || !READABLE.has(version.status)) {
          if (options.pinned) throw goneError(slug, options.version);
          throw new CatalogueError('not-found', `La version ${options.version} de « ${slug} » n'existe pas.`);
        }
      } else {
        version = found?.version;
        if (!version) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a pas encore de version publiée.`);
      }
      const number = version.number!;
      const { fields, features } = await describe(slug, version, number);
      return { slug, dataset, version, number, fields, table: { name: version.tableName!, features } };
    },
    /** After a statement found the table missing. */
    forget(target: VersionTarget): void {
      cache.delete(target.version.id);
      current.delete(target.slug);
    },
  };
}

export type TargetResolver = ReturnType<typeof createTargetResolver>;
