import compression from 'compression';
import type { RequestHandler } from 'express';

/**
 * gzip/brotli for text answers. Streamed exports go through it too: the compressor forwards
 * back-pressure ('drain' waits on it, and it pauses when the socket is full), which the export
 * tests check with a client that stops reading.
 */
export function compress(): RequestHandler {
  return compression();
}
