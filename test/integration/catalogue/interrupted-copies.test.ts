import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCatalogue } from '../../../catalogue';
import { loadConfig } from '../../../catalogue/config';
import { createTestStore, storeKindUnderTest } from '../../support/test-store';

/**
 * A publish killed while copying its upload leaves `sources/<slug>/.incoming-*` behind: start-up
 * removes those, and only those (stored originals of versions stay).
 */
describe(`start-up clean-up of interrupted upload copies (${storeKindUnderTest()})`, () => {
  it('removes half-written copies and keeps the stored originals', async () => {
    const testStore = await createTestStore();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendata-incoming-'));
    const folder = path.join(dataDir, 'sources', 'communes-eure');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, '.incoming-0b6f'), 'code_insee;commune\n27229;Év');
    fs.writeFileSync(path.join(folder, '3-communes.csv'), 'code_insee;commune\n27229;Évreux\n');
    fs.writeFileSync(path.join(dataDir, 'sources', 'note.txt'), 'not a folder');
    const catalogue = await openCatalogue(loadConfig({ DATABASE_URL: testStore.url, DATA_DIR: dataDir }));
    try {
      expect(fs.readdirSync(folder)).toEqual(['3-communes.csv']);
      expect(fs.readFileSync(path.join(folder, '3-communes.csv'), 'utf8')).toBe('code_insee;commune\n27229;Évreux\n');
      expect(fs.existsSync(path.join(dataDir, 'sources', 'note.txt'))).toBe(true);
    } finally {
      await catalogue.close();
      await testStore.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
