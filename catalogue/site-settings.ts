/**
 * The operator's settings for the public pages (README, "Web pages"): the platform's name, the
 * operator's name, its logo and colours, the legal notices' contacts, and the maps' reference
 * layer and tile attribution. Read from the environment with the rest of the configuration;
 * a colour too pale to carry white text (WCAG AA, 4.5:1) stops start-up like any bad value.
 */
export interface SiteSettings {
  /** SITE_NAME: shown in the header, the titles and the footer. */
  name: string;
  /** SITE_OPERATOR: the body that runs the platform (publisher in the legal notices). */
  operator: string;
  /** SITE_CONTACT_EMAIL: where citizens write (accessibility, personal data, questions). */
  contactEmail: string;
  /** SITE_PUBLICATION_DIRECTOR: the legal notices' « directeur de la publication ». */
  publicationDirector: string;
  /** SITE_HOSTING: the host's name and address (legal notices); empty: said to be missing. */
  hosting: string;
  /** SITE_LOGO_FILE: an SVG or PNG file served as the logo; null: the built-in one. */
  logoFile: string | null;
  /** SITE_PRIMARY_COLOR: header band, links, buttons (#rrggbb, 4.5:1 at least against white). */
  primaryColor: string;
  /** SITE_ACCENT_COLOR: bars, highlights, the current page in menus (#rrggbb, 4.5:1 against white). */
  accentColor: string;
  /** MAP_TILES_ATTRIBUTION: the base tiles' credit (text), shown on maps when MAP_TILES_URL is set. */
  mapTilesAttribution: string;
  /** COMMUNES_LAYER: slug of the dataset of commune contours that choropleths are drawn on. */
  communesLayer: string;
  /** MAP_BOUNDS: the territory (minLon,minLat,maxLon,maxLat, WGS84) a map shows first. */
  mapBounds: [number, number, number, number];
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOGO = /\.(svg|png)$/i;

function channel(hex: string, at: number): number {
  const c = parseInt(hex.slice(at, at + 2), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG contrast ratio between a #rrggbb colour and white. */
export function contrastWithWhite(hex: string): number {
  const luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
  return 1.05 / (luminance + 0.05);
}

export function loadSiteSettings(env: NodeJS.ProcessEnv, problems: string[]): SiteSettings {
  const text = (name: string, fallback: string) => (env[name] ?? '').trim() || fallback;
  const colour = (name: string, fallback: string) => {
    const value = text(name, fallback);
    if (!HEX.test(value)) problems.push(`${name}=${value} : une couleur #rrggbb est attendue`);
    else if (contrastWithWhite(value) < 4.5) {
      problems.push(`${name}=${value} : trop claire (contraste ${contrastWithWhite(value).toFixed(1)}:1 avec le blanc, 4,5:1 au moins)`);
    } else return value.toLowerCase();
    return fallback;
  };
  const operator = text('SITE_OPERATOR', 'Département de l’Eure');
  const logoFile = text('SITE_LOGO_FILE', '') || null;
  if (logoFile && !LOGO.test(logoFile)) problems.push(`SITE_LOGO_FILE=${logoFile} : un fichier .svg ou .png est attendu`);
  const communesLayer = text('COMMUNES_LAYER', 'communes-eure-contours');
  if (!SLUG.test(communesLayer)) problems.push(`COMMUNES_LAYER=${communesLayer} : un identifiant de jeu de données est attendu`);
  const bounds = text('MAP_BOUNDS', '0.29,48.66,1.81,49.49').split(',').map((v) => Number(v.trim()));
  const boundsOk = bounds.length === 4 && bounds.every(Number.isFinite) && bounds[0] < bounds[2] && bounds[1] < bounds[3]
    && bounds[0] >= -180 && bounds[2] <= 180 && bounds[1] >= -90 && bounds[3] <= 90;
  if (!boundsOk) problems.push(`MAP_BOUNDS=${env.MAP_BOUNDS} : quatre nombres attendus, minLon,minLat,maxLon,maxLat (WGS84)`);
  return {
    name: text('SITE_NAME', 'Données ouvertes de l’Eure'),
    operator,
    contactEmail: text('SITE_CONTACT_EMAIL', 'opendata@eure.example'),
    publicationDirector: text('SITE_PUBLICATION_DIRECTOR', `le représentant légal de l’organisme exploitant (${operator})`),
    hosting: text('SITE_HOSTING', ''),
    logoFile,
    primaryColor: colour('SITE_PRIMARY_COLOR', '#1d4e6e'),
    accentColor: colour('SITE_ACCENT_COLOR', '#8a3b12'),
    mapTilesAttribution: text('MAP_TILES_ATTRIBUTION', ''),
    communesLayer,
    mapBounds: boundsOk ? (bounds as [number, number, number, number]) : [0.29, 48.66, 1.81, 49.49],
  };
}
