import { CatalogueError } from '../errors';
import {
  getCurrentVersion, getDatasetBySlug, getVersionByNumber, listFields,
  type DatasetRecord, type Store, type VersionField, type VersionRecord,
} from '../storage';
import type { TableFeatures } from '../storage/dialects/query-dialect';
import type { QueryTable } from './compile';

/**
 * slug (+ version number) → the version a records request reads: its table, fields and what the
 * table offers (full text, geo). A published table never changes, so fields and features are
 * cached per version for the life of the service; a table found missing is forgotten.
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

export function createTargetResolver(store: Store) {
  const cache = new Map<number, { fields: VersionField[]; features: TableFeatures }>();

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
      const dataset = await getDatasetBySlug(knex, slug);
      if (!dataset) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'existe pas.`);
      let version: VersionRecord | undefined;
      if (options.version !== undefined) {
        version = await getVersionByNumber(knex, dataset.id, options.version);
        if (!version || !READABLE.has(version.status)) {
          if (options.pinned) throw goneError(slug, options.version);
          throw new CatalogueError('not-found', `La version ${options.version} de « ${slug} » n'existe pas.`);
        }
      } else {
        version = await getCurrentVersion(knex, dataset.id);
        if (!version) throw new CatalogueError('not-found', `Le jeu de données « ${slug} » n'a pas encore de version publiée.`);
      }
      const number = version.number!;
      const { fields, features } = await describe(slug, version, number);
      return { slug, dataset, version, number, fields, table: { name: version.tableName!, features } };
    },
    /** After a statement found the table missing. */
    forget(target: VersionTarget): void {
      cache.delete(target.version.id);
    },
  };
}

export type TargetResolver = ReturnType<typeof createTargetResolver>;
