import type { SiteSettings } from '../../../catalogue/site-settings';
import { currentVersion, datasetDistributions } from '../dataset-distributions';
import { frequencyUri } from '../vocabularies';
import { addAgent } from './agent-node';
import type { DcatDatasetSource } from './catalogue-reader';
import { addContactPoint } from './contact-point-node';
import { addSpatial, addTemporal } from './coverage-nodes';
import { addDataService } from './data-service-node';
import { addDistribution } from './distribution-nodes';
import { EU_ACCESS_RIGHT_PUBLIC, ns } from './namespaces';
import type { RdfGraph } from './rdf-graph';
import { catalogueIris, datasetIris } from './resource-iris';
import { addThemes } from './theme-nodes';

export interface DatasetNodes {
  dataset: string;
  /** The records API, only once a version is published (before that it has nothing to serve). */
  service: string | null;
}

/**
 * One dcat:Dataset with every DCAT-AP property the catalogue holds, its distributions and its
 * records API. `site` gives the contact point of a dataset that names none: the platform's.
 */
export function addDataset(graph: RdfGraph, source: DcatDatasetSource, base: string, site: SiteSettings): DatasetNodes {
  const { detail, versions, organization } = source;
  const iris = datasetIris(base, detail.slug);
  const dataset = iris.dataset;
  graph.type(dataset, ns.dcat('Dataset'));
  graph.plain(dataset, ns.dct('identifier'), iris.page);
  graph.text(dataset, ns.dct('title'), detail.title);
  graph.text(dataset, ns.dct('description'), detail.description);

  const publisher = catalogueIris(base).organization(detail.organization.slug);
  addAgent(graph, publisher, detail.organization.title || detail.organization.slug, organization?.url);
  // What the records API shares with its dataset: who publishes it, whom to ask, what it is about.
  const describeAlike = (subject: string) => {
    graph.link(subject, ns.dct('publisher'), publisher);
    addContactPoint(graph, subject, iris.contact, detail.contact ?? { name: site.operator, email: site.contactEmail });
    for (const keyword of detail.keywords) graph.text(subject, ns.dcat('keyword'), keyword);
    addThemes(graph, subject, detail.themes, base);
  };
  describeAlike(dataset);
  addSpatial(graph, dataset, detail.spatial, iris.spatial);
  addTemporal(graph, dataset, detail.temporal, iris.temporal);

  // Issued: the first publication (the oldest version); modified: any change, data or metadata.
  const first = versions.at(-1);
  graph.dateTime(dataset, ns.dct('issued'), first ? (first.published_at ?? first.created_at) : null);
  graph.dateTime(dataset, ns.dct('modified'), detail.updated_at);
  const frequency = frequencyUri(detail.frequency);
  if (frequency) {
    graph.link(dataset, ns.dct('accrualPeriodicity'), frequency);
    graph.type(frequency, ns.dct('Frequency'));
  }
  graph.link(dataset, ns.dcat('landingPage'), iris.page);
  graph.type(iris.page, ns.foaf('Document'));
  graph.link(dataset, ns.dct('conformsTo'), iris.schema);
  graph.type(iris.schema, ns.dct('Standard'));
  graph.text(iris.schema, ns.dct('title'), `Schéma des enregistrements : ${detail.title}`);
  graph.link(dataset, ns.dct('accessRights'), EU_ACCESS_RIGHT_PUBLIC);
  graph.type(EU_ACCESS_RIGHT_PUBLIC, ns.dct('RightsStatement'));

  const version = currentVersion(detail, versions);
  const distributionContext = {
    dataset, licence: detail.licence, licenceTitle: detail.licence_title,
    distributionIri: iris.distribution, checksumIri: iris.checksum,
  };
  for (const d of datasetDistributions(detail, version, base)) addDistribution(graph, d, distributionContext);
  if (!version) return { dataset, service: null };
  addDataService(graph, {
    iri: iris.service, dataset, datasetTitle: detail.title, licence: detail.licence, licenceTitle: detail.licence_title,
    endpointUrl: iris.records, endpointDescription: iris.openapi,
  });
  describeAlike(iris.service);
  return { dataset, service: iris.service };
}
