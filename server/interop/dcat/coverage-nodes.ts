import type { DatasetSpatial, DatasetTemporal } from '../../../catalogue/datasets-service';
import { ns } from './namespaces';
import type { Iri, RdfGraph } from './rdf-graph';

const INSEE_GEO = 'http://id.insee.fr/geo/';

/**
 * The INSEE geographic URI of a zone code: a département (27, 2A, 971), a commune (27229) or an
 * intercommunality by its SIREN (200071454); null for anything else, which keeps its label only.
 */
export function inseeZoneUri(code: string): string | null {
  if (/^(?:[0-9]{2}|2[AB]|97[1-6])$/.test(code)) return `${INSEE_GEO}departement/${code}`;
  if (/^(?:[0-9]{5}|2[AB][0-9]{3})$/.test(code)) return `${INSEE_GEO}commune/${code}`;
  if (/^[0-9]{9}$/.test(code)) return `${INSEE_GEO}intercommunalite/${code}`;
  return null;
}

/**
 * `subject dct:spatial` each zone as a dct:Location, and the coverage's label on a location of the
 * dataset's own (`labelIri`): an INSEE zone is shared by many datasets, each naming its coverage in
 * its own words (« Communes de l’Eure », « Réseau routier départemental »), and a shared resource
 * must not collect their labels.
 */
export function addSpatial(graph: RdfGraph, subject: Iri, spatial: DatasetSpatial | null, labelIri: string): void {
  if (!spatial) return;
  for (const zone of (spatial.zones ?? []).map(inseeZoneUri)) {
    if (!zone) continue;
    graph.link(subject, ns.dct('spatial'), zone);
    graph.type(zone, ns.dct('Location'));
  }
  if (!spatial.label) return;
  graph.link(subject, ns.dct('spatial'), labelIri);
  graph.type(labelIri, ns.dct('Location'));
  graph.text(labelIri, ns.skos('prefLabel'), spatial.label);
}

const ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** `subject dct:temporal <period>`: a dct:PeriodOfTime with dcat:startDate / dcat:endDate (xsd:date). */
export function addTemporal(graph: RdfGraph, subject: Iri, temporal: DatasetTemporal | null, iri: string): void {
  const start = temporal?.start && ISO_DATE.test(temporal.start) ? temporal.start : null;
  const end = temporal?.end && ISO_DATE.test(temporal.end) ? temporal.end : null;
  if (!start && !end) return;
  graph.link(subject, ns.dct('temporal'), iri);
  graph.type(iri, ns.dct('PeriodOfTime'));
  if (start) graph.typed(iri, ns.dcat('startDate'), start, 'date');
  if (end) graph.typed(iri, ns.dcat('endDate'), end, 'date');
}
