import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { HttpProblem } from './http-problem';
import { CONTROL_OR_BIDI } from '../render/unsafe-name-chars';

/**
 * Receives an uploaded file as a stream, straight to a temporary file under DATA_DIR/uploads
 * (never held in memory): the raw body (`text/csv`…) or the `file` field of a multipart form
 * (busboy). Past `maxBytes` the upload stops with a 413 `payload-too-large`; a Content-Length that
 * announces more is refused before reading anything. The caller removes the file when done.
 */
export interface ReceivedUpload {
  /** Null when a multipart form had no file (or an empty file input). */
  file: { path: string; name: string; bytes: number } | null;
  /** The form's other fields (multipart), in order; the last value wins. */
  fields: Record<string, string>;
}

export interface UploadLimits {
  dir: string;
  maxBytes: number;
  fileField?: string;
}

const RAW_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/octet-stream', 'application/vnd.ms-excel', 'text/tab-separated-values'];
const MAX_FIELDS = 50;
const MAX_FIELD_BYTES = 2 * 1024 * 1024;

export function tooLarge(maxBytes: number): HttpProblem {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new HttpProblem(413, 'payload-too-large', `Le fichier dépasse la taille maximale acceptée (${mb} Mo). Découpez-le ou contactez l’administrateur de la plateforme.`);
}

export function isMultipart(req: Request): boolean {
  return /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

function tempPath(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `upload-${randomUUID()}`);
}

/**
 * After a refusal (too large), the rest of the body is read and dropped so that the client, still
 * sending, gets to read the answer (a browser shows the 413 page rather than a reset connection);
 * past `cap` more bytes the connection is cut. Callers give twice the limit: a file somewhat too
 * big gets its page, a huge one a cut connection.
 */
export function discardRest(req: Request, cap: number): void {
  let extra = 0;
  req.on('data', (chunk: Buffer) => {
    extra += chunk.length;
    if (extra > cap) req.destroy();
  });
  req.resume();
}

/**
 * An uploaded file's name as the catalogue keeps it (report, version history, download): its last
 * path segment only, without control characters (a NUL cannot be stored in PostgreSQL text) or
 * bidirectional overrides, at most 200 characters with its extension kept.
 */
export function uploadedFileName(raw: string): string {
  const name = raw.split(/[/\\]/).pop()!.replace(CONTROL_OR_BIDI, '_').trim();
  if (!name || name === '.' || name === '..') return 'fichier.csv';
  if (name.length <= 200) return name;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return name.slice(0, 200 - extension.length) + extension;
}

/** The file name a raw upload declares (`Content-Disposition: attachment; filename="…"`), if any. */
function declaredName(req: Request): string {
  const header = req.headers['content-disposition'] ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return uploadedFileName(decodeURIComponent(star[1]));
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? uploadedFileName(plain[1]) : 'fichier.csv';
}

function receiveRaw(req: Request, limits: UploadLimits): Promise<ReceivedUpload> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!RAW_TYPES.includes(type)) {
    discardRest(req, 2 * limits.maxBytes);
    return Promise.reject(new HttpProblem(415, 'unsupported-media-type', `Type de contenu « ${type || 'absent'} » non pris en charge : envoyez le fichier en text/csv, ou dans le champ « ${limits.fileField ?? 'file'} » d’un formulaire multipart/form-data.`));
  }
  const target = tempPath(limits.dir);
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(target);
    let bytes = 0;
    let failed = false;
    const fail = (error: HttpProblem) => {
      if (failed) return;
      failed = true;
      out.destroy();
      fs.rm(target, { force: true }, () => undefined);
      discardRest(req, 2 * limits.maxBytes);
      reject(error);
    };
    // By hand rather than pipeline(): a pipeline would destroy the request, and the client would
    // see a reset connection instead of the 413.
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      bytes += chunk.length;
      if (bytes > limits.maxBytes) return fail(tooLarge(limits.maxBytes));
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    });
    req.on('end', () => {
      if (!failed) out.end();
    });
    req.on('aborted', () => fail(new HttpProblem(400, 'bad-request', 'L’envoi du fichier a été interrompu.')));
    out.on('error', () => fail(new HttpProblem(500, 'internal-error', 'Le fichier reçu n’a pas pu être enregistré.')));
    out.on('finish', () => {
      if (!failed) resolve({ file: { path: target, name: declaredName(req), bytes }, fields: {} });
    });
  });
}

function receiveMultipart(req: Request, limits: UploadLimits): Promise<ReceivedUpload> {
  const fileField = limits.fileField ?? 'file';
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: ReceivedUpload['file'] = null;
    let writing: Promise<void> | null = null;
    let failed: unknown = null;
    let parser: busboy.Busboy;
    try {
      // Browsers send a file's name as raw UTF-8: busboy's default (latin1) would garble « Évreux.csv ».
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, fileSize: limits.maxBytes } });
    } catch {
      reject(new HttpProblem(400, 'bad-request', 'Formulaire multipart mal formé.'));
      return;
    }
    const fail = (error: unknown) => {
      if (failed) return;
      failed = error;
      req.unpipe(parser);
      if (file) fs.rm(file.path, { force: true }, () => undefined);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new HttpProblem(413, 'payload-too-large', `Le champ « ${name} » est trop long.`));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== fileField || file || failed || !info.filename) {
        stream.resume();
        return;
      }
      const target = tempPath(limits.dir);
      file = { path: target, name: uploadedFileName(info.filename), bytes: 0 };
      const current = file;
      stream.on('data', (chunk: Buffer) => (current.bytes += chunk.length));
      stream.on('limit', () => fail(tooLarge(limits.maxBytes)));
      writing = pipeline(stream, fs.createWriteStream(target)).catch((error) => fail(error instanceof HttpProblem ? error : new HttpProblem(400, 'bad-request', 'L’envoi du fichier a été interrompu.')));
    });
    parser.on('error', () => fail(new HttpProblem(400, 'bad-request', 'Formulaire multipart mal formé ou interrompu.')));
    parser.on('close', () => {
      void (writing ?? Promise.resolve()).then(() => {
        if (!failed) resolve({ file, fields });
      });
    });
    req.on('aborted', () => fail(new HttpProblem(400, 'bad-request', 'L’envoi a été interrompu.')));
    req.pipe(parser);
  });
}

export async function receiveUpload(req: Request, limits: UploadLimits): Promise<ReceivedUpload> {
  const announced = Number(req.headers['content-length']);
  // Multipart adds a few hundred bytes of framing around the file.
  if (Number.isFinite(announced) && announced > limits.maxBytes + (isMultipart(req) ? 64 * 1024 : 0)) {
    discardRest(req, 2 * limits.maxBytes);
    throw tooLarge(limits.maxBytes);
  }
  return isMultipart(req) ? receiveMultipart(req, limits) : receiveRaw(req, limits);
}

/** Temporary uploads left by a crash: removed when older than a day. */
export function sweepOldUploads(dir: string, now = Date.now()): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('upload-')) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > 24 * 60 * 60_000) fs.rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  }
}
