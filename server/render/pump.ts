import type { ServerResponse } from 'node:http';

/**
 * Writes a streamed body with back-pressure: when `write` says the socket (or the compressor in
 * front of it) is full, wait for 'drain' before pulling the next chunk, so memory stays flat
 * whatever the export's size. A client that goes away ends the loop, and leaving `for await`
 * calls the source's `return()`, which stops the read of records down the chain.
 */
export async function pump(chunks: AsyncIterable<string>, res: ServerResponse): Promise<'finished' | 'aborted'> {
  let closed = res.destroyed;
  let wake: (() => void) | null = null;
  const onClose = () => {
    closed = true;
    wake?.();
  };
  // One lasting 'drain' listener rather than a `once` per wait: the compression middleware moves
  // 'drain' listeners to its zlib stream, where a `once` wrapper would never be removed.
  const onDrain = () => wake?.();
  res.on('close', onClose);
  res.on('drain', onDrain);
  try {
    for await (const chunk of chunks) {
      if (closed) return 'aborted';
      if (!res.write(chunk)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = null;
        if (closed) return 'aborted';
      }
    }
    if (closed) return 'aborted';
    res.end();
    return 'finished';
  } finally {
    res.off('close', onClose);
    res.off('drain', onDrain);
  }
}

/** Joins small strings into chunks of about `size` characters: fewer writes, same flat memory. */
export async function* batched(parts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let buffer = '';
  for await (const part of parts) {
    buffer += part;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
