import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { openCatalogue } from './index';
import { loadConfig } from './config';
import { CatalogueError, isCatalogueError } from './errors';
import { ingestFile } from './ingest/ingest-file';
import { formatReportText } from './ingest/report-text';
import { addAccountCommands } from './accounts/cli-commands';
import { createProgress } from './progress';
import { compileRowSchema } from './validation/compile-row-schema';
import { readRowSchemaFile } from './validation/load-schema';
import { importTableSchema } from './validation/table-schema-import';

/**
 * The `opendata` command line (contract section 2). Exit codes: 0 success / valid, 1 invalid data
 * (nothing published), 2 cannot run (unreadable file, bad schema, bad arguments). `serve` is added
 * by server/cli.ts, which owns HTTP.
 */
export const EXIT = { ok: 0, invalid: 1, cannotRun: 2 } as const;

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** All of standard input (`user add --password-stdin`); the process's stdin by default. */
  readStdin?: () => Promise<string>;
}

const defaultIO: CliIO = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), readStdin: readProcessStdin };

export function buildCli(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command('opendata')
    .description("Plateforme de données ouvertes de l'Eure : validation, publication et service des jeux de données")
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });

  program
    .command('validate <file>')
    .description('valide un fichier CSV contre un schéma et affiche le rapport')
    .requiredOption('--schema <schema-file>', 'schéma de ligne (JSON Schema) ou Table Schema')
    .option('--json', 'rapport au format JSON')
    .action(guard(io, setExitCode, async (file: string, opts: { schema: string; json?: boolean }) => {
      requireReadable(file);
      const { schema, warnings } = readRowSchemaFile(opts.schema);
      for (const w of warnings) io.err(`avertissement (schéma) : ${w}\n`);
      const progress = createProgress('Validation');
      const { report } = await ingestFile(file, compileRowSchema(schema), { onProgress: (p) => progress.update(p) }).finally(() => progress.stop());
      io.out(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReportText(report));
      return report.valid ? EXIT.ok : EXIT.invalid;
    }));

  program
    .command('publish <file>')
    .description("valide un fichier et, s'il est valide, le publie comme nouvelle version d'un jeu de données existant")
    .requiredOption('--dataset <slug>', 'identifiant (slug) du jeu de données')
    .option('--json', 'rapport au format JSON')
    .action(guard(io, setExitCode, async (file: string, opts: { dataset: string; json?: boolean }) => {
      requireReadable(file);
      const catalogue = await openCatalogue(loadConfig());
      try {
        const progress = createProgress('Publication');
        const result = await catalogue.publish(opts.dataset, file, { onProgress: (p) => progress.update(p) }).finally(() => progress.stop());
        io.out(opts.json ? JSON.stringify(result, null, 2) + '\n' : formatReportText(result.report));
        if (result.status === 'published') io.out(`Version ${result.version} publiée (${result.report.stats.rows} lignes).\n`);
        else io.out('Fichier invalide : rien n’a été publié, la version en ligne reste inchangée.\n');
        return result.status === 'published' ? EXIT.ok : EXIT.invalid;
      } finally {
        await catalogue.close();
      }
    }));

  program
    .command('load [dir]')
    .description('charge chaque dossier de jeu de données (par défaut datasets/)')
    .action(guard(io, setExitCode, async (dir: string | undefined) => {
      const catalogue = await openCatalogue(loadConfig());
      try {
        const results = await catalogue.loadDatasets(dir ?? 'datasets', { log: (line) => io.out(line + '\n') });
        return results.some((r) => r.status === 'invalid' || r.status === 'error') ? EXIT.invalid : EXIT.ok;
      } finally {
        await catalogue.close();
      }
    }));

  const schema = program.command('schema').description('outils de schéma');
  schema
    .command('import <table-schema>')
    .description('affiche le schéma de ligne (JSON Schema) équivalent à un Table Schema')
    .action(guard(io, setExitCode, async (file: string) => {
      requireReadable(file);
      const json = parseJsonFile(file);
      const { schema: rowSchema, warnings } = importTableSchema(json);
      compileRowSchema(rowSchema);
      for (const w of warnings) io.err(`avertissement : ${w}\n`);
      io.out(JSON.stringify(rowSchema, null, 2) + '\n');
      return EXIT.ok;
    }));

  addAccountCommands(program, {
    io,
    run: (action) => guard(io, setExitCode, action),
    open: () => openCatalogue(loadConfig()),
  });

  return program;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Runs the CLI on the user's arguments (argv without `node script`) and resolves with the exit
 * code. `extend` adds commands that live outside catalogue/ (server/cli.ts adds `serve`).
 */
export async function runCli(
  args: string[],
  options: { io?: CliIO; extend?: (program: Command, setExitCode: (code: number) => void) => void } = {},
): Promise<number> {
  let code: number = EXIT.ok;
  const setExitCode = (c: number) => (code = c);
  const program = buildCli(options.io ?? defaultIO, setExitCode);
  options.extend?.(program, setExitCode);
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.cannotRun;
    throw error;
  }
  return code;
}

type Action = (...args: any[]) => Promise<number>;

/** Maps a command's outcome to an exit code; a domain error is printed in French, never as a stack trace. */
function guard(io: CliIO, setExitCode: (code: number) => void, action: Action) {
  return async (...args: unknown[]) => {
    try {
      setExitCode(await action(...args));
    } catch (error) {
      if (isCatalogueError(error)) {
        io.err(`erreur : ${error.message}\n`);
        for (const d of error.details) io.err(`  - ${d.path ? d.path + ' : ' : ''}${d.message}\n`);
      } else {
        io.err(`erreur inattendue : ${(error as Error)?.message ?? String(error)}\n`);
      }
      setExitCode(EXIT.cannotRun);
    }
  };
}

function requireReadable(file: string): void {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new CatalogueError('unreadable-file', `Le fichier ${file} est introuvable ou illisible.`);
  }
}

function parseJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CatalogueError('bad-schema', `${file} n'est pas un JSON valide : ${(error as Error).message}`);
  }
}
