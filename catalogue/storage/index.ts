/** The storage layer's public surface, for catalogue/index.ts and the ingest pipeline. */
export { parseDatabaseUrl, openStore } from './connection';
export type { Store, StoreKind, DatabaseConfig, Db } from './store-types';
export { sqlColumnType, toColumnName, planVersionColumns, foldToAscii, ROW_ID_COLUMN, MAX_COLUMN_NAME_LENGTH } from './column-types';
export type { VersionColumn } from './column-types';
export { openVersionWriter, dropVersionTable, createIndexesAfterLoad, versionTableName } from './version-table';
export type { VersionWriter } from './version-table';
export { makeRowDecoder } from './row-decoder';
export type { RowDecoder } from './row-decoder';
export * from './organizations-repo';
export * from './datasets-repo';
export * from './versions-repo';
export * from './fields-repo';
export * from './profiles-repo';
export { publishVersion } from './publish-version';
export type { PublishDetails } from './publish-version';
export { cleanupLeftovers, INTERRUPTED_NOTE } from './cleanup';
export type { CleanupSummary } from './cleanup';
