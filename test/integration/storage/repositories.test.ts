import { createDataset, getDatasetBySlug, listDatasets, updateDataset } from '../../../catalogue/storage/datasets-repo';
import { getOrganizationBySlug, listOrganizations, upsertOrganization } from '../../../catalogue/storage/organizations-repo';
import { createTestStore, storeKindUnderTest, type TestStore } from '../../support/test-store';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`organizations and datasets (${storeKindUnderTest()})`, () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore();
  });
  afterAll(() => t.cleanup());

  it('upserts an organization by slug, keeping fields that are not given', async () => {
    const created = await upsertOrganization(t.store.knex, { slug: 'ville-vernon' });
    expect(created).toMatchObject({ slug: 'ville-vernon', title: 'ville-vernon', description: null });
    expect(created.createdAt).toMatch(ISO);
    const titled = await upsertOrganization(t.store.knex, { slug: 'ville-vernon', title: 'Ville de Vernon', url: 'https://vernon.example' });
    expect(titled).toMatchObject({ id: created.id, title: 'Ville de Vernon', url: 'https://vernon.example', createdAt: created.createdAt });
    const again = await upsertOrganization(t.store.knex, { slug: 'ville-vernon' });
    expect(again).toEqual(titled);
    expect((await listOrganizations(t.store.knex)).map((o) => o.slug)).toEqual(['ville-vernon']);
    expect(await getOrganizationBySlug(t.store.knex, 'inconnue')).toBeUndefined();
  });

  it('creates, reads back, updates and lists datasets with their JSON metadata', async () => {
    const eure = await upsertOrganization(t.store.knex, { slug: 'departement-eure', title: "Département de l'Eure" });
    const input = {
      slug: 'defibrillateurs',
      organizationId: eure.id,
      title: "Défibrillateurs de l'Eure",
      description: 'Emplacements des DAE.',
      licence: 'etalab-2.0',
      themes: ['santé'],
      keywords: ['dae', 'secours'],
      frequency: 'monthly',
      spatial: { label: "Département de l'Eure", granularity: 'department', zones: ['27'] },
      temporal: { start: '2020-01-01' },
      contact: { name: 'SDIS 27', email: 'contact@sdis27.example' },
      demo: true,
      rowSchema: { type: 'object' as const, properties: { nom: { type: 'string' } }, required: ['nom'], 'x-primaryKey': ['nom'] },
      schemaSource: { fields: [{ name: 'nom', type: 'string' }] },
      schemaWarnings: [{ code: 'schema-import' as const, message: 'Champ converti.' }],
      sourceFingerprint: 'sha256:abc',
    };
    const created = await createDataset(t.store.knex, input);
    const { slug, ...rest } = input;
    expect(created).toMatchObject({ slug, ...rest, currentVersionId: null });
    expect(created.createdAt).toMatch(ISO);
    expect(await getDatasetBySlug(t.store.knex, 'defibrillateurs')).toEqual(created);

    const minimal = await createDataset(t.store.knex, {
      slug: 'aaa-minimal', organizationId: eure.id, title: 'Minimal', description: 'x', licence: 'ODbL-1.0',
      rowSchema: { type: 'object', properties: {} },
    });
    expect(minimal).toMatchObject({ themes: [], keywords: [], spatial: null, contact: null, demo: false, schemaSource: null, schemaWarnings: [] });

    await new Promise((resolve) => setTimeout(resolve, 5));
    const updated = await updateDataset(t.store.knex, created.id, { title: 'DAE', themes: [], demo: false, contact: null });
    expect(updated).toMatchObject({ title: 'DAE', themes: [], demo: false, contact: null, keywords: ['dae', 'secours'] });
    expect(updated.updatedAt > created.updatedAt).toBe(true);

    expect((await listDatasets(t.store.knex)).map((d) => d.slug)).toEqual(['aaa-minimal', 'defibrillateurs']);
    expect(await listDatasets(t.store.knex, { organizationId: eure.id + 1000 })).toEqual([]);
  });

  it('refuses a second dataset with the same slug, and an unknown organization', async () => {
    const eure = await upsertOrganization(t.store.knex, { slug: 'departement-eure' });
    const base = { organizationId: eure.id, title: 'Doublon', description: 'x', licence: 'etalab-2.0', rowSchema: { type: 'object' as const, properties: {} } };
    await createDataset(t.store.knex, { ...base, slug: 'doublon' });
    await expect(createDataset(t.store.knex, { ...base, slug: 'doublon' })).rejects.toMatchObject({ code: 'conflict' });
    // Matched on the message: better-sqlite3's native errors come from another realm in a jest worker, so toThrow() misses them.
    await expect(createDataset(t.store.knex, { ...base, slug: 'orphelin', organizationId: 99_999 })).rejects.toMatchObject({
      message: expect.stringMatching(/foreign key/i),
    });
    await expect(updateDataset(t.store.knex, 99_999, { title: 'x' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
