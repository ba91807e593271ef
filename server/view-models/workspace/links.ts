/** The workspace's addresses, in one place (templates never build URLs). */
const seg = encodeURIComponent;

export const workspaceLinks = {
  home: () => '/espace',
  newDataset: () => '/espace/jeux/nouveau',
  dataset: (slug: string) => `/espace/jeux/${seg(slug)}`,
  metadata: (slug: string) => `/espace/jeux/${seg(slug)}/metadonnees`,
  schema: (slug: string) => `/espace/jeux/${seg(slug)}/schema`,
  uploads: (slug: string) => `/espace/jeux/${seg(slug)}/envois`,
  job: (slug: string, id: string) => `/espace/jeux/${seg(slug)}/travaux/${seg(id)}`,
  jobReport: (slug: string, id: string, format: 'csv' | 'json') => `/espace/jeux/${seg(slug)}/travaux/${seg(id)}/rapport.${format}`,
  report: (slug: string, id: number) => `/espace/jeux/${seg(slug)}/rapports/${id}`,
  reportFile: (slug: string, id: number, format: 'csv' | 'json') => `/espace/jeux/${seg(slug)}/rapports/${id}/rapport.${format}`,
  uploadSource: (slug: string, id: number) => `/espace/jeux/${seg(slug)}/rapports/${id}/fichier`,
  versionSource: (slug: string, n: number) => `/api/v1/datasets/${seg(slug)}/versions/${n}/source`,
  versionTable: (slug: string, n: number) => `/espace/jeux/${seg(slug)}/versions/${n}`,
  diff: (slug: string, from?: number, to?: number) =>
    `/espace/jeux/${seg(slug)}/comparer${from !== undefined && to !== undefined ? `?de=${from}&a=${to}` : ''}`,
  unpublish: (slug: string) => `/espace/jeux/${seg(slug)}/depublier`,
  delete: (slug: string) => `/espace/jeux/${seg(slug)}/supprimer`,
  publicPage: (slug: string) => `/datasets/${seg(slug)}`,
  tokens: () => '/espace/jetons',
  revokeToken: (id: number) => `/espace/jetons/${id}/revoquer`,
  account: () => '/espace/compte',
  organizations: () => '/espace/admin/organisations',
  organization: (slug: string) => `/espace/admin/organisations/${seg(slug)}`,
  accounts: () => '/espace/admin/comptes',
  newAccount: () => '/espace/admin/comptes/nouveau',
  accountAdmin: (id: number) => `/espace/admin/comptes/${id}`,
  audit: () => '/espace/admin/journal',
};
