/**
 * What `npm run bench:load` runs against: a fresh store (a SQLite file in a temporary folder, or a
 * new PostgreSQL database, dropped afterwards: bench/crash/temp-database.ts), a read dataset of
 * Eure-like records (the ingest benchmark's seeded generator, files streamed to `.bench/` and
 * reused) loaded with `opendata load`, and a steward with an API token made with
 * `opendata user add` / `opendata token create`, as an operator would.
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreKind } from '../../catalogue/storage';
import { createTempDatabase } from '../crash/temp-database';
import { BENCH_SCHEMA, ensureBenchFile, projectRoot } from '../ingest-data';
import { writeBenchDatasetFolder } from '../support/bench-dataset-folder';

export const READ_SLUG = 'equipements-lecture';
export const PUBLISH_SLUG = 'equipements-publication';
const ORGANIZATION = 'banc-charge';
const STEWARD = 'responsable@banc-charge.example';

export interface LoadWorld {
  kind: StoreKind;
  /** The server's environment (DATABASE_URL, DATA_DIR, RATE_LIMIT=0…). */
  env: Record<string, string>;
  workDir: string;
  /** The server's request log (JSON lines). */
  logFile: string;
  token: string;
  publishFile: string;
  cleanup(): Promise<void>;
}

export interface WorldOptions {
  kind: StoreKind;
  readRows: number;
  publishRows: number;
  postgresUrl: string;
  log: (line: string) => void;
}

function opendata(env: Record<string, string>, args: string[]): string {
  const cli = path.join(projectRoot(), 'bin', 'opendata.js');
  return execFileSync(process.execPath, [cli, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function writeReadDataset(root: string, dataFile: string): void {
  writeBenchDatasetFolder(root, READ_SLUG, dataFile, {
    title: 'Équipements de l’Eure (banc de charge)',
    description: 'Données générées pour le banc de charge : fictives.',
    organization: ORGANIZATION,
    organization_title: 'Banc de charge',
    themes: ['Banc d’essai'],
    keywords: ['équipements', 'eure'],
  });
}

export async function prepareLoadWorld(options: WorldOptions): Promise<LoadWorld> {
  const { kind, log } = options;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-load-'));
  const database = await createTempDatabase(kind, workDir, options.postgresUrl);
  const env = {
    DATABASE_URL: database.url,
    DATA_DIR: path.join(workDir, 'data'),
    RATE_LIMIT: '0',
    LOG_LEVEL: 'info',
    MAX_UPLOAD_MB: '2000',
    SESSION_SECRET: crypto.randomBytes(32).toString('hex'),
  };
  const cleanup = async () => {
    await database.drop();
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    const readFile = await ensureBenchFile(options.readRows, log);
    const publishFile = await ensureBenchFile(options.publishRows, log);
    writeReadDataset(path.join(workDir, 'datasets'), readFile);
    const started = Date.now();
    opendata(env, ['load', path.join(workDir, 'datasets')]);
    log(`${kind}: loaded ${options.readRows.toLocaleString('en')} rows with opendata load in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    opendata(env, ['user', 'add', STEWARD, '--org', ORGANIZATION, '--role', 'steward']);
    const token = opendata(env, ['token', 'create', STEWARD, '--name', 'banc-charge']).trim().split('\n').pop()!.trim();
    return { kind, env, workDir, logFile: path.join(workDir, 'server.log'), token, publishFile, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Creates the (empty) dataset the publish goes to, through the API, as a script would. */
export async function createPublishTarget(base: string, token: string): Promise<void> {
  const res = await fetch(`${base}/api/v1/datasets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      slug: PUBLISH_SLUG,
      title: 'Équipements de l’Eure (publication sous charge)',
      description: 'Jeu publié pendant le banc de charge : données fictives.',
      organization: ORGANIZATION,
      licence: 'etalab-2.0',
      schema: BENCH_SCHEMA,
    }),
  });
  if (res.status !== 201) throw new Error(`création du jeu ${PUBLISH_SLUG} : ${res.status} ${await res.text()}`);
}
