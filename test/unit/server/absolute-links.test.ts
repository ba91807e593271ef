import { withAbsoluteLinks } from '../../../server/render/absolute-links';

describe('absolute links', () => {
  it('prefixes relative paths under any `links`, at any depth, and nothing else', () => {
    const body = {
      slug: 's', description: '/pas un lien',
      links: { api: '/api/v1/datasets/s', exports: { csv: '/api/v1/datasets/s/exports/csv' }, external: 'https://ailleurs.example/x' },
      datasets: [{ links: { html: '/datasets/a' } }],
    };
    const out = withAbsoluteLinks(body, 'https://donnees.example');
    expect(out).toEqual({
      slug: 's', description: '/pas un lien',
      links: { api: 'https://donnees.example/api/v1/datasets/s', exports: { csv: 'https://donnees.example/api/v1/datasets/s/exports/csv' }, external: 'https://ailleurs.example/x' },
      datasets: [{ links: { html: 'https://donnees.example/datasets/a' } }],
    });
    expect(body.links.api).toBe('/api/v1/datasets/s');
  });
});
