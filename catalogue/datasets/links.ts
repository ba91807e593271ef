/**
 * The catalogue's links, as paths from the site root (contract sections 6 and 7). The HTTP layer
 * prefixes them with BASE_URL or the request's host. Slugs are URL-safe by construction, but they
 * are encoded anyway so that a link can never change the path's shape.
 */
const seg = encodeURIComponent;

export const datasetLinks = {
  html: (slug: string) => `/datasets/${seg(slug)}`,
  api: (slug: string) => `/api/v1/datasets/${seg(slug)}`,
  schema: (slug: string) => `/api/v1/datasets/${seg(slug)}/schema`,
  records: (slug: string) => `/api/v1/datasets/${seg(slug)}/records`,
  versions: (slug: string) => `/api/v1/datasets/${seg(slug)}/versions`,
  version: (slug: string, n: number) => `/api/v1/datasets/${seg(slug)}/versions/${n}`,
  versionRecords: (slug: string, n: number) => `/api/v1/datasets/${seg(slug)}/versions/${n}/records`,
  openapi: (slug: string) => `/api/v1/datasets/${seg(slug)}/openapi.json`,
  export: (slug: string, format: string) => `/api/v1/datasets/${seg(slug)}/exports/${format}`,
};

export const organizationLinks = {
  html: (slug: string) => `/organizations/${seg(slug)}`,
  api: (slug: string) => `/api/v1/organizations/${seg(slug)}`,
};
