import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../accounts/types';
import { isCatalogueError } from '../errors';
import type { UploadedFile, UploadOutcome, Uploads } from './uploads';

/**
 * Uploads from the browser run in the background, so that the page can show the load's progress
 * (rows, bytes) while it runs, and the report once it is done. Jobs live in this process's memory
 * for an hour after they end: their outcome is also stored (versions and their reports) except for
 * dry runs, whose report is only here. The uploaded temporary file is removed when the job ends.
 */
export type JobState = 'running' | 'done' | 'failed';

export interface UploadJob {
  id: string;
  slug: string;
  accountId: number | null;
  dryRun: boolean;
  fileName: string;
  state: JobState;
  startedAt: string;
  endedAt: string | null;
  progress: { bytes: number; totalBytes: number; rows: number };
  outcome: UploadOutcome | null;
  /** French, when the job failed (a conflict, an unreadable file…). */
  error: string | null;
}

const KEEP_MS = 60 * 60_000;
const MAX_JOBS = 500;

export function createUploadJobs(uploads: Uploads, log: (error: unknown) => void = (e) => console.error('[upload]', e)) {
  const jobs = new Map<string, UploadJob>();

  function prune(now: number): void {
    for (const [id, job] of jobs) {
      if (job.endedAt && now - Date.parse(job.endedAt) > KEEP_MS) jobs.delete(id);
    }
    while (jobs.size > MAX_JOBS) jobs.delete(jobs.keys().next().value!);
  }

  return {
    /** Starts the job and returns at once; `file` is removed when the job ends. */
    start(actor: Actor, slug: string, file: UploadedFile, dryRun: boolean): UploadJob {
      prune(Date.now());
      const job: UploadJob = {
        id: randomUUID(), slug, accountId: actor.accountId, dryRun, fileName: file.name, state: 'running',
        startedAt: new Date().toISOString(), endedAt: null, progress: { bytes: 0, totalBytes: 0, rows: 0 }, outcome: null, error: null,
      };
      jobs.set(job.id, job);
      const finish = (state: JobState) => {
        job.state = state;
        job.endedAt = new Date().toISOString();
        fs.rm(file.path, { force: true }, () => undefined);
      };
      uploads
        .upload(actor, slug, file, { dryRun, onProgress: (p) => (job.progress = { ...p }) })
        .then((outcome) => {
          job.outcome = outcome;
          finish('done');
        })
        .catch((error: unknown) => {
          if (!isCatalogueError(error)) log(error);
          job.error = isCatalogueError(error) ? error.message : 'Le chargement a échoué de façon inattendue ; l’erreur a été enregistrée.';
          finish('failed');
        });
      return job;
    },

    get(id: string): UploadJob | undefined {
      return jobs.get(id);
    },

    /** Resolves when the job has ended (tests, and callers that prefer to wait). */
    async settled(id: string, pollMs = 20): Promise<UploadJob | undefined> {
      for (;;) {
        const job = jobs.get(id);
        if (!job || job.state !== 'running') return job;
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
  };
}

export type UploadJobs = ReturnType<typeof createUploadJobs>;
