import fs from 'node:fs';
import path from 'node:path';
import type { Request } from 'express';
import { csrfError } from '../../middleware/csrf';
import { receiveUpload, type ReceivedUpload } from '../../middleware/upload';
import type { WorkspaceContext } from './context';

/**
 * A workspace form with a file (multipart): streamed to a temporary file, then its CSRF token
 * checked from the form's fields (a multipart body cannot be checked before it is read; the
 * SameSite session cookie already keeps other sites from sending one). The caller removes the file.
 */
export async function readMultipartForm(ctx: WorkspaceContext, req: Request, fileField: string, maxBytes: number): Promise<ReceivedUpload> {
  const received = await receiveUpload(req, { dir: path.join(ctx.config.dataDir, 'uploads'), maxBytes, fileField });
  req.body = received.fields;
  if (!ctx.auth().csrf.isValid(req)) {
    if (received.file) fs.rmSync(received.file.path, { force: true });
    throw csrfError();
  }
  return received;
}

/** A small uploaded text file (a schema), read whole; null without a file. */
export function readSmallFile(received: ReceivedUpload): string | null {
  if (!received.file) return null;
  try {
    return fs.readFileSync(received.file.path, 'utf8').replace(/^\uFEFF/, '');
  } finally {
    fs.rmSync(received.file.path, { force: true });
  }
}
