import type { Distribution } from '../dataset-distributions';
import { ianaMediaTypeUri } from '../vocabularies';
import { EU_AVAILABILITY_STABLE, ns } from './namespaces';
import type { Iri, RdfGraph } from './rdf-graph';
import { addLicence } from './licence-node';

export interface DistributionContext {
  dataset: Iri;
  licence: string;
  licenceTitle: string;
  /** Mints the distribution's and its checksum's IRIs from the distribution's stable id. */
  distributionIri(id: string): string;
  checksumIri(id: string): string;
}

/**
 * One dcat:Distribution per export format and one for the original file (dataset-distributions.ts
 * decides which): where to download it, its media type and EU file type, its licence, and for the
 * original file its exact size and SHA-256.
 */
export function addDistribution(graph: RdfGraph, d: Distribution, ctx: DistributionContext): void {
  const iri = ctx.distributionIri(d.id);
  graph.link(ctx.dataset, ns.dcat('distribution'), iri);
  graph.type(iri, ns.dcat('Distribution'));
  graph.text(iri, ns.dct('title'), d.title);
  if (d.description) graph.text(iri, ns.dct('description'), d.description);
  graph.webLink(iri, ns.dcat('accessURL'), d.url);
  graph.webLink(iri, ns.dcat('downloadURL'), d.url);
  // Exports keep their address from version to version; an original file keeps its own for good.
  graph.link(iri, ns.dcatap('availability'), EU_AVAILABILITY_STABLE);
  graph.type(EU_AVAILABILITY_STABLE, ns.skos('Concept'));
  graph.text(EU_AVAILABILITY_STABLE, ns.skos('prefLabel'), 'stable');
  const mediaType = ianaMediaTypeUri(d.format.mediaType);
  if (mediaType) {
    graph.link(iri, ns.dcat('mediaType'), mediaType);
    graph.type(mediaType, ns.dct('MediaType'));
  }
  graph.link(iri, ns.dct('format'), d.format.fileTypeUri);
  graph.type(d.format.fileTypeUri, ns.dct('MediaTypeOrExtent'));
  addLicence(graph, iri, ctx.licence, ctx.licenceTitle);
  graph.dateTime(iri, ns.dct('modified'), d.modified);
  // DCAT-AP 2.1.1 and 3.0.0's base shapes both type the size xsd:decimal.
  if (d.byteSize !== null) graph.typed(iri, ns.dcat('byteSize'), String(d.byteSize), 'decimal');
  // One checksum at most (both releases' shapes), and 2.1.1 only admits SHA-1 (SEMICeu/DCAT-AP#158,
  // relaxed in 3.0.0): SHA-1 satisfies both. The SHA-256 stays in the API, CKAN and schema.org.
  if (d.sha1) {
    const checksum = ctx.checksumIri(d.id);
    graph.link(iri, ns.spdx('checksum'), checksum);
    graph.type(checksum, ns.spdx('Checksum'));
    graph.link(checksum, ns.spdx('algorithm'), ns.spdx('checksumAlgorithm_sha1'));
    graph.type(ns.spdx('checksumAlgorithm_sha1'), ns.spdx('ChecksumAlgorithm'));
    graph.typed(checksum, ns.spdx('checksumValue'), d.sha1, 'hexBinary');
  }
}
