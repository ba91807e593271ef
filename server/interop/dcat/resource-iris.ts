import { datasetLinks, organizationLinks } from '../../../catalogue/datasets/links';

/**
 * The IRIs the catalogue mints for its own resources, all built on the site's base URL and stable
 * across versions (a harvester recognises a dataset or a distribution from one run to the next).
 * Resources that have a page of their own (dataset, organisation) are named by it; the others are
 * fragments of their dataset's page, so that every IRI dereferences to something readable.
 */
export function catalogueIri(base: string): string {
  return `${base}/catalog`;
}

export function catalogueIris(base: string) {
  return {
    catalogue: catalogueIri(base),
    publisher: `${base}/catalog#publisher`,
    homepage: `${base}/`,
    themeScheme: `${base}/catalog#themes`,
    /** A theme is the search of the datasets filed under it. */
    theme: (label: string) => `${base}/datasets?theme=${encodeURIComponent(label)}`,
    organization: (slug: string) => base + organizationLinks.html(slug),
  };
}

export function datasetIris(base: string, slug: string) {
  const page = base + datasetLinks.html(slug);
  return {
    page,
    dataset: `${page}#dataset`,
    contact: `${page}#contact`,
    temporal: `${page}#temporal`,
    spatial: `${page}#spatial`,
    schema: base + datasetLinks.schema(slug),
    distribution: (id: string) => `${page}#distribution-${id}`,
    checksum: (id: string) => `${page}#checksum-${id}`,
    service: `${page}#api`,
    records: base + datasetLinks.records(slug),
    openapi: base + datasetLinks.openapi(slug),
  };
}
