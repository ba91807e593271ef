import { nextPageUrl, rawQueryOf } from '../../../server/render/next-link';

describe('next page URL', () => {
  it('keeps every parameter in order, replaces _next and drops _offset', () => {
    const query = rawQueryOf('/api/v1/datasets/s/records?commune=%C3%89vreux&_facet=a&_facet=b&_offset=20&_next=old&_size=5');
    const url = new URL(nextPageUrl('https://d.example', '/api/v1/datasets/s/records', query, 'tok=en'));
    expect(url.origin + url.pathname).toBe('https://d.example/api/v1/datasets/s/records');
    expect([...url.searchParams.entries()]).toEqual([['commune', 'Évreux'], ['_facet', 'a'], ['_facet', 'b'], ['_size', '5'], ['_next', 'tok=en']]);
  });

  it('works without a query string', () => {
    expect(rawQueryOf('/x')).toBe('');
    expect(nextPageUrl('http://h', '/x', '', 'abc')).toBe('http://h/x?_next=abc');
  });
});
