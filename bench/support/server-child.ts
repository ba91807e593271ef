import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A bench's server in its own process (so that the load generator does not share its event
 * loop), both halves: the parent forks the script and waits for the port it listens on; the
 * child, once listening on 127.0.0.1, tells the port over IPC and stops when the parent says so.
 */
export type ServerChildMessage = { type: 'ready'; port: number } | { type: 'failed'; message: string };

const START_LIMIT_MS = 120_000;

/** Parent side: forks `script` and resolves with its base URL once it listens. */
export async function startServerChild(script: string, args: string[], options: ForkOptions = {}): Promise<{ child: ChildProcess; base: string }> {
  const child = fork(script, args, { stdio: 'inherit', ...options });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('le serveur du banc ne répond pas')), START_LIMIT_MS);
    child.once('message', (message: ServerChildMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') resolve(message.port);
      else reject(new Error(message.message));
    });
    child.once('exit', (code) => reject(new Error(`le serveur du banc s’est arrêté (code ${code})`)));
  });
  return { child, base: `http://127.0.0.1:${port}` };
}

/** Parent side: asks the child to stop, and kills it if it has not exited within `graceMs`. */
export async function stopServerChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Child side: tells the parent the port `server` listens on (once listening), then on `stop`
 * cuts the connections, closes, runs `release` and exits.
 */
export function serveToParent(server: Server, release: () => Promise<unknown>): void {
  const ready = () => process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port } satisfies ServerChildMessage);
  if (server.listening) ready();
  else server.once('listening', ready);
  server.keepAliveTimeout = 60_000;
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'stop') return;
    server.closeAllConnections();
    server.close(() => {
      // Handlers of requests whose clients left may still be finishing their statements.
      void new Promise((resolve) => setTimeout(resolve, 300))
        .then(release)
        .finally(() => process.exit(0));
    });
  });
}

/** Child side: a start-up failure, told to the parent before exiting. */
export function failToParent(error: unknown): never {
  process.send?.({ type: 'failed', message: String((error as Error)?.stack ?? error) } satisfies ServerChildMessage);
  process.exit(1);
}
