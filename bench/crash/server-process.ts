import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The real server (`opendata serve`) in its own process, so that it can be killed like a crashed
 * one. From the build (`dist/bench/crash/…`) it runs `dist/server/cli.js`; from the TypeScript
 * sources (jest) it runs `server/cli.ts` through a small bootstrap that compiles with @swc/core,
 * the compiler jest already uses (the ingest worker does the same, catalogue/ingest/parallel-ingest.ts).
 */
export interface ServerEnv {
  databaseUrl: string;
  dataDir: string;
  /** LOG_LEVEL of the server (default `warn`: the trials only read the ready line and errors). */
  logLevel?: string;
}

export interface RunningServer {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything the process wrote, stdout and stderr interleaved (for failure messages). */
  output(): string;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, resolved with the exit code (null when a signal ended it), rejected past `limitMs`. */
  stop(limitMs?: number): Promise<number | null>;
}

const READY = /Plateforme servie sur http:\/\/localhost:(\d+)/;
const START_LIMIT_MS = 60_000;

const TS_BOOTSTRAP = `
const fs = require('node:fs');
const swc = require(process.env.CRASH_SWC_PATH);
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require(process.env.CRASH_CLI_PATH);
`;

function serverCommand(): { args: string[]; env: Record<string, string> } {
  const js = path.join(__dirname, '..', '..', 'server', 'cli.js');
  if (path.extname(__filename) === '.js' && fs.existsSync(js)) return { args: [js, 'serve'], env: {} };
  const ts = path.join(__dirname, '..', '..', 'server', 'cli.ts');
  // `node -e code a serve`: argv is [node, a, serve], and the CLI reads argv from index 2.
  return { args: ['-e', TS_BOOTSTRAP, 'cli', 'serve'], env: { CRASH_SWC_PATH: require.resolve('@swc/core'), CRASH_CLI_PATH: ts } };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Starts the server on a free loopback port and resolves once it listens. */
export async function startServerProcess(env: ServerEnv): Promise<RunningServer> {
  const command = serverCommand();
  // A real server, not code under test: jest's NODE_ENV=test (which silences the log) is not passed on.
  const { NODE_ENV: _underTest, ...inherited } = process.env;
  const child = spawn(process.execPath, command.args, {
    env: {
      ...inherited, ...command.env, DATABASE_URL: env.databaseUrl, DATA_DIR: env.dataDir, PORT: '0', RATE_LIMIT: '0', LOG_LEVEL: env.logLevel ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (t: string) => (output += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (output += t));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`le serveur n’a pas démarré en ${START_LIMIT_MS / 1000} s :\n${output}`));
    }, START_LIMIT_MS);
    const onData = () => {
      const match = READY.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`le serveur s’est arrêté au démarrage (code ${code}) :\n${output}`));
    });
  });
  return {
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    async kill() {
      const gone = exited(child);
      child.kill('SIGKILL');
      await gone;
    },
    async stop(limitMs = 30_000) {
      const gone = exited(child);
      child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`le serveur ne s’est pas arrêté en ${limitMs / 1000} s :\n${output}`));
        }, limitMs);
      });
      try {
        return await Promise.race([gone, limit]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
