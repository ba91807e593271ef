import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { openCatalogue } from '../../catalogue';
import { COMMAND_LINE_ACTOR } from '../../catalogue/accounts/types';
import { loadConfig } from '../../catalogue/config';

/**
 * The data of the crash trials: one dataset (`essais-arret`) with a small first version, a large
 * file to publish as its next version, and a steward's API token to publish it with. The rows
 * have a primary key and text columns, so a publish goes through every stage (rows, key indexes,
 * full-text index) before it switches versions.
 */
export const CRASH_SLUG = 'essais-arret';
const ORGANIZATION = 'essais-robustesse';
const STEWARD = 'responsable@essais-robustesse.example';

const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    commune: { type: 'string', minLength: 1 },
    code_insee: { type: 'string', pattern: '^27[0-9]{3}$' },
    montant: { type: 'number' },
    date: { type: 'string', format: 'date' },
    actif: { type: 'boolean' },
  },
  required: ['id', 'commune', 'code_insee'],
  'x-primaryKey': ['id'],
};

const HEADER = 'id,commune,code_insee,montant,date,actif\n';

/** One deterministic row; `salt` makes two files of the same length differ in every row. */
function row(i: number, salt: number): string {
  const month = String(1 + ((i + salt) % 12)).padStart(2, '0');
  const day = String(1 + ((i * 7 + salt) % 28)).padStart(2, '0');
  const amount = (((i * 7919 + salt * 104_729) % 1_000_000) / 100).toFixed(2);
  return `${i},Commune ${(i * 31 + salt) % 675} de l’Eure,27${String((i + salt) % 1000).padStart(3, '0')},${amount},2024-${month}-${day},${(i + salt) % 3 === 0 ? 'oui' : 'non'}\n`;
}

/** Streams `rows` rows to `file` (memory stays flat whatever the size). */
export async function writeCrashCsv(file: string, rows: number, salt: number): Promise<void> {
  const out = fs.createWriteStream(file);
  let chunk = HEADER;
  for (let i = 1; i <= rows; i++) {
    chunk += row(i, salt);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

export interface PreparedStore {
  /** Bearer token of a steward of the dataset's organisation. */
  token: string;
  firstVersionRows: number;
}

/**
 * Loads the dataset with its first version (`firstRows` rows) into the store at `databaseUrl`
 * (already created and empty) and creates the steward and the token, in this process.
 */
export async function prepareCrashStore(databaseUrl: string, dataDir: string, workDir: string, firstRows: number): Promise<PreparedStore> {
  const folder = path.join(workDir, 'datasets', CRASH_SLUG);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'schema.json'), JSON.stringify(SCHEMA, null, 2));
  fs.writeFileSync(path.join(folder, 'dataset.json'), JSON.stringify({
    title: 'Essais d’arrêt brutal', description: 'Jeu de données des essais de robustesse (données fictives).',
    organization: ORGANIZATION, organization_title: 'Essais de robustesse', licence: 'etalab-2.0', schema: 'schema.json', data: 'data.csv',
  }, null, 2));
  await writeCrashCsv(path.join(folder, 'data.csv'), firstRows, 0);
  const catalogue = await openCatalogue(loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }));
  try {
    const [loaded] = await catalogue.loadDatasets(path.dirname(folder));
    if (loaded?.status !== 'published') throw new Error(`première version non publiée : ${loaded?.message ?? 'rien chargé'}`);
    const { account } = await catalogue.accounts.add(COMMAND_LINE_ACTOR, { email: STEWARD, role: 'steward', organizations: [ORGANIZATION] });
    const { token } = await catalogue.accounts.tokens.create(COMMAND_LINE_ACTOR, account.id, 'essais-arret');
    return { token, firstVersionRows: firstRows };
  } finally {
    await catalogue.close();
  }
}
