import cliProgress from 'cli-progress';

/**
 * A progress bar for long work (load, publish, validate of a big file) on a terminal: bytes and
 * rows, rate and time left. Quiet when standard error is not a terminal (CI, pipes, scripts).
 */
export interface ProgressReporter {
  update(p: { bytes: number; totalBytes: number; rows: number }): void;
  stop(): void;
}

export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (!stream.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {mb}/{totalMb} Mo | {rows} lignes | {rate} lignes/s | reste {eta_formatted}`,
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    update({ bytes, totalBytes, rows }) {
      const payload = {
        mb: (bytes / 1e6).toFixed(1), totalMb: (totalBytes / 1e6).toFixed(1), rows,
        rate: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)),
      };
      if (!running) {
        bar.start(totalBytes, bytes, payload);
        running = true;
      } else bar.update(bytes, payload);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
