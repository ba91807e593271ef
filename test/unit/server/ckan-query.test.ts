import type { DatasetListItem } from '../../../catalogue/datasets-service';
import { CkanError } from '../../../server/interop/ckan/ckan-envelope';
import { ckanIds, uuidV5 } from '../../../server/interop/ckan/ckan-ids';
import { packageListParams, packageSearchParams } from '../../../server/interop/ckan/ckan-params';
import { matchesSearchQuery, parseSearchQuery } from '../../../server/interop/ckan/ckan-search-query';

/** The pure parts of the CKAN API: name-based UUIDs, parameter checks, and the `q`/`fq` term language. */
describe('ckan ids', () => {
  it('are RFC 9562 version 5 UUIDs (the RFC\'s own DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('differ by kind of object and stay the same from call to call', () => {
    expect(ckanIds.package('eau')).toBe(ckanIds.package('eau'));
    expect(new Set([ckanIds.package('eau'), ckanIds.organization('eau'), ckanIds.group('eau'), ckanIds.tag('eau'), ckanIds.resource('eau', 'csv')]).size).toBe(5);
    expect(ckanIds.resource('eau', 'csv')).not.toBe(ckanIds.resource('eau', 'source'));
  });
});

function failure(run: () => unknown): CkanError {
  try {
    run();
  } catch (error) {
    if (error instanceof CkanError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('ckan parameters', () => {
  it('default as CKAN does and bring rows down to 1000 like limit_to_configured_maximum', () => {
    expect(packageSearchParams({})).toEqual({ q: '', fq: '', sort: 'score desc, metadata_modified desc', rows: 10, start: 0 });
    expect(packageSearchParams({ rows: '5000', start: '20' })).toMatchObject({ rows: 1000, start: 20 });
    expect(packageListParams({ limit: '0' })).toEqual({ offset: 0, limit: 0 });
  });

  it('name each faulty parameter in one Validation Error', () => {
    const error = failure(() => packageSearchParams({ rows: 'x', start: '-1' }));
    expect(error.status).toBe(409);
    expect(error.body).toEqual({ __type: 'Validation Error', rows: [expect.stringContaining('« x »')], start: [expect.stringContaining('positif')] });
  });
});

const item = (over: Partial<DatasetListItem>): DatasetListItem => ({
  slug: 'eau', title: 'Eau', description: '', organization: { slug: 'ars', title: 'ARS' }, themes: ['Santé'], keywords: ['eau potable'],
  licence: 'etalab-2.0', updated_at: '2026-03-01T10:00:00.000Z', record_count: 1, version: 1, geo: false,
  links: { html: '', api: '', records: '' }, ...over,
});

describe('ckan search terms', () => {
  it('splits free words from field terms, OR chains and exclusions', () => {
    expect(parseSearchQuery('qualité "eau potable" organization:ars', '-tags:x organization:a OR organization:b')).toEqual({
      text: 'qualité eau potable',
      groups: [
        [{ exclude: false, field: 'organization', value: 'ars' }],
        [{ exclude: true, field: 'tags', value: 'x' }],
        [{ exclude: false, field: 'organization', value: 'a' }, { exclude: false, field: 'organization', value: 'b' }],
      ],
    });
    expect(parseSearchQuery('*:*', '')).toEqual({ text: '', groups: [] });
  });

  it('match tags and groups without accents, licences by their CKAN id, dates by range', () => {
    const match = (fq: string, over: Partial<DatasetListItem> = {}) => matchesSearchQuery(item(over), parseSearchQuery('', fq));
    expect(match('tags:"EAU POTABLE"')).toBe(true);
    expect(match('tags:sante groups:sante')).toBe(true);
    expect(match('-tags:sante')).toBe(false);
    expect(match('license_id:lov2')).toBe(true);
    expect(match('license_id:odc-odbl')).toBe(false);
    expect(match('metadata_modified:[2026-03-01T10:00:00Z TO *]')).toBe(true);
    expect(match('metadata_modified:[* TO 2026-02-28T00:00:00Z]')).toBe(false);
    expect(match('organization:x OR organization:ars')).toBe(true);
  });

  it('refuse a field, a bare fq word or a range they cannot read with a Search Query Error', () => {
    for (const [q, fq, named] of [['', 'couleur:bleu', 'couleur'], ['', 'bleu', 'bleu'], ['', 'metadata_modified:2026', '2026'], ['auteur:moi', '', 'auteur']]) {
      const error = failure(() => parseSearchQuery(q, fq));
      expect({ status: error.status, type: error.body.__type }).toEqual({ status: 400, type: 'Search Query Error' });
      expect(error.body.message).toContain(named);
    }
  });
});
