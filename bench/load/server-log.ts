/**
 * Reads back the server's request log after a load run (JSON lines, server/logging/): how many
 * requests it logged, its 5xx answers and its error lines, with the first few error messages,
 * so that a failure the client side could not explain (a 500 inside a streamed export, say) shows.
 */
import fs from 'node:fs';
import readline from 'node:readline';

export interface ServerLogSummary {
  requests: number;
  serverErrors: number;
  errorLines: number;
  firstErrors: string[];
}

const ERROR_LEVEL = 50;

export async function readServerLog(file: string): Promise<ServerLogSummary> {
  const summary: ServerLogSummary = { requests: 0, serverErrors: 0, errorLines: 0, firstErrors: [] };
  if (!fs.existsSync(file)) return summary;
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const entry = JSON.parse(line) as { level: number; msg?: string; status?: number; route?: string | null; err?: { message?: string } };
    if (entry.status !== undefined) summary.requests++;
    if ((entry.status ?? 0) >= 500) summary.serverErrors++;
    if (entry.level >= ERROR_LEVEL) {
      summary.errorLines++;
      if (summary.firstErrors.length < 5) summary.firstErrors.push(`${entry.msg ?? ''}${entry.err?.message ? ` — ${entry.err.message}` : ''}`);
    }
  }
  return summary;
}
