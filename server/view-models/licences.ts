import { licenceTitle } from '../../catalogue/datasets/licences';

/** A licence's name and the page where its text is published. */
const LICENCE_URLS: Record<string, string> = {
  'etalab-2.0': 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  'ODbL-1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
  'CC-BY-4.0': 'https://creativecommons.org/licenses/by/4.0/deed.fr',
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr',
};

const SHORT: Record<string, string> = {
  'etalab-2.0': 'Licence Ouverte 2.0',
  'ODbL-1.0': 'ODbL 1.0',
  'CC-BY-4.0': 'CC BY 4.0',
  'CC0-1.0': 'CC0 1.0',
};

export function toLicence(id: string): { id: string; title: string; short: string; url: string | null } {
  return { id, title: licenceTitle(id), short: SHORT[id] ?? id, url: LICENCE_URLS[id] ?? null };
}
