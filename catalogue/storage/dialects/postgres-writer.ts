import pg from 'pg';
import { CatalogueError } from '../../errors';
import { ROW_ID_COLUMN, columnDefinitions, type VersionColumn } from '../column-types';
import { quoteIdentifier } from '../sql-identifiers';
import type { VersionWriter } from './dialect';
import { postgresClientConfig } from './postgres-types';
import { postgresEncoders, type CellEncoder } from './postgres-values';

/** 500 rows per INSERT measured fastest; a statement may bind at most 65,535 parameters. */
const ROWS_PER_STATEMENT = 500;
const MAX_PARAMETERS = 65535;
/** Statements sent ahead on the pipelined connection: Node builds the next one while PostgreSQL runs this one. */
const IN_FLIGHT = 4;

function insertSql(table: string, columns: readonly VersionColumn[], rows: number): string {
  const width = columns.length + 1;
  const names = [ROW_ID_COLUMN, ...columns.map((c) => c.columnName)].map(quoteIdentifier).join(', ');
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) {
    const params: string[] = [];
    for (let c = 1; c <= width; c++) params.push(`$${r * width + c}`);
    tuples.push(`(${params.join(',')})`);
  }
  return `INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES ${tuples.join(',')}`;
}

class PostgresVersionWriter implements VersionWriter {
  rowCount = 0;
  private state: 'open' | 'committed' | 'rolled-back' = 'open';
  private failure: unknown = null;
  private readonly width: number;
  private readonly rowsPerStatement: number;
  private readonly statement: { name: string; text: string };
  private readonly encoded: number[];
  private readonly encoders: CellEncoder[];
  private buffer: unknown[];
  private buffered = 0;
  private readonly inFlight: Array<Promise<void>> = [];

  constructor(private readonly client: pg.Client, private readonly table: string, private readonly columns: readonly VersionColumn[]) {
    this.width = columns.length + 1;
    this.rowsPerStatement = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / this.width)));
    // Named, so the server parses this long statement once per load rather than per batch.
    this.statement = { name: `load_${table}`, text: insertSql(table, columns, this.rowsPerStatement) };
    const encoders = postgresEncoders(columns);
    // Offset by one: the row id comes first in each tuple.
    this.encoded = encoders.map((e) => e.index + 1);
    this.encoders = encoders.map((e) => e.encode);
    this.buffer = new Array(this.rowsPerStatement * this.width);
    client.on('error', (error) => this.fail(error));
  }

  async write(rows: unknown[][]): Promise<void> {
    this.assertOpen();
    try {
      const { width, encoded, encoders } = this;
      for (const row of rows) {
        const p = this.buffered * width;
        const buffer = this.buffer;
        buffer[p] = ++this.rowCount;
        for (let c = 1; c < width; c++) buffer[p + c] = row[c - 1];
        for (let k = 0; k < encoded.length; k++) buffer[p + encoded[k]] = encoders[k](row[encoded[k] - 1]);
        if (++this.buffered === this.rowsPerStatement) await this.sendFull();
      }
      this.throwIfFailed();
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  async commit(): Promise<void> {
    this.assertOpen();
    try {
      if (this.buffered > 0) {
        const text = insertSql(this.table, this.columns, this.buffered);
        this.send({ text, values: this.buffer.slice(0, this.buffered * this.width) });
      }
      await Promise.all(this.inFlight.splice(0));
      this.throwIfFailed();
      // The primary key is built once the rows are in: measured ~20 % faster than maintaining it row by row.
      await this.client.query(`ALTER TABLE ${quoteIdentifier(this.table)} ADD PRIMARY KEY (${quoteIdentifier(ROW_ID_COLUMN)})`);
      await this.client.query('COMMIT');
      this.state = 'committed';
      await this.client.end();
    } catch (error) {
      await this.rollback();
      throw error;
    }
  }

  async rollback(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'rolled-back';
    // The table was created inside the transaction, so ROLLBACK removes it too.
    await Promise.allSettled(this.inFlight.splice(0));
    await this.client.query('ROLLBACK').catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }

  private async sendFull(): Promise<void> {
    this.send({ ...this.statement, values: this.buffer });
    this.buffer = new Array(this.rowsPerStatement * this.width);
    this.buffered = 0;
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    this.throwIfFailed();
  }

  /** Errors are recorded rather than thrown, so a statement nobody awaits yet never becomes an unhandled rejection. */
  private send(query: pg.QueryConfig): void {
    this.inFlight.push(this.client.query(query).then(() => undefined, (error: unknown) => this.fail(error)));
  }

  private fail(error: unknown): void {
    this.failure ??= error;
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure;
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new CatalogueError('conflict', `L'écriture dans ${this.table} est déjà terminée.`);
  }
}

/**
 * A dedicated, pipelined client: the whole load is one transaction that also creates the table, so
 * a failure or a crash leaves nothing, and the knex pool is not held for the duration of a load.
 */
export async function openPostgresVersionWriter(connectionString: string, table: string, columns: readonly VersionColumn[]): Promise<VersionWriter> {
  if (columns.length === 0) throw new CatalogueError('bad-schema', 'Le schéma ne déclare aucune colonne.');
  const client = new pg.Client({ ...postgresClientConfig(connectionString), pipeline: true } as pg.ClientConfig);
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `CREATE TABLE ${quoteIdentifier(table)} (${quoteIdentifier(ROW_ID_COLUMN)} bigint NOT NULL, ${columnDefinitions(columns, 'postgres')})`,
    );
    return new PostgresVersionWriter(client, table, columns);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}
