import { runCli } from '../../catalogue/cli';

/** Runs the `opendata` CLI in-process and captures its output and exit code. */
export async function runCliCaptured(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { io: { out: (t) => void (out += t), err: (t) => void (err += t) } });
  return { code, out, err };
}
