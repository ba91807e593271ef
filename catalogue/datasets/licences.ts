/** The licences a dataset may carry (schemas/catalogue/dataset.schema.json), with their French names. */
const LICENCE_TITLES: Record<string, string> = {
  'etalab-2.0': 'Licence Ouverte / Open Licence 2.0 (Etalab)',
  'ODbL-1.0': 'Open Database License (ODbL) 1.0',
  'CC-BY-4.0': 'Creative Commons Attribution 4.0',
  'CC0-1.0': 'Creative Commons Zero 1.0 (domaine public)',
};

export function licenceTitle(id: string): string {
  return LICENCE_TITLES[id] ?? id;
}
