import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';

/**
 * The crash trials talk to the server only over its public API: a steward publishes a file as
 * the next version (`POST …/versions`, raw text/csv body streamed from disk), and anyone reads
 * the current version and its full CSV export.
 */
export interface PublishAnswer {
  /** HTTP status, or 0 when the connection broke (the server was killed mid-request). */
  status: number;
  body: string;
}

export function publishOverHttp(baseUrl: string, slug: string, token: string, file: string): Promise<PublishAnswer> {
  return new Promise((resolve) => {
    const req = http.request(`${baseUrl}/api/v1/datasets/${encodeURIComponent(slug)}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'content-length': fs.statSync(file).size, authorization: `Bearer ${token}` },
    }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (t: string) => (body += t));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ status: 0, body }));
    });
    const source = fs.createReadStream(file);
    req.on('error', (error) => {
      source.destroy();
      resolve({ status: 0, body: error.message });
    });
    // A killed server breaks the upload: the request's error settles the answer, the file is just closed.
    source.on('error', () => req.destroy());
    source.pipe(req);
  });
}

export interface ServedVersion {
  /** The current version's number as the API reports it (null: no version online). */
  version: number | null;
  recordCount: number;
  /** Data lines of the full CSV export (the files have no quoted line breaks). */
  exportRows: number;
  exportSha256: string;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** What the API serves for the dataset now: its current version, its count, and a checksum of its export. */
export async function readServedVersion(baseUrl: string, slug: string): Promise<ServedVersion> {
  const detail = await getJson(`${baseUrl}/api/v1/datasets/${encodeURIComponent(slug)}`);
  if (detail.status !== 200) throw new Error(`GET du jeu de données : ${detail.status} ${JSON.stringify(detail.body)}`);
  const res = await fetch(`${baseUrl}/api/v1/datasets/${encodeURIComponent(slug)}/exports/csv`);
  if (res.status !== 200 || !res.body) throw new Error(`export CSV : ${res.status}`);
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    for (const byte of chunk) if (byte === 0x0a) lines++;
  }
  return {
    version: typeof detail.body.version === 'number' ? detail.body.version : null,
    recordCount: Number(detail.body.record_count),
    exportRows: Math.max(0, lines - 1),
    exportSha256: hash.digest('hex'),
  };
}
