import { storeKindUnderTest } from '../../support/test-store';
import { createStewardsWorld, type StewardsWorld } from './stewards-world';

/**
 * The row-level diff between versions (catalogue.diff): by a composite primary key, by row number
 * without one, NULLs compared as values, columns that appear or disappear, sample sizes.
 */
let w: StewardsWorld;
beforeAll(async () => {
  w = await createStewardsWorld({ datasets: false });
});
afterAll(async () => w.cleanup());

let n = 0;
async function dataset(schema: Record<string, unknown>, files: string[]): Promise<string> {
  const slug = `diff-${++n}`;
  const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
  await w.catalogue.stewards.create(actor, { metadata: { slug, title: `Jeu ${n}`, description: 'x', organization: 'departement-eure', licence: 'etalab-2.0' }, schema });
  for (const [i, content] of files.entries()) {
    const outcome = await w.catalogue.stewards.uploads.upload(actor, slug, { path: w.writeFile(`${slug}-${i}.csv`, content), name: `v${i + 1}.csv` });
    expect(outcome.status).toBe('published');
  }
  return slug;
}

describe(`catalogue.diff.compare (${storeKindUnderTest()})`, () => {
  it('matches rows by a composite key and compares NULLs as values', async () => {
    const slug = await dataset({
      type: 'object',
      properties: { commune: { type: 'string' }, annee: { type: 'integer' }, montant: { type: 'number' }, note: { type: 'string' } },
      required: ['commune', 'annee'],
      'x-primaryKey': ['commune', 'annee'],
    }, [
      'commune,annee,montant,note\nEvreux,2023,10,\nEvreux,2024,20,a\nVernon,2024,5,b\nBernay,2024,,c\n',
      'commune,annee,montant,note\nEvreux,2023,10,\nEvreux,2024,20,\nVernon,2024,5,b\nBernay,2024,7,c\nBernay,2025,1,\n',
    ]);
    const diff = await w.catalogue.diff.compare(slug, { from: 1, to: 2 });
    expect(diff).toMatchObject({ from: 1, to: 2, key: ['commune', 'annee'], added: 1, removed: 0, changed: 2 });
    expect(diff.samples.added).toEqual([{ commune: 'Bernay', annee: 2025, montant: 1, note: null }]);
    expect(diff.samples.changed.map((c) => [c.key, c.fields])).toEqual([['Evreux,2024', ['note']], ['Bernay,2024', ['montant']]]);
    expect(diff.samples.changed[1]).toMatchObject({ before: { montant: null }, after: { montant: 7 } });
  });

  it('matches rows by their number when the schema has no primary key', async () => {
    const slug = await dataset({ type: 'object', properties: { nom: { type: 'string' }, places: { type: 'integer' } } }, [
      'nom,places\nA,1\nB,2\nC,3\n',
      'nom,places\nA,1\nB,20\n',
    ]);
    const diff = await w.catalogue.diff.compare(slug);
    expect(diff).toMatchObject({ from: 1, to: 2, key: null, added: 0, removed: 1, changed: 1 });
    expect(diff.samples.changed).toEqual([{ key: '2', fields: ['places'], before: { nom: 'B', places: 2 }, after: { nom: 'B', places: 20 } }]);
    expect(diff.samples.removed).toEqual([{ nom: 'C', places: 3 }]);
  });

  it('names columns that appeared or disappeared and compares only the shared ones; limits the samples', async () => {
    const slug = await dataset({ type: 'object', properties: { id: { type: 'string' }, a: { type: 'string' } }, 'x-primaryKey': ['id'] }, [
      'id,a\n' + Array.from({ length: 30 }, (_, i) => `k${i},x`).join('\n') + '\n',
    ]);
    const actor = w.catalogue.accounts.actorFor(w.admin.account, 'token', null);
    await w.catalogue.stewards.update(actor, slug, { metadata: {}, schema: { type: 'object', properties: { id: { type: 'string' }, b: { type: 'integer' } }, 'x-primaryKey': ['id'] } });
    await w.catalogue.stewards.uploads.upload(actor, slug, { path: w.writeFile(`${slug}-b.csv`, 'id,b\n' + Array.from({ length: 40 }, (_, i) => `k${i + 10},${i}`).join('\n') + '\n'), name: 'v2.csv' });
    const diff = await w.catalogue.diff.compare(slug, { from: 1, to: 2, sampleSize: 3 });
    expect(diff).toMatchObject({ added: 20, removed: 10, changed: 0, columns: { added: ['b'], removed: ['a'], compared: [] } });
    expect(diff.samples.added).toHaveLength(3);
    expect(diff.samples.added[0]).toEqual({ id: 'k30', b: 20 });
    expect(diff.samples.removed.map((r) => r.id)).toEqual(['k0', 'k1', 'k2']);
  });

  it('is not found for a version that does not exist, and for a first version without a previous one', async () => {
    const slug = await dataset({ type: 'object', properties: { id: { type: 'string' } } }, ['id\na\n']);
    await expect(w.catalogue.diff.compare(slug)).rejects.toMatchObject({ code: 'not-found' });
    await expect(w.catalogue.diff.compare(slug, { from: 1, to: 3 })).rejects.toMatchObject({ code: 'not-found' });
    await expect(w.catalogue.diff.compare('nulle-part')).rejects.toMatchObject({ code: 'not-found' });
  });
});
