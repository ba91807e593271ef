import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { Catalogue } from '../index';
import { CatalogueError } from '../errors';
import { COMMAND_LINE_ACTOR, ROLES, type Role } from './types';

/**
 * `opendata user add` and `opendata token create|revoke` (contract section 2). The command line
 * is run by whoever runs the server, so it acts as an administrator (audited as « ligne de
 * commande »). A token is printed alone on the last line of standard output, once.
 */
export interface AccountCommandsContext {
  io: { out: (text: string) => void; err: (text: string) => void; readStdin?: () => Promise<string> };
  /** Wraps an action: exit code from its result, French message and exit 2 on a domain error. */
  run: (action: (...args: any[]) => Promise<number>) => (...args: unknown[]) => Promise<void>;
  open: () => Promise<Catalogue>;
}

const OK = 0;

async function withCatalogue<T>(open: () => Promise<Catalogue>, work: (c: Catalogue) => Promise<T>): Promise<T> {
  const catalogue = await open();
  try {
    return await work(catalogue);
  } finally {
    await catalogue.close();
  }
}

/** The password read from standard input: its first line, without the line break. */
async function passwordFromStdin(readStdin: (() => Promise<string>) | undefined): Promise<string> {
  if (!readStdin) throw new CatalogueError('bad-request', 'Lecture de l’entrée standard impossible ici.');
  const [line] = (await readStdin()).split(/\r?\n/);
  if (!line) throw new CatalogueError('bad-request', 'Aucun mot de passe sur l’entrée standard.');
  return line;
}

export function addAccountCommands(program: Command, ctx: AccountCommandsContext): void {
  const { io } = ctx;
  const user = program.command('user').description('comptes des responsables de données et des administrateurs');
  user
    .command('add <email>')
    .description("crée un compte (et l'organisation si elle n'existe pas), ou ajoute l'organisation à un compte existant")
    .requiredOption('--org <slug>', "identifiant de l'organisation")
    .requiredOption('--role <role>', 'admin ou steward')
    .option('--password-stdin', "lit le mot de passe sur l'entrée standard (sinon un mot de passe provisoire est généré et affiché)")
    .action(ctx.run(async (email: string, opts: { org: string; role: string; passwordStdin?: boolean }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) {
        throw new CatalogueError('bad-request', `Rôle « ${opts.role} » inconnu : admin ou steward.`);
      }
      const generated = opts.passwordStdin ? null : randomBytes(15).toString('base64url');
      const password = generated ?? (await passwordFromStdin(io.readStdin));
      return withCatalogue(ctx.open, async (catalogue) => {
        const existing = await catalogue.accounts.findByEmail(email);
        const { account, created } = await catalogue.accounts.add(COMMAND_LINE_ACTOR, {
          email, role: opts.role as Role, organizations: [opts.org],
          // An existing account keeps its password unless a new one is given on standard input.
          password: existing && !opts.passwordStdin ? null : password,
        });
        const orgs = account.organizations.map((o) => o.slug).join(', ');
        io.out(created ? `Compte créé : ${account.email} (${account.role}), organisation(s) : ${orgs}.\n` : `Compte ${account.email} mis à jour : organisation(s) ${orgs}.\n`);
        if (created && generated) io.out(`Mot de passe provisoire (affiché une seule fois, à changer dans « Mon compte ») :\n${generated}\n`);
        return OK;
      });
    }));

  const token = program.command('token').description("jetons d'API pour les scripts");
  token
    .command('create <email>')
    .description("crée un jeton d'API pour le compte ; il est affiché une seule fois, seul sur la dernière ligne")
    .option('--name <name>', 'nom du jeton (unique ; sert à le révoquer)')
    .action(ctx.run(async (email: string, opts: { name?: string }) =>
      withCatalogue(ctx.open, async (catalogue) => {
        const account = await catalogue.accounts.findByEmail(email);
        if (!account) throw new CatalogueError('not-found', `Aucun compte pour ${email}.`);
        const created = await catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, account.id, opts.name);
        io.out(`Jeton « ${created.record.name} » créé pour ${account.email}. Conservez-le : il ne sera plus affiché.\n${created.token}\n`);
        return OK;
      })));
  token
    .command('revoke <name>')
    .description("révoque un jeton d'API, avec effet immédiat")
    .action(ctx.run(async (name: string) =>
      withCatalogue(ctx.open, async (catalogue) => {
        const revoked = await catalogue.accounts.tokens.revoke(COMMAND_LINE_ACTOR, name);
        io.out(`Jeton « ${revoked.name} » révoqué.\n`);
        return OK;
      })));
}
