import { EXIT, runCli } from '../catalogue/cli';
import { startServer } from './main';

/**
 * Entry point of the `opendata` command: the catalogue's commands plus `serve`, which belongs
 * here because it needs HTTP (catalogue/ never imports server/).
 */
runCli(process.argv.slice(2), {
  extend: (program, setExitCode) => {
    program
      .command('serve')
      .description('sert la plateforme (pages, API)')
      .option('--port <n>', "port d'écoute (défaut : PORT ou 3000)")
      .option('--load [dir]', "charge d'abord les jeux de données du dossier (défaut : datasets/)")
      .action(async (opts: { port?: string; load?: string | boolean }) => {
        const port = opts.port === undefined ? undefined : Number(opts.port);
        if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
          process.stderr.write(`erreur : port invalide « ${opts.port} »\n`);
          setExitCode(EXIT.cannotRun);
          return;
        }
        const loadDir = opts.load === true ? 'datasets' : opts.load || undefined;
        try {
          await startServer({ port, loadDir });
        } catch (error) {
          process.stderr.write(`erreur : ${(error as Error)?.message ?? String(error)}\n`);
          setExitCode(EXIT.cannotRun);
        }
      });
  },
}).then(
  (code) => {
    if (code !== EXIT.ok) process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`erreur inattendue : ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = EXIT.cannotRun;
  },
);
