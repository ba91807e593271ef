import type { Response } from 'express';
import type { SourceFile } from '../../../catalogue/stewards/stewards-service';
import { attachment } from '../../render/content-disposition';

/**
 * An original file as it was uploaded (its bytes untouched, whatever its encoding), as a download.
 * express's sendFile streams it and copes with a client that goes away (not an error worth a log).
 * No charset is announced: the file may be Windows-1252, and the report says which it is.
 */
export function sendSourceFile(res: Response, file: SourceFile): Promise<void> {
  res.setHeader('Content-Type', /\.(csv|tsv|txt)$/i.test(file.name) ? 'text/csv' : 'application/octet-stream');
  res.setHeader('Content-Disposition', attachment(file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new Promise((resolve, reject) => {
    res.sendFile(file.path, { dotfiles: 'allow', lastModified: false }, (error?: Error & { code?: string }) => {
      if (!error || error.code === 'ECONNABORTED' || res.headersSent) resolve();
      else reject(error);
    });
  });
}
