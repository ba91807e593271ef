#!/usr/bin/env node
'use strict';
/*
 * Générateur déterministe des jeux de données de démonstration de l'Eure (datasets/<slug>/).
 *
 *   node datasets/_tools/generate.js            # régénère tous les jeux
 *   node datasets/_tools/generate.js bornes-recharge defibrillateurs
 *
 * Node.js seul, sans dépendance. Chaque jeu a sa propre graine : régénérer l'un ne change pas les
 * autres, et deux exécutions donnent des fichiers identiques octet pour octet.
 *
 * Données de référence lues (jamais recopiées telles quelles) dans ../shared/data (ou $SHARED_DATA_DIR) :
 *   - files/cog-2026-decoupage-administratif/communes-27.json : codes INSEE, noms, arrondissements,
 *     codes postaux des 585 communes actuelles (faits publics) ; la population n'y sert que de poids
 *     de tirage et de base, perturbée, aux populations fictives ;
 *   - files/cog-2026-decoupage-administratif/epci-27.json : rattachement des communes aux EPCI ;
 *   - geo/communes-27-eure.geojson (COG 2018) : polygones, pour placer les points dans la bonne
 *     commune et calculer les superficies (polygones des communes fusionnées depuis 2018 regroupés) ;
 *   - geo/cantons-27-eure.geojson : canton (découpage 2015) du chef-lieu de chaque commune.
 * Toutes les valeurs produites (effectifs, montants, mesures, noms d'équipements, d'associations,
 * de personnes…) sont fictives.
 */

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'datasets');
const SCHEMAS_DIR = path.join(ROOT, 'schemas', 'datasets');
const SHARED = process.env.SHARED_DATA_DIR || path.resolve(ROOT, '..', 'shared', 'data');

// ---------------------------------------------------------------------------------------------
// Aléa déterministe
// ---------------------------------------------------------------------------------------------
function seedFrom(str) {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^= h >>> 16) >>> 0;
}

function makeRng(seed) {
  let a = seedFrom(seed);
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    float: (lo = 0, hi = 1) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    normal() {
      let u = 0;
      while (u === 0) u = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle(arr) {
      const b = arr.slice();
      for (let i = b.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [b[i], b[j]] = [b[j], b[i]];
      }
      return b;
    },
    digits(n) {
      let s = '';
      for (let i = 0; i < n; i++) s += Math.floor(next() * 10);
      return s;
    },
    /** Tirage pondéré : [item, poids] ou fonction de poids. */
    weighted(items, weightOf) {
      let total = 0;
      const w = items.map((x) => {
        const v = weightOf(x);
        total += v;
        return v;
      });
      let u = next() * total;
      for (let i = 0; i < items.length; i++) {
        u -= w[i];
        if (u < 0) return items[i];
      }
      return items[items.length - 1];
    },
    /** Échantillonneur pondéré précalculé (recherche dichotomique). */
    sampler(items, weightOf) {
      const cum = [];
      let total = 0;
      for (const x of items) {
        total += weightOf(x);
        cum.push(total);
      }
      return () => {
        const u = next() * total;
        let lo = 0;
        let hi = cum.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cum[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        return items[lo];
      };
    },
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Lambert-93 (EPSG:2154) : conique conforme sécante, ellipsoïde GRS80 (RGF93 ≈ WGS84 au mètre près)
// ---------------------------------------------------------------------------------------------
const L93 = (() => {
  const a = 6378137;
  const f = 1 / 298.257222101;
  const e = Math.sqrt(2 * f - f * f);
  const rad = (d) => (d * Math.PI) / 180;
  const lon0 = rad(3);
  const phi0 = rad(46.5);
  const phi1 = rad(44);
  const phi2 = rad(49);
  const X0 = 700000;
  const Y0 = 6600000;
  const m = (p) => Math.cos(p) / Math.sqrt(1 - e * e * Math.sin(p) ** 2);
  const t = (p) => Math.tan(Math.PI / 4 - p / 2) / Math.pow((1 - e * Math.sin(p)) / (1 + e * Math.sin(p)), e / 2);
  const n = (Math.log(m(phi1)) - Math.log(m(phi2))) / (Math.log(t(phi1)) - Math.log(t(phi2)));
  const F = m(phi1) / (n * Math.pow(t(phi1), n));
  const rho0 = a * F * Math.pow(t(phi0), n);
  function forward(lon, lat) {
    const rho = a * F * Math.pow(t(rad(lat)), n);
    const theta = n * (rad(lon) - lon0);
    return [X0 + rho * Math.sin(theta), Y0 + rho0 - rho * Math.cos(theta)];
  }
  function inverse(x, y) {
    const dx = x - X0;
    const dy = rho0 - (y - Y0);
    const rho = Math.sign(n) * Math.hypot(dx, dy);
    const theta = Math.atan2(dx, dy);
    const tt = Math.pow(rho / (a * F), 1 / n);
    let p = Math.PI / 2 - 2 * Math.atan(tt);
    for (let i = 0; i < 20; i++) {
      const es = e * Math.sin(p);
      p = Math.PI / 2 - 2 * Math.atan(tt * Math.pow((1 - es) / (1 + es), e / 2));
    }
    return [((theta / n + lon0) * 180) / Math.PI, (p * 180) / Math.PI];
  }
  return { forward, inverse };
})();

// ---------------------------------------------------------------------------------------------
// Géographie des communes
// ---------------------------------------------------------------------------------------------
function readJson(p) {
  return JSON.parse(fs.readFileSync(p, 'utf8'));
}

function inRing(pt, ring) {
  const [x, y] = pt;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** polys : liste de polygones GeoJSON (anneau extérieur puis trous). */
function inPolys(pt, polys) {
  for (const poly of polys) {
    if (!inRing(pt, poly[0])) continue;
    let hole = false;
    for (let k = 1; k < poly.length; k++) if (inRing(pt, poly[k])) hole = true;
    if (!hole) return true;
  }
  return false;
}

/** Distance (km) d'un point au bord le plus proche, en projection locale équirectangulaire. */
function distToBorderKm(pt, polys) {
  const kx = 111.2 * Math.cos((pt[1] * Math.PI) / 180);
  const ky = 111.2;
  let best = Infinity;
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const ax = (ring[j][0] - pt[0]) * kx;
        const ay = (ring[j][1] - pt[1]) * ky;
        const bx = (ring[i][0] - pt[0]) * kx;
        const by = (ring[i][1] - pt[1]) * ky;
        const dx = bx - ax;
        const dy = by - ay;
        const len2 = dx * dx + dy * dy;
        let u = len2 ? -(ax * dx + ay * dy) / len2 : 0;
        u = Math.max(0, Math.min(1, u));
        const d = Math.hypot(ax + u * dx, ay + u * dy);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

function ringAreaL93(ring) {
  let s = 0;
  const pts = ring.map(([lon, lat]) => L93.forward(lon, lat));
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) s += pts[j][0] * pts[i][1] - pts[i][0] * pts[j][1];
  return Math.abs(s / 2);
}

function polysAreaKm2(polys) {
  let s = 0;
  for (const poly of polys) {
    s += ringAreaL93(poly[0]);
    for (let k = 1; k < poly.length; k++) s -= ringAreaL93(poly[k]);
  }
  return s / 1e6;
}

function ringCentroid(ring) {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += cross;
    cx += (ring[j][0] + ring[i][0]) * cross;
    cy += (ring[j][1] + ring[i][1]) * cross;
  }
  return [cx / (3 * a), cy / (3 * a)];
}

function bboxOf(polys) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polys) for (const [x, y] of poly[0]) {
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  }
  return b;
}

const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d;

let GEO = null;
function geo() {
  if (GEO) return GEO;
  const cogDir = path.join(SHARED, 'files', 'cog-2026-decoupage-administratif');
  const cog = readJson(path.join(cogDir, 'communes-27.json'));
  const epcis = readJson(path.join(cogDir, 'epci-27.json'));
  const arrs = readJson(path.join(cogDir, 'arrondissements-27.json'));
  const gj = readJson(path.join(SHARED, 'geo', 'communes-27-eure.geojson'));
  const cantonsGj = readJson(path.join(SHARED, 'geo', 'cantons-27-eure.geojson'));

  const polysByCode = new Map();
  for (const f of gj.features) {
    const g = f.geometry;
    polysByCode.set(f.properties.code, g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
  }
  const current = cog.filter((c) => c.type === 'commune-actuelle');
  const currentCodes = new Set(current.map((c) => c.code));
  const owner = new Map();
  for (const c of current) for (const old of c.anciensCodes || []) owner.set(old, c.code);
  for (const c of cog) if (c.type !== 'commune-actuelle' && c.chefLieu && !owner.has(c.code)) owner.set(c.code, c.chefLieu);

  const communes = current.map((c) => ({
    code: c.code,
    nom: c.nom,
    arrondissement: c.arrondissement,
    popRef: c.population || 0,
    cp: (c.codesPostaux || [])[0],
    own: polysByCode.get(c.code),
    all: (polysByCode.get(c.code) || []).slice(),
  }));
  const byCode = new Map(communes.map((c) => [c.code, c]));
  for (const [code, polys] of polysByCode) {
    if (currentCodes.has(code)) continue;
    const o = byCode.get(owner.get(code));
    if (o) o.all.push(...polys);
    else console.warn(`polygone ${code} sans commune actuelle de rattachement`);
  }

  const cantons = cantonsGj.features.map((f) => {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const name = { Andelys: 'Les Andelys', Neubourg: 'Le Neubourg' }[f.properties.nom] || f.properties.nom;
    return { code: '27' + f.properties.code.slice(-2), nom: name, polys, centre: ringCentroid(polys[0][0]) };
  });
  const epciOf = new Map();
  for (const e of epcis) for (const m of e.membres) if (m.code.startsWith('27')) epciOf.set(m.code, { siren: e.code, nom: e.nom });
  const arrName = new Map(arrs.map((a) => [a.code, a.nom]));

  for (const c of communes) {
    if (!c.own) throw new Error(`pas de polygone pour ${c.code}`);
    let largest = c.own[0];
    for (const p of c.own) if (ringAreaL93(p[0]) > ringAreaL93(largest[0])) largest = p;
    let centre = ringCentroid(largest[0]);
    if (!inPolys(centre, c.own)) {
      // centroïde hors de la commune (forme concave) : point intérieur le plus proche
      const rng = makeRng('centre-' + c.code);
      const b = bboxOf([largest]);
      let best = null;
      for (let i = 0; i < 5000 && !best; i++) {
        const cands = [];
        for (let k = 0; k < 200; k++) {
          const p = [rng.float(b[0], b[2]), rng.float(b[1], b[3])];
          if (inPolys(p, c.own)) cands.push(p);
        }
        if (cands.length) {
          cands.sort((p, q) => Math.hypot(p[0] - centre[0], p[1] - centre[1]) - Math.hypot(q[0] - centre[0], q[1] - centre[1]));
          best = cands[0];
        }
      }
      centre = best;
    }
    c.centre = centre;
    c.bbox = bboxOf(c.all);
    c.areaKm2 = polysAreaKm2(c.all);
    let canton = cantons.find((k) => inPolys(centre, k.polys));
    if (!canton) {
      canton = cantons.slice().sort((p, q) => Math.hypot(p.centre[0] - centre[0], p.centre[1] - centre[1]) - Math.hypot(q.centre[0] - centre[0], q.centre[1] - centre[1]))[0];
    }
    c.canton = canton;
    c.epci = epciOf.get(c.code);
    c.arrondissementNom = arrName.get(c.arrondissement);
  }
  GEO = { communes, byCode, cantons };
  return GEO;
}

function communeAt(pt) {
  for (const c of geo().communes) {
    const b = c.bbox;
    if (pt[0] < b[0] || pt[0] > b[2] || pt[1] < b[1] || pt[1] > b[3]) continue;
    if (inPolys(pt, c.all)) return c;
  }
  return null;
}

function communeByName(nom) {
  const c = geo().communes.find((x) => x.nom === nom);
  if (!c) throw new Error(`commune inconnue : ${nom}`);
  return c;
}

/**
 * Un point (WGS84, arrondi à 6 décimales) dans la commune, autour de son centre, à au moins
 * `margin` km du bord (polygones simplifiés : on garde une marge).
 */
function randomPoint(rng, c, spreadKm) {
  const s = spreadKm || Math.max(0.25, Math.min(1.2, Math.sqrt(c.areaKm2) / 5));
  for (let i = 0; i < 2000; i++) {
    const sc = i < 600 ? s : s * 2;
    const margin = i < 1200 ? 0.15 : 0.03;
    const lat = round(c.centre[1] + (rng.normal() * sc) / 111.2, 6);
    const lon = round(c.centre[0] + (rng.normal() * sc) / (111.2 * Math.cos((lat * Math.PI) / 180)), 6);
    if (inPolys([lon, lat], c.all) && distToBorderKm([lon, lat], c.all) >= margin) return [lon, lat];
  }
  throw new Error(`aucun point trouvé dans ${c.nom}`);
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------
const pad = (n, w) => String(n).padStart(w, '0');
const iso = (d) => d.toISOString().slice(0, 10);
const frDate = (d) => `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${d.getUTCFullYear()}`;
const dayMs = 86400000;
function randDate(rng, start, end) {
  const a = Date.parse(start);
  const b = Date.parse(end);
  return new Date(a + Math.floor(rng.next() * ((b - a) / dayMs + 1)) * dayMs);
}
function addDays(d, n) {
  return new Date(d.getTime() + n * dayMs);
}
/** 12500 → "12 500,00" (séparateur de milliers espace, virgule décimale). */
function frNumber(v, decimals, group = true) {
  const neg = v < 0;
  const [int, dec] = Math.abs(v).toFixed(decimals).split('.');
  const g = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') : int;
  return (neg ? '-' : '') + g + (dec ? ',' + dec : '');
}
const fixed = (v, d) => v.toFixed(d);

function luhnOk(s) {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    let d = +s[s.length - 1 - i];
    if (i % 2) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
function luhnComplete(prefix) {
  for (let d = 0; d < 10; d++) if (luhnOk(prefix + d)) return prefix + d;
  throw new Error('luhn');
}
function randomSiret(rng) {
  const siren = luhnComplete(rng.pick(['3', '4', '5', '7', '8']) + rng.digits(7));
  const nicStart = pad(rng.int(1, 40), 4);
  return luhnComplete(siren + nicStart);
}

function csvCell(v, delim) {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (s.includes(delim) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s)) {
    return '"' + s.replace(/"/g, '""') + '"';
  }
  return s;
}

const CP1252 = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
  0x02c6: 0x88, 0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91,
  0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98,
  0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
function encodeWindows1252(text) {
  const out = Buffer.alloc(text.length);
  let i = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xff)) out[i++] = cp;
    else if (CP1252[cp] !== undefined) out[i++] = CP1252[cp];
    else throw new Error(`caractère hors Windows-1252 : ${ch} (U+${cp.toString(16)})`);
  }
  return out.subarray(0, i);
}

function writeCsv(file, columns, rows, opts = {}) {
  const { delim = ',', eol = '\n', bom = false, encoding = 'utf-8' } = opts;
  const lines = [columns.map((c) => csvCell(c, delim)).join(delim)];
  for (const r of rows) {
    for (const k of Object.keys(r)) if (!columns.includes(k)) throw new Error(`colonne inattendue ${k} dans ${file}`);
    lines.push(columns.map((c) => csvCell(r[c], delim)).join(delim));
  }
  const text = lines.join(eol) + eol;
  let buf;
  if (encoding === 'windows-1252') buf = encodeWindows1252(text);
  else buf = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buf);
  return buf.length;
}

function writeJson(file, obj) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(obj, null, 2) + '\n');
}

/** Écrit dataset.json, le schéma (dans le dossier ou sous schemas/datasets/) et rend un résumé. */
function emit(ds) {
  const dir = path.join(OUT, ds.slug);
  fs.mkdirSync(dir, { recursive: true });
  let schemaRef;
  if (ds.schemaLocation === 'shared') {
    writeJson(path.join(SCHEMAS_DIR, `${ds.slug}.schema.json`), ds.schema);
    schemaRef = `../../schemas/datasets/${ds.slug}.schema.json`;
  } else {
    schemaRef = ds.schemaFile || 'schema.json';
    writeJson(path.join(dir, schemaRef), ds.schema);
  }
  const bytes = writeCsv(path.join(dir, ds.dataFile), ds.columns, ds.rows, ds.csv);
  const meta = {
    title: ds.meta.title,
    description: ds.meta.description,
    organization: ds.meta.organization,
    organization_title: ds.meta.organization_title,
    licence: ds.meta.licence || 'etalab-2.0',
    schema: schemaRef,
    data: ds.dataFile,
    themes: ds.meta.themes,
    keywords: ds.meta.keywords,
    frequency: ds.meta.frequency,
    spatial: ds.meta.spatial,
    temporal: ds.meta.temporal,
    contact: ds.meta.contact,
    demo: true,
  };
  for (const k of Object.keys(meta)) if (meta[k] === undefined) delete meta[k];
  writeJson(path.join(dir, 'dataset.json'), meta);
  return { slug: ds.slug, rows: ds.rows.length, bytes };
}

/** Propriété de schéma de ligne : titre et description en français, puis le reste. */
function prop(type, title, description, extra = {}) {
  return { type, title, description, ...extra };
}
const INSEE_PATTERN = '^(?:[0-9]{5}|2[AB][0-9]{3})$';
const inseeProp = (title = 'Code INSEE de la commune') =>
  prop('string', title, 'Code officiel géographique (COG) de la commune, sur cinq caractères.', { pattern: INSEE_PATTERN, examples: ['27229'] });
const communeProp = () => prop('string', 'Commune', 'Nom officiel de la commune.', { minLength: 1, examples: ['Évreux'] });
const cpProp = () => prop('string', 'Code postal', 'Code postal de l’adresse.', { pattern: '^27[0-9]{3}$|^28[0-9]{3}$|^76[0-9]{3}$', examples: ['27000'] });

function rowSchema(title, description, properties, required, extensions = {}) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title,
    description,
    type: 'object',
    properties,
    required,
    ...extensions,
  };
}

/** « de » + nom de commune, avec élision et contraction : d’Acon, du Neubourg, des Andelys. */
function de(nom) {
  if (/^[AEIOUYÉÈÂÎ]/.test(nom)) return `d’${nom}`;
  if (nom.startsWith('Le ')) return `du ${nom.slice(3)}`;
  if (nom.startsWith('Les ')) return `des ${nom.slice(4)}`;
  return `de ${nom}`;
}
/** « à » + nom de commune : au Neubourg, aux Andelys. */
function aLieu(nom) {
  if (nom.startsWith('Le ')) return `au ${nom.slice(3)}`;
  if (nom.startsWith('Les ')) return `aux ${nom.slice(4)}`;
  return `à ${nom}`;
}

const DEMO = 'Données de démonstration, fictives : ';
const DEMO_TAIL =
  '\n\n> Ce jeu a été produit par un générateur déterministe pour illustrer la plateforme. Les codes et noms des communes sont réels ; toutes les autres valeurs sont inventées et ne doivent pas être réutilisées.';

// Listes de noms communes à plusieurs jeux
const PERSONNALITES = [
  'Jean Moulin', 'Pierre de Coubertin', 'Jules Ferry', 'Jacques Anquetil', 'Marie Curie', 'Jean Jaurès',
  'Léo Lagrange', 'Victor Hugo', 'Louis Pasteur', 'Jacques Prévert', 'Simone Veil', 'Alain Mimoun',
  'Suzanne Lenglen', 'Roland Garros', 'Jean Bouin', 'Guy Môquet', 'Jean Rostand', 'Georges Brassens',
  'Aristide Briand', 'Claude Monet', 'Maurice Ravel', 'Colette Besson', 'Marcel Cerdan', 'Jacqueline Auriol',
  'Nicolas Poussin', 'Pierre Mendès France', 'Lucie Aubrac', 'Paul Éluard', 'Jean de La Fontaine', 'Albert Camus',
];
const RUES = [
  'rue Jean Jaurès', 'avenue du Général de Gaulle', 'chemin du Stade', 'rue des Écoles', 'route de Paris',
  'allée des Sports', 'rue Victor Hugo', 'boulevard Gambetta', 'rue de la Libération', 'rue Pasteur',
  'rue du Moulin', 'rue de la République', 'rue de l’Église', 'route de Rouen', 'rue des Tilleuls',
  'avenue Aristide Briand', 'rue du 8 Mai 1945', 'rue de la Gare', 'chemin des Prés', 'rue Saint-Martin',
  'rue des Lilas', 'rue du Château', 'route d’Évreux', 'rue Pierre Curie', 'rue Jules Ferry', 'rue du Bourg',
  'impasse des Vergers', 'rue de la Mare', 'route de Louviers', 'rue Clemenceau',
];

// =============================================================================================
// 1. Équipements sportifs
// =============================================================================================
function equipementsSportifs() {
  const rng = makeRng('equipements-sportifs');
  const { communes } = geo();
  const TYPES = [
    { type: 'Gymnase', min: 1500, w: 10, surf: [800, 2200], tribune: [50, 600], light: 1 },
    { type: 'Salle multisports', min: 800, w: 6, surf: [350, 1200], tribune: [30, 150], light: 1 },
    { type: 'Piscine couverte', min: 6000, w: 2, surf: [250, 1250], tribune: [50, 400], light: 1 },
    { type: 'Piscine de plein air', min: 2500, w: 0.6, surf: [300, 1050], light: 0.3 },
    { type: 'Terrain de football', min: 0, w: 13, surf: [5400, 7800], tribune: [40, 1200], light: 0.6 },
    { type: 'Terrain de rugby', min: 4000, w: 1.5, surf: [6800, 10100], tribune: [50, 800], light: 0.6 },
    { type: 'Court de tennis', min: 300, w: 8, surf: [600, 700], light: 0.5 },
    { type: 'Plateau multisports (city-stade)', min: 200, w: 8, surf: [300, 700], light: 0.4 },
    { type: 'Terrain de pétanque', min: 0, w: 6, surf: [150, 1200], light: 0.3 },
    { type: 'Dojo', min: 3000, w: 2.5, surf: [150, 450], light: 1 },
    { type: 'Skatepark', min: 2000, w: 2, surf: [250, 1200], light: 0.2 },
    { type: 'Piste d’athlétisme', min: 8000, w: 1.5, surf: [11000, 16000], tribune: [100, 1500], light: 0.7 },
    { type: 'Salle de musculation', min: 3000, w: 1.5, surf: [80, 350], light: 1 },
    { type: 'Mur d’escalade', min: 4500, w: 1, surf: [80, 400], light: 1 },
    { type: 'Centre équestre', min: 0, w: 1.5, surf: [1500, 6000], light: 0.3, rural: true },
  ];
  const typeNames = TYPES.map((t) => t.type);
  const PROPRIETAIRES = ['Commune', 'Intercommunalité', 'Département', 'Région', 'État', 'Association', 'Privé'];

  function nameFor(t, c, used) {
    const perso = () => rng.pick(PERSONNALITES);
    const cands = {
      Gymnase: () => `Gymnase ${perso()}`,
      'Salle multisports': () => rng.pick([`Salle multisports ${perso()}`, `Salle omnisports ${de(c.nom)}`, `Complexe sportif ${perso()}`]),
      'Piscine couverte': () => rng.pick([`Piscine ${perso()}`, `Centre aquatique ${de(c.nom)}`, `Piscine intercommunale ${de(c.nom)}`]),
      'Piscine de plein air': () => `Piscine d’été ${de(c.nom)}`,
      'Terrain de football': () => rng.pick([`Stade ${perso()}`, `Stade municipal ${de(c.nom)}`, `Terrain de football communal`, `Stade ${perso()} – terrain annexe`]),
      'Terrain de rugby': () => `Stade de rugby ${perso()}`,
      'Court de tennis': () => rng.pick([`Tennis municipal, court n° ${rng.int(1, 4)}`, `Court de tennis communal`, `Tennis club ${de(c.nom)}, court couvert`]),
      'Plateau multisports (city-stade)': () => rng.pick([`City-stade ${de(c.nom)}`, `City-stade du quartier ${rng.pick(['des Fleurs', 'du Moulin', 'de la Gare', 'des Peupliers', 'Saint-Jean', 'du Centre'])}`, 'Plateau sportif de l’école']),
      'Terrain de pétanque': () => rng.pick(['Boulodrome communal', `Terrain de boules ${de(c.nom)}`, 'Boulodrome couvert']),
      Dojo: () => `Dojo ${perso()}`,
      Skatepark: () => `Skatepark ${de(c.nom)}`,
      'Piste d’athlétisme': () => `Piste d’athlétisme du stade ${perso()}`,
      'Salle de musculation': () => `Salle de musculation ${perso()}`,
      'Mur d’escalade': () => `Mur d’escalade du gymnase ${perso()}`,
      'Centre équestre': () => rng.pick([`Centre équestre ${de(c.nom)}`, `Poney-club ${de(c.nom)}`, `Écurie du ${rng.pick(['Val', 'Bois', 'Moulin', 'Manoir'])} – carrière`]),
    }[t.type];
    for (let i = 0; i < 30; i++) {
      const n = cands();
      if (!used.has(c.code + '|' + n)) {
        used.add(c.code + '|' + n);
        return n;
      }
    }
    let k = 2;
    const base = cands();
    while (used.has(c.code + '|' + base + ' ' + k)) k++;
    used.add(c.code + '|' + base + ' ' + k);
    return `${base} ${k}`;
  }

  const pickCommune = rng.sampler(communes, (c) => Math.pow(Math.max(c.popRef, 50), 0.75));
  const plan = [];
  // Quelques piscines et pistes dans les grandes villes, puis un tirage pondéré par la population.
  for (const nom of ['Évreux', 'Évreux', 'Vernon', 'Louviers', 'Val-de-Reuil', 'Gisors', 'Pont-Audemer', 'Bernay', 'Les Andelys', 'Verneuil d\'Avre et d\'Iton', 'Gaillon', 'Pacy-sur-Eure', 'Conches-en-Ouche', 'Le Neubourg', 'Brionne']) {
    plan.push([communeByName(nom), TYPES.find((t) => t.type === 'Piscine couverte')]);
  }
  for (const nom of ['Évreux', 'Vernon', 'Louviers', 'Bernay']) plan.push([communeByName(nom), TYPES.find((t) => t.type === 'Piste d’athlétisme')]);
  while (plan.length < 410) {
    const c = pickCommune();
    const allowed = TYPES.filter((t) => c.popRef >= t.min && t.type !== 'Piscine couverte');
    const t = rng.weighted(allowed, (x) => x.w * (x.rural && c.popRef > 5000 ? 0.1 : 1));
    plan.push([c, t]);
  }
  plan.sort((p, q) => p[0].code.localeCompare(q[0].code) || p[1].type.localeCompare(q[1].type));

  const used = new Set();
  const OBS = [
    'Vestiaires rénovés, douches accessibles',
    'Éclairage LED installé',
    'Ouvert au public hors temps scolaire',
    'Réservé aux clubs, sur réservation',
    'Sol sportif refait, marquages handball, basket et volley',
    'Parking de 40 places à proximité',
    'Utilisé par les collèges du secteur',
    'Fermé en août pour entretien',
  ];
  const rows = plan.map(([c, t], i) => {
    const [lon, lat] = randomPoint(rng, c);
    const year = c.popRef > 3000 ? rng.int(1962, 2025) : rng.int(1975, 2025);
    const renov = rng.chance(0.35) && year < 2018 ? randDate(rng, `${Math.max(2015, year + 8)}-01-01`, '2025-12-15') : null;
    const indoor = t.light === 1;
    const proprietaire = t.type === 'Centre équestre' ? rng.pick(['Privé', 'Association']) :
      t.type.startsWith('Piscine') ? rng.pick(['Commune', 'Intercommunalité', 'Intercommunalité']) :
      rng.weighted(PROPRIETAIRES.slice(0, 5), (p) => ({ Commune: 20, Intercommunalité: 5, Département: 2, Région: 1, État: 0.3 })[p]);
    const surf = t.surf[0] + (t.surf[1] - t.surf[0]) * rng.next();
    return {
      id_equipement: `ES27-${pad(i + 1, 4)}`,
      nom: nameFor(t, c, used),
      type: t.type,
      adresse: `${rng.chance(0.7) ? rng.int(1, 120) + ' ' : ''}${rng.pick(RUES)}`,
      code_postal: c.cp,
      code_insee: c.code,
      commune: c.nom,
      latitude: fixed(lat, 6),
      longitude: fixed(lon, 6),
      surface_m2: rng.chance(0.6) ? String(Math.round(surf)) : fixed(surf, 1),
      annee_mise_en_service: year,
      accessible_pmr: String(rng.chance(year > 2005 ? 0.92 : indoor ? 0.7 : 0.5)),
      eclairage: String(rng.chance(t.light)),
      proprietaire,
      nb_places_tribune: t.tribune && rng.chance(0.6) ? rng.int(t.tribune[0], t.tribune[1]) : '',
      date_derniere_renovation: renov ? iso(renov) : '',
      observations: rng.chance(0.2) ? rng.pick(OBS) : '',
    };
  });

  const columns = Object.keys(rows[0]);
  const schema = rowSchema(
    'Équipement sportif',
    'Une ligne par équipement sportif (installation) recensé dans l’Eure.',
    {
      id_equipement: prop('string', 'Identifiant de l’équipement', 'Identifiant unique attribué par le service départemental (ES27- suivi de quatre chiffres).', { pattern: '^ES27-[0-9]{4}$', examples: ['ES27-0001'] }),
      nom: prop('string', 'Nom de l’équipement', 'Nom usuel de l’installation.', { minLength: 2, maxLength: 150, examples: ['Gymnase Jean Moulin'] }),
      type: prop('string', 'Type d’équipement', 'Famille d’équipement sportif.', { enum: typeNames }),
      adresse: prop('string', 'Adresse', 'Numéro et voie.', { examples: ['12 rue des Écoles'] }),
      code_postal: cpProp(),
      code_insee: inseeProp(),
      commune: communeProp(),
      latitude: prop('number', 'Latitude', 'Latitude en degrés décimaux (WGS84).', { minimum: 48.6, maximum: 49.55, examples: [49.024] }),
      longitude: prop('number', 'Longitude', 'Longitude en degrés décimaux (WGS84).', { minimum: 0.25, maximum: 1.85, examples: [1.151] }),
      surface_m2: prop('number', 'Surface (m²)', 'Surface de l’aire d’évolution, en mètres carrés (bassin pour une piscine).', { exclusiveMinimum: 0, maximum: 50000, examples: [1200.5] }),
      annee_mise_en_service: prop('integer', 'Année de mise en service', 'Année d’ouverture au public.', { minimum: 1900, maximum: 2026, examples: [1987] }),
      accessible_pmr: prop('boolean', 'Accessible aux personnes à mobilité réduite', 'true si l’aire d’évolution et les vestiaires sont accessibles.', { examples: [true] }),
      eclairage: prop('boolean', 'Éclairage', 'true si l’équipement est éclairé (usage nocturne possible).'),
      proprietaire: prop('string', 'Propriétaire', 'Catégorie du propriétaire de l’équipement.', { enum: PROPRIETAIRES }),
      nb_places_tribune: prop('integer', 'Places en tribune', 'Nombre de places assises en tribune, si l’équipement en a.', { minimum: 0, maximum: 5000 }),
      date_derniere_renovation: prop('string', 'Date de la dernière rénovation', 'Date de réception des derniers travaux de rénovation (AAAA-MM-JJ).', { format: 'date', examples: ['2021-09-01'] }),
      observations: prop('string', 'Observations', 'Remarques libres.', { maxLength: 500 }),
    },
    ['id_equipement', 'nom', 'type', 'code_insee', 'commune', 'latitude', 'longitude', 'surface_m2', 'annee_mise_en_service', 'accessible_pmr', 'proprietaire'],
    {
      'x-primaryKey': ['id_equipement'],
      'x-geo': { latitude: 'latitude', longitude: 'longitude', crs: 'EPSG:4326' },
    },
  );
  return {
    slug: 'equipements-sportifs',
    dataFile: 'equipements-sportifs.csv',
    columns,
    rows,
    csv: { delim: ',', eol: '\n' },
    schema,
    meta: {
      title: 'Équipements sportifs de l’Eure',
      description:
        DEMO +
        'recensement d’environ 400 équipements sportifs (gymnases, piscines, stades, courts de tennis, city-stades, dojos, skateparks…) situés dans les communes de l’Eure.\n\n' +
        'Chaque équipement est localisé (latitude et longitude WGS84, code INSEE et nom de la commune) et décrit par son type, sa surface, son année de mise en service, son accessibilité aux personnes à mobilité réduite et son propriétaire.\n\n' +
        'Fichier CSV encodé en UTF-8, séparateur virgule, nombres avec un point décimal, booléens true/false.' +
        DEMO_TAIL,
      organization: 'prefecture-eure',
      organization_title: 'Préfecture de l’Eure',
      themes: ['Sports', 'Équipements publics'],
      keywords: ['sport', 'équipement sportif', 'gymnase', 'piscine', 'stade', 'tennis', 'city-stade', 'accessibilité', 'Eure', 'démonstration'],
      frequency: 'annual',
      spatial: { label: 'Département de l’Eure', granularity: 'poi', zones: ['27'] },
      temporal: { start: '2025-01-01', end: '2025-12-31' },
      contact: { name: 'Service départemental à la jeunesse, à l’engagement et aux sports (SDJES 27)', email: 'sdjes27@eure.example' },
    },
  };
}

// =============================================================================================
// 2. Défibrillateurs (Lambert-93)
// =============================================================================================
function defibrillateurs() {
  const rng = makeRng('defibrillateurs');
  const { communes } = geo();
  const LIEUX = [
    { nom: 'Mairie', min: 0, w: 10, indoor: 0.5, once: true },
    { nom: 'Salle des fêtes', min: 0, w: 6, indoor: 0.4, once: true },
    { nom: 'Gymnase', min: 1500, w: 4, indoor: 0.8 },
    { nom: 'Stade', min: 500, w: 3, indoor: 0.2 },
    { nom: 'École', min: 400, w: 3, indoor: 0.7 },
    { nom: 'Collège', min: 2500, w: 2, indoor: 0.9 },
    { nom: 'Pharmacie', min: 1500, w: 3, indoor: 0.3 },
    { nom: 'Supermarché', min: 2500, w: 3, indoor: 0.9 },
    { nom: 'Piscine', min: 6000, w: 1.5, indoor: 1, once: true },
    { nom: 'Gare SNCF', min: 4500, w: 1, indoor: 0.7, once: true },
    { nom: 'Maison de santé', min: 1800, w: 1.5, indoor: 0.8 },
    { nom: 'EHPAD', min: 2000, w: 1.5, indoor: 1 },
    { nom: 'Médiathèque', min: 2000, w: 1.5, indoor: 1 },
    { nom: 'Centre de secours', min: 1000, w: 1, indoor: 0, once: true },
  ];
  const FABRICANTS = {
    ZOLL: ['AED Plus', 'AED 3'],
    Philips: ['HeartStart FRx', 'HeartStart HS1'],
    Schiller: ['FRED PA-1', 'FRED easyport'],
    'Cardiac Science': ['Powerheart G5'],
    'Physio-Control': ['LIFEPAK CR2', 'LIFEPAK 1000'],
    HeartSine: ['samaritan PAD 350P', 'samaritan PAD 360P'],
    Defibtech: ['Lifeline VIEW'],
    Mindray: ['BeneHeart C2'],
  };
  const pickCommune = rng.sampler(communes, (c) => Math.pow(Math.max(c.popRef, 80), 0.6));
  const used = new Set();
  const rows = [];
  let guard = 0;
  while (rows.length < 250 && guard++ < 10000) {
    const c = pickCommune();
    const allowed = LIEUX.filter((l) => c.popRef >= l.min && !(l.once && used.has(c.code + '|' + l.nom)));
    if (!allowed.length) continue;
    const l = rng.weighted(allowed, (x) => x.w);
    let nom;
    switch (l.nom) {
      case 'Mairie': nom = `Mairie ${de(c.nom)}`; break;
      case 'Salle des fêtes': nom = `Salle des fêtes ${de(c.nom)}`; break;
      case 'Gymnase': nom = `Gymnase ${rng.pick(PERSONNALITES)}`; break;
      case 'Stade': nom = `Stade ${rng.pick(PERSONNALITES)}`; break;
      case 'École': nom = `École ${rng.pick(['primaire', 'maternelle', 'élémentaire'])} ${rng.pick(PERSONNALITES)}`; break;
      case 'Collège': nom = `Collège ${rng.pick(PERSONNALITES)}`; break;
      case 'Pharmacie': nom = `Pharmacie ${rng.pick(['du Centre', 'de la Mairie', 'de la Gare', 'du Marché', 'des Tilleuls', 'Saint-Martin'])}`; break;
      case 'Supermarché': nom = `Supermarché – galerie marchande (${c.nom})`; break;
      case 'Piscine': nom = `Piscine ${de(c.nom)}`; break;
      case 'Gare SNCF': nom = `Gare SNCF ${de(c.nom)}`; break;
      case 'Maison de santé': nom = `Maison de santé pluriprofessionnelle ${de(c.nom)}`; break;
      case 'EHPAD': nom = `EHPAD ${rng.pick(['Les Tilleuls', 'Les Glycines', 'Le Clos Fleuri', 'La Roseraie', 'Les Charmilles', 'Saint-Joseph'])}`; break;
      case 'Médiathèque': nom = `Médiathèque ${de(c.nom)}`; break;
      default: nom = `Centre d’incendie et de secours ${de(c.nom)}`;
    }
    if (used.has(c.code + '|' + nom)) continue;
    used.add(c.code + '|' + nom);
    used.add(c.code + '|' + l.nom);

    let x;
    let y;
    for (;;) {
      const [lon, lat] = randomPoint(rng, c);
      [x, y] = L93.forward(lon, lat);
      x = round(x, 2);
      y = round(y, 2);
      const back = L93.inverse(x, y);
      if (inPolys(back, c.all)) break;
    }
    const indoor = rng.chance(l.indoor);
    const allDay = !indoor || l.nom === 'EHPAD' || l.nom === 'Centre de secours';
    const days = allDay ? '7j/7' : rng.pick(['lundi|mardi|mercredi|jeudi|vendredi', 'lundi|mardi|mercredi|jeudi|vendredi|samedi', 'lundi|mardi|jeudi|vendredi', '7j/7']);
    const hours = allDay ? '24h/24' : rng.pick(['heures ouvrables', 'heures ouvrables', 'heures ouvrables|heures de nuit']);
    const install = randDate(rng, '2015-01-01', '2025-10-31');
    const maint = randDate(rng, iso(addDays(install, 30)) > '2025-01-01' ? iso(addDays(install, 30)) : '2025-01-01', '2026-10-31');
    const fab = rng.pick(Object.keys(FABRICANTS));
    rows.push({
      id_dae: '',
      nom,
      exploitant: l.nom === 'Pharmacie' || l.nom === 'Supermarché' ? 'Exploitant privé' : l.nom === 'Collège' ? 'Département de l’Eure' : l.nom === 'Centre de secours' ? 'SDIS 27' : `Commune ${de(c.nom)}`,
      adr_num: rng.chance(0.75) ? String(rng.int(1, 90)) + (rng.chance(0.08) ? ' bis' : '') : '',
      adr_voie: l.nom === 'Mairie' ? 'place de la Mairie' : rng.pick(RUES),
      com_cp: c.cp,
      com_insee: c.code,
      com_nom: c.nom,
      x_l93: fixed(x, 2),
      y_l93: fixed(y, 2),
      acc: indoor ? 'Intérieur' : 'Extérieur',
      acc_lib: indoor ? (allDay ? 'oui' : 'non') : 'oui',
      acc_etg: indoor ? rng.pick(['RDC', 'RDC', 'RDC', '1er étage', 'Sous-sol']) : '',
      acc_complt: rng.chance(0.4) ? rng.pick(['Boîtier chauffé à côté de l’entrée principale', 'Dans le hall, à gauche de l’accueil', 'Près des vestiaires', 'Sur la façade, côté parking', 'Derrière le comptoir d’accueil']) : '',
      disp_j: days,
      disp_h: hours,
      disp_complt: hours === 'heures ouvrables' ? rng.pick(['08:30-12:00, 13:30-17:30', '09:00-12:00, 14:00-18:00', '08:00-19:00', '09:00-12:30']) : '',
      tel1: '026191' + rng.digits(4),
      date_instal: iso(install),
      etat_fonct: rng.weighted(['En fonctionnement', 'Hors service', 'Absent momentanément'], (e) => ({ 'En fonctionnement': 94, 'Hors service': 3, 'Absent momentanément': 3 })[e]),
      fab_rais: fab,
      modele: rng.pick(FABRICANTS[fab]),
      dermnt: iso(maint),
    });
  }
  rows.sort((a, b) => a.com_insee.localeCompare(b.com_insee) || a.nom.localeCompare(b.nom, 'fr'));
  rows.forEach((r, i) => { r.id_dae = `DAE-27-${pad(i + 1, 4)}`; });

  const schema = rowSchema(
    'Défibrillateur automatisé externe',
    'Une ligne par défibrillateur (DAE) accessible au public. Coordonnées en Lambert-93 (EPSG:2154).',
    {
      id_dae: prop('string', 'Identifiant du défibrillateur', 'Identifiant unique du DAE dans ce jeu.', { pattern: '^DAE-27-[0-9]{4}$', examples: ['DAE-27-0001'] }),
      nom: prop('string', 'Nom du site', 'Nom de l’établissement ou du lieu où se trouve l’appareil.', { minLength: 2, examples: ['Mairie de Conches-en-Ouche'] }),
      exploitant: prop('string', 'Exploitant', 'Personne morale responsable de l’appareil.'),
      adr_num: prop('string', 'Numéro dans la voie', 'Numéro, éventuellement suivi d’un indice de répétition.', { examples: ['12', '3 bis'] }),
      adr_voie: prop('string', 'Voie', 'Type et nom de la voie.', { minLength: 3 }),
      com_cp: cpProp(),
      com_insee: inseeProp(),
      com_nom: communeProp(),
      x_l93: prop('number', 'X (Lambert-93)', 'Abscisse en mètres dans la projection Lambert-93 (EPSG:2154).', { minimum: 470000, maximum: 630000, examples: [563841.52] }),
      y_l93: prop('number', 'Y (Lambert-93)', 'Ordonnée en mètres dans la projection Lambert-93 (EPSG:2154).', { minimum: 6830000, maximum: 6940000, examples: [6878912.08] }),
      acc: prop('string', 'Environnement d’accès', 'Appareil placé à l’intérieur ou à l’extérieur du bâtiment.', { enum: ['Intérieur', 'Extérieur'] }),
      acc_lib: prop('boolean', 'Accès libre', 'oui si l’appareil est accessible sans restriction pendant ses heures de disponibilité.', { examples: [true] }),
      acc_etg: prop('string', 'Étage', 'Étage où se trouve l’appareil, s’il est à l’intérieur.', { examples: ['RDC'] }),
      acc_complt: prop('string', 'Complément d’accès', 'Précisions pour trouver l’appareil.'),
      disp_j: prop('string', 'Jours de disponibilité', 'Jours où l’appareil est accessible, séparés par « | », ou « 7j/7 ».', {
        pattern: '^(7j/7|(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(\\|(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))*)$',
        examples: ['7j/7', 'lundi|mardi|mercredi|jeudi|vendredi'],
      }),
      disp_h: prop('string', 'Heures de disponibilité', 'Plages horaires d’accès, séparées par « | ».', { pattern: '^(24h/24|(heures ouvrables|heures de nuit)(\\|(heures ouvrables|heures de nuit))*)$', examples: ['24h/24'] }),
      disp_complt: prop('string', 'Horaires précis', 'Horaires d’ouverture précis (HH:MM-HH:MM, séparés par des virgules).', { examples: ['08:30-12:00, 13:30-17:30'] }),
      tel1: prop('string', 'Téléphone', 'Numéro de téléphone du site (numéros fictifs de la plage réservée par l’Arcep).', { pattern: '^0[1-9][0-9]{8}$' }),
      date_instal: prop('string', 'Date d’installation', 'Date de mise en place de l’appareil (AAAA-MM-JJ).', { format: 'date', examples: ['2019-05-14'] }),
      etat_fonct: prop('string', 'État de fonctionnement', 'État connu de l’appareil à la dernière mise à jour.', { enum: ['En fonctionnement', 'Hors service', 'Absent momentanément', 'Supprimé définitivement', 'Inconnu'] }),
      fab_rais: prop('string', 'Fabricant', 'Raison sociale (ou marque) du fabricant.'),
      modele: prop('string', 'Modèle', 'Modèle de l’appareil.'),
      dermnt: prop('string', 'Date de la dernière maintenance', 'Date de la dernière maintenance préventive (AAAA-MM-JJ).', { format: 'date' }),
    },
    ['id_dae', 'nom', 'adr_voie', 'com_insee', 'com_nom', 'x_l93', 'y_l93', 'acc', 'acc_lib', 'disp_j', 'disp_h', 'tel1', 'date_instal', 'etat_fonct', 'fab_rais', 'modele', 'dermnt'],
    {
      'x-primaryKey': ['id_dae'],
      'x-geo': { latitude: 'y_l93', longitude: 'x_l93', crs: 'EPSG:2154' },
    },
  );
  return {
    slug: 'defibrillateurs',
    dataFile: 'defibrillateurs.csv',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ';', eol: '\r\n', bom: true },
    schema,
    meta: {
      title: 'Défibrillateurs (DAE) de l’Eure',
      description:
        DEMO +
        'localisation et disponibilité d’environ 250 défibrillateurs automatisés externes (DAE) accessibles au public dans l’Eure : mairies, salles des fêtes, gymnases, pharmacies, gares…\n\n' +
        'Les colonnes reprennent en partie le schéma national des DAE (Géo’DAE). Les coordonnées sont exprimées **en Lambert-93 (EPSG:2154)**, colonnes `x_l93` et `y_l93`, en mètres.\n\n' +
        'Fichier CSV encodé en UTF-8 avec BOM, séparateur point-virgule, fins de ligne CRLF, booléens oui/non. Les numéros de téléphone appartiennent à la plage réservée aux œuvres de fiction.' +
        DEMO_TAIL,
      organization: 'sdis-27',
      organization_title: 'Service départemental d’incendie et de secours de l’Eure (SDIS 27)',
      themes: ['Santé', 'Sécurité'],
      keywords: ['défibrillateur', 'DAE', 'santé', 'secours', 'arrêt cardiaque', 'Lambert-93', 'Eure', 'démonstration'],
      frequency: 'monthly',
      spatial: { label: 'Département de l’Eure', granularity: 'poi', zones: ['27'] },
      temporal: { start: '2015-01-01', end: '2026-10-31' },
      contact: { name: 'SDIS 27 – service prévention', email: 'prevention@sdis27.example' },
    },
  };
}

// =============================================================================================
// 3. Subventions aux associations (SCDL, Windows-1252, Table Schema)
// =============================================================================================
const ID_ATTRIBUANT = '22270001500019'; // SIREN 222700015 et SIRET valides (clé de Luhn)

function subventionsAssociations() {
  const rng = makeRng('subventions-associations');
  const { communes } = geo();
  const bigTowns = communes.filter((c) => c.popRef >= 1800);
  const town = () => rng.weighted(bigTowns, (c) => Math.sqrt(c.popRef)).nom;
  const RIVIERES = ['de l’Iton', 'de la Risle', 'de la Charentonne', 'de l’Epte', 'de l’Andelle', 'de l’Eure', 'de l’Avre', 'de la Seine'];
  const SECTEURS = [
    {
      w: 30,
      dispositif: 'Fonds départemental de soutien au sport',
      noms: [
        () => `Comité départemental de ${rng.pick(['handball', 'basket-ball', 'judo', 'natation', 'tennis de table', 'cyclisme', 'athlétisme', 'football', 'gymnastique', 'tir à l’arc'])} de l’Eure`,
        () => `Union sportive ${de(town())}`,
        () => `Judo club ${de(town())}`,
        () => `Tennis club ${de(town())}`,
        () => `Entente cycliste ${de(town())}`,
        () => `Association sportive ${de(town())} – section football`,
        () => `Cercle d’escrime ${de(town())}`,
      ],
      objets: [
        (y) => `Aide au fonctionnement – saison ${y}-${y + 1}`,
        (y) => `Organisation du tournoi régional jeunes ${y}`,
        (y, budget) => `Acquisition de matériel sportif (dépense subventionnable : ${frNumber(budget, 0)} €)`,
        (y) => `Déplacements en championnat de France, saison ${y}-${y + 1}`,
        () => 'Stage d’été « Sport pour tous » ouvert aux jeunes des quartiers prioritaires',
      ],
      montant: [300, 25000],
    },
    {
      w: 22,
      dispositif: 'Aide départementale aux projets culturels',
      noms: [
        () => `Harmonie municipale ${de(town())}`,
        () => `Compagnie théâtrale Les Tréteaux ${de(town())}`,
        () => `Les Amis du patrimoine ${de(town())}`,
        () => `École de musique intercommunale ${de(town())}`,
        () => `Association du festival « ${rng.pick(['Jazz en Eure', 'Les Nuits de la Risle', 'Contes en Vexin', 'Rock’n’Iton', 'Les Estivales de l’Andelle', 'Lire en Ouche'])} »`,
        () => `Chorale « ${rng.pick(['La Clé des chants', 'Vox Normandie', 'Les Voix de l’Eure', 'À cœur joie'])} »`,
      ],
      objets: [
        (y) => `Organisation du festival – édition ${y}`,
        (y) => `Saison culturelle ${y} : programmation et actions de médiation`,
        () => 'Restauration de l’orgue de l’église Saint-Martin',
        (y) => `Résidence d’artistes dans les collèges, année scolaire ${y}-${y + 1}`,
        () => 'Exposition « Mémoires de la vallée », création et itinérance',
      ],
      montant: [800, 60000],
    },
    {
      w: 20,
      dispositif: 'Programme départemental d’insertion',
      noms: [
        () => `Épicerie solidaire ${de(town())}`,
        () => `Association d’entraide ${de(town())}`,
        () => `Les Jardins du cœur ${de(town())}`,
        () => `Atelier chantier d’insertion « ${rng.pick(['Récup’Eure', 'Cap Emploi Vert', 'Tremplin Normand', 'Les Ateliers du Val'])} »`,
        () => 'Association départementale d’aide aux victimes de l’Eure',
        () => 'Fédération des centres sociaux de l’Eure',
      ],
      objets: [
        (y) => `Aide au fonctionnement ${y}`,
        (y) => `Accompagnement socioprofessionnel des allocataires du RSA, année ${y}`,
        () => 'Distribution alimentaire et ateliers cuisine ; achat d’un véhicule réfrigéré',
        (y) => `Permanences d’accès aux droits, ${y}`,
      ],
      montant: [2000, 150000],
    },
    {
      w: 12,
      dispositif: 'Plan départemental de l’environnement',
      noms: [
        () => `Association de sauvegarde de la vallée ${rng.pick(RIVIERES)}`,
        () => `Société d’histoire naturelle ${de(town())}`,
        () => 'Conservatoire des vergers normands de l’Eure',
        () => `Association de pêche et de protection du milieu aquatique ${de(town())}`,
      ],
      objets: [
        (y) => `Animations nature dans les écoles, ${y}`,
        () => 'Inventaire des mares et des zones humides du bassin versant',
        () => 'Plantation de haies bocagères – 2,5 km linéaires',
        () => 'Restauration de frayères et entretien des berges',
      ],
      montant: [500, 40000],
    },
    {
      w: 16,
      dispositif: 'Fonds d’aide aux initiatives jeunesse',
      noms: [
        () => `Maison des jeunes et de la culture ${de(town())}`,
        () => `Foyer socio-éducatif du collège ${rng.pick(PERSONNALITES)} ${de(town())}`,
        () => `Association des parents d’élèves ${de(town())}`,
        () => `Centre de loisirs « ${rng.pick(['Les P’tits Loups', 'L’Île aux enfants', 'Les Copains d’abord'])} »`,
      ],
      objets: [
        (y) => `Séjour pédagogique à l’étranger, printemps ${y}`,
        (y) => `Accueil de loisirs sans hébergement, été ${y}`,
        () => 'Projet « Jeunes reporters » : création d’un journal en ligne',
        () => 'Aide au BAFA pour les animateurs bénévoles…',
      ],
      montant: [300, 20000],
    },
  ];

  // Registre d'associations (une même association peut recevoir plusieurs aides sur plusieurs années)
  const assos = [];
  const names = new Set();
  while (assos.length < 190) {
    const s = rng.weighted(SECTEURS, (x) => x.w);
    const nom = rng.pick(s.noms)();
    if (names.has(nom)) continue;
    names.add(nom);
    assos.push({
      nom,
      secteur: s,
      siret: randomSiret(rng),
      rna: rng.chance(0.85) ? 'W' + rng.pick(['271', '272', '273']) + rng.digits(6) : '',
    });
  }
  const rows = [];
  const keys = new Set();
  const seqByYear = {};
  for (let i = 0; i < 300; i++) {
    const a = rng.pick(assos);
    const s = a.secteur;
    const d = randDate(rng, '2019-01-15', '2025-12-12');
    const y = d.getUTCFullYear();
    seqByYear[y] = (seqByYear[y] || 0) + 1;
    const ref = `CP-${y}-${pad(d.getUTCMonth() + 1, 2)}-${pad(seqByYear[y], 3)}`;
    keys.add(ref);
    let montant = s.montant[0] + Math.pow(rng.next(), 2.2) * (s.montant[1] - s.montant[0]);
    montant = rng.chance(0.7) ? Math.round(montant / 50) * 50 : round(montant, 2);
    // Part subventionnée et coût du projet cohérents avec le montant
    const budget = rng.chance(0.3) ? montant : Math.max(montant, Math.round(montant / rng.float(0.05, 0.8) / 100) * 100);
    const pct = Math.min(1, Math.max(0.01, round(montant / budget, 2)));
    const nature = rng.weighted(['aide en numéraire', 'aide en nature', 'aide en numéraire;aide en nature'], (n) => ({ 'aide en numéraire': 90, 'aide en nature': 4, 'aide en numéraire;aide en nature': 6 })[n]);
    const cond = montant > 23000 ? 'échelonné' : rng.pick(['unique', 'unique', 'échelonné']);
    const start = addDays(d, rng.int(10, 60));
    const end = cond === 'unique' ? start : addDays(start, rng.int(90, 330));
    rows.push({
      nomAttribuant: 'Département de l’Eure',
      idAttribuant: ID_ATTRIBUANT,
      dateConvention: frDate(d),
      referenceDecision: ref,
      nomBeneficiaire: a.nom,
      idBeneficiaire: a.siret,
      rnaBeneficiaire: a.rna,
      objet: rng.pick(s.objets)(y, budget),
      montant: frNumber(montant, 2),
      nature,
      conditionsVersement: cond,
      datesPeriodeVersement: cond === 'unique' ? iso(start) : `${iso(start)}/${iso(end)}`,
      idRAE: rng.chance(0.05) ? rng.digits(5) : '',
      notificationUE: rng.chance(0.03) ? 'oui' : 'non',
      pourcentageSubvention: frNumber(pct, 2),
      dispositifAide: s.dispositif,
    });
  }
  rows.sort((p, q) => {
    const dp = p.dateConvention.split('/').reverse().join('');
    const dq = q.dateConvention.split('/').reverse().join('');
    return dp.localeCompare(dq) || p.referenceDecision.localeCompare(q.referenceDecision);
  });

  const f = (name, type, title, description, extra = {}) => ({ name, type, title, description, ...extra });
  const schema = {
    $schema: 'https://specs.frictionlessdata.io/schemas/table-schema.json',
    name: 'subventions-associations-eure',
    title: 'Subventions du Département de l’Eure aux associations',
    description: 'Table Schema des subventions attribuées aux associations, sur le modèle du schéma national SCDL « subventions » (données de démonstration, fictives). Nombres à virgule décimale et espace séparateur de milliers, dates au format JJ/MM/AAAA, booléens oui/non.',
    missingValues: [''],
    fields: [
      f('nomAttribuant', 'string', 'Nom de l’attribuant', 'Nom de la collectivité qui attribue la subvention.', { example: 'Département de l’Eure', constraints: { required: true } }),
      f('idAttribuant', 'string', 'SIRET de l’attribuant', 'Identifiant SIRET (14 chiffres) de l’attribuant.', { example: ID_ATTRIBUANT, constraints: { required: true, pattern: '^\\d{14}$' } }),
      f('dateConvention', 'date', 'Date de la convention', 'Date de signature de la convention (JJ/MM/AAAA).', { format: '%d/%m/%Y', example: '15/03/2024', constraints: { required: true } }),
      f('referenceDecision', 'string', 'Référence de la décision', 'Référence de la décision de la commission permanente ; unique par subvention dans ce jeu.', { example: 'CP-2024-03-041', constraints: { required: true, pattern: '^CP-[0-9]{4}-[0-9]{2}-[0-9]{3}$' } }),
      f('nomBeneficiaire', 'string', 'Nom du bénéficiaire', 'Nom de l’association bénéficiaire.', { constraints: { required: true } }),
      f('idBeneficiaire', 'string', 'SIRET du bénéficiaire', 'Identifiant SIRET (14 chiffres) de l’association bénéficiaire.', { constraints: { required: true, pattern: '^\\d{14}$' } }),
      f('rnaBeneficiaire', 'string', 'Numéro RNA du bénéficiaire', 'Numéro au Répertoire national des associations (W suivi de 9 chiffres).', { example: 'W271001234', constraints: { pattern: '^W\\d{9}$' } }),
      f('objet', 'string', 'Objet', 'Objet de la subvention.', { constraints: { required: true, maxLength: 256 } }),
      f('montant', 'number', 'Montant (€)', 'Montant de la subvention en euros, virgule décimale et espace séparateur de milliers.', { decimalChar: ',', groupChar: ' ', example: '12 500,00', constraints: { required: true, minimum: 0 } }),
      f('nature', 'string', 'Nature de l’aide', 'Aide en numéraire, en nature, ou les deux.', { constraints: { required: true, enum: ['aide en numéraire', 'aide en nature', 'aide en numéraire;aide en nature', 'aide en nature;aide en numéraire'] } }),
      f('conditionsVersement', 'string', 'Conditions de versement', 'Versement unique ou échelonné.', { constraints: { required: true, enum: ['unique', 'échelonné'] } }),
      f('datesPeriodeVersement', 'string', 'Dates ou période de versement', 'Date (AAAA-MM-JJ) ou période (AAAA-MM-JJ/AAAA-MM-JJ) de versement, comme dans le schéma SCDL.', { example: '2024-04-01/2024-12-31', constraints: { required: true, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}(/[0-9]{4}-[0-9]{2}-[0-9]{2})?$' } }),
      f('idRAE', 'string', 'Identifiant RAE', 'Identifiant au registre des aides d’État, le cas échéant.', { constraints: { maxLength: 5 } }),
      f('notificationUE', 'boolean', 'Notification à l’UE', 'oui si l’aide a fait l’objet d’une notification à la Commission européenne.', { trueValues: ['oui'], falseValues: ['non'], constraints: { required: true } }),
      f('pourcentageSubvention', 'number', 'Part subventionnée', 'Part du coût du projet couverte par la subvention (entre 0,01 et 1).', { decimalChar: ',', example: '0,45', constraints: { required: true, minimum: 0.01, maximum: 1 } }),
      f('dispositifAide', 'string', 'Dispositif d’aide', 'Nom du dispositif départemental dans lequel s’inscrit l’aide.', {}),
    ],
    primaryKey: ['referenceDecision'],
  };
  return {
    slug: 'subventions-associations',
    dataFile: 'subventions-associations.csv',
    schemaFile: 'schema.tableschema.json',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ';', eol: '\r\n', encoding: 'windows-1252' },
    schema,
    meta: {
      title: 'Subventions du Département de l’Eure aux associations',
      description:
        DEMO +
        'environ 300 subventions versées par le Département de l’Eure à des associations sportives, culturelles, sociales, environnementales et de jeunesse entre 2019 et 2025.\n\n' +
        'Les colonnes suivent le schéma national SCDL des subventions (nomAttribuant, idAttribuant, dateConvention, nomBeneficiaire, idBeneficiaire, objet, montant, nature, conditionsVersement, notificationUE…), décrit ici par un **Table Schema** Frictionless. Les associations et leurs SIRET (clé de Luhn valide) sont inventés.\n\n' +
        'Fichier tel qu’exporté d’un tableur : encodage **Windows-1252**, séparateur point-virgule, fins de ligne CRLF, montants au format « 12 500,00 », dates au format JJ/MM/AAAA, booléens oui/non.' +
        DEMO_TAIL,
      organization: 'departement-eure',
      organization_title: 'Département de l’Eure',
      themes: ['Économie', 'Société', 'Finances publiques'],
      keywords: ['subvention', 'association', 'SCDL', 'budget', 'vie associative', 'Département', 'Eure', 'démonstration'],
      frequency: 'annual',
      spatial: { label: 'Département de l’Eure', granularity: 'department', zones: ['27'] },
      temporal: { start: '2019-01-01', end: '2025-12-31' },
      contact: { name: 'Département de l’Eure – direction des finances', email: 'opendata@eure.example' },
    },
  };
}

// =============================================================================================
// 4. Population des communes
// =============================================================================================
function populationCommunes() {
  const rng = makeRng('population-communes');
  const { communes } = geo();
  const rows = communes
    .slice()
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => {
      const pm = Math.max(12, Math.round(Math.max(c.popRef, 15) * (1 + rng.float(-0.03, 0.03))));
      const cap = Math.round(pm * rng.float(0.004, c.popRef > 5000 ? 0.035 : 0.025));
      const surf = round(c.areaKm2, 2);
      return {
        code_insee: c.code,
        nom_commune: c.nom,
        code_arrondissement: c.arrondissement,
        arrondissement: c.arrondissementNom,
        code_canton: c.canton.code,
        canton: c.canton.nom,
        siren_epci: c.epci ? c.epci.siren : '',
        epci: c.epci ? c.epci.nom : '',
        population_municipale: pm,
        population_comptee_a_part: cap,
        population_totale: pm + cap,
        superficie_km2: frNumber(surf, 2, false),
        densite_hab_km2: frNumber(pm / surf, 1, false),
      };
    });
  const schema = rowSchema(
    'Population d’une commune',
    'Une ligne par commune de l’Eure (communes au 1er janvier 2026). Valeurs de population fictives.',
    {
      code_insee: inseeProp(),
      nom_commune: communeProp(),
      code_arrondissement: prop('string', 'Code de l’arrondissement', 'Code INSEE de l’arrondissement (271 Les Andelys, 272 Bernay, 273 Évreux).', { enum: ['271', '272', '273'] }),
      arrondissement: prop('string', 'Arrondissement', 'Nom de l’arrondissement.', { enum: ['Les Andelys', 'Bernay', 'Évreux'] }),
      code_canton: prop('string', 'Code du canton', 'Code du canton (découpage de 2015) où se trouve le chef-lieu de la commune.', { pattern: '^27[0-9]{2}$', examples: ['2709'] }),
      canton: prop('string', 'Canton', 'Nom du canton (découpage de 2015).', { examples: ['Évreux-1'] }),
      siren_epci: prop('string', 'SIREN de l’EPCI', 'SIREN de l’établissement public de coopération intercommunale à fiscalité propre.', { pattern: '^[0-9]{9}$', examples: ['200071454'] }),
      epci: prop('string', 'EPCI', 'Nom de l’intercommunalité.', { examples: ['CA Evreux Portes de Normandie'] }),
      population_municipale: prop('integer', 'Population municipale', 'Personnes ayant leur résidence habituelle dans la commune (valeur fictive).', { minimum: 0, examples: [1234] }),
      population_comptee_a_part: prop('integer', 'Population comptée à part', 'Personnes résidant ailleurs mais gardant un lien avec la commune (valeur fictive).', { minimum: 0 }),
      population_totale: prop('integer', 'Population totale', 'Population municipale plus population comptée à part (valeur fictive).', { minimum: 0 }),
      superficie_km2: prop('number', 'Superficie (km²)', 'Superficie de la commune en kilomètres carrés, virgule décimale.', { exclusiveMinimum: 0, maximum: 200, 'x-decimalChar': ',', 'x-groupChar': ' ', examples: [12.34] }),
      densite_hab_km2: prop('number', 'Densité (hab./km²)', 'Population municipale divisée par la superficie, virgule décimale.', { minimum: 0, 'x-decimalChar': ',', 'x-groupChar': ' ', examples: [104.7] }),
    },
    ['code_insee', 'nom_commune', 'code_arrondissement', 'arrondissement', 'canton', 'population_municipale', 'population_comptee_a_part', 'population_totale', 'superficie_km2', 'densite_hab_km2'],
    {
      'x-primaryKey': ['code_insee'],
      'x-uniqueKeys': [['nom_commune']],
      'x-geo': { commune: 'code_insee' },
    },
  );
  return {
    slug: 'population-communes',
    dataFile: 'population-communes.csv',
    schemaLocation: 'shared',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ';', eol: '\r\n' },
    schema,
    meta: {
      title: 'Population des communes de l’Eure',
      description:
        DEMO +
        'population municipale, comptée à part et totale des 585 communes de l’Eure au 1er janvier 2026, avec leur superficie, leur densité, leur arrondissement, leur canton et leur intercommunalité.\n\n' +
        '**Les effectifs sont fictifs** (valeurs plausibles mais perturbées) : pour les populations légales officielles, se reporter à l’INSEE. Les codes INSEE, noms, arrondissements et EPCI sont ceux du Code officiel géographique 2026 ; les superficies sont calculées à partir de contours simplifiés ; le canton est celui du découpage de 2015 où se trouve le chef-lieu.\n\n' +
        'Le code INSEE permet de dessiner une carte choroplèthe. Fichier CSV en UTF-8, séparateur point-virgule, virgule décimale.' +
        DEMO_TAIL,
      organization: 'departement-eure',
      organization_title: 'Département de l’Eure',
      themes: ['Société', 'Territoires'],
      keywords: ['population', 'démographie', 'commune', 'densité', 'canton', 'arrondissement', 'intercommunalité', 'Eure', 'démonstration'],
      frequency: 'annual',
      spatial: { label: 'Communes de l’Eure', granularity: 'commune', zones: ['27'] },
      temporal: { start: '2026-01-01', end: '2026-12-31' },
      contact: { name: 'Département de l’Eure – observatoire territorial', email: 'opendata@eure.example' },
    },
  };
}

// =============================================================================================
// 5. Bornes de recharge (IRVE simplifié)
// =============================================================================================
function bornesRecharge() {
  const rng = makeRng('bornes-recharge');
  const { communes } = geo();
  const IMPL = ['Voirie', 'Parking public', 'Parking privé à usage public', 'Parking privé réservé à la clientèle', 'Station dédiée à la recharge rapide'];
  const PROFILS = [
    { op: 'SIEGE 27', code: 'S27', enseigne: 'Réseau de recharge du SIEGE 27', w: 55, kw: [7.4, 22, 22, 22, 24], pdc: [2, 2, 2, 4], impl: ['Voirie', 'Parking public'], prises: ['T2', 'EF'], gratuit: 0, h247: 1, minPop: 300 },
    { op: 'Izivia', code: 'IZV', enseigne: 'Izivia', w: 10, kw: [22, 50, 50], pdc: [2, 3], impl: ['Parking public'], prises: ['T2', 'CCS'], gratuit: 0, h247: 0.8, minPop: 2500 },
    { op: 'Lidl France', code: 'LDL', enseigne: 'Lidl', w: 8, kw: [50, 150], pdc: [2, 4], impl: ['Parking privé à usage public'], prises: ['T2', 'CCS'], gratuit: 0.3, h247: 0, minPop: 3000, hours: 'Mo-Sa 08:30-20:00' },
    { op: 'E.Leclerc', code: 'ELC', enseigne: 'E.Leclerc', w: 6, kw: [22, 100, 150], pdc: [2, 4, 6], impl: ['Parking privé à usage public'], prises: ['T2', 'CCS'], gratuit: 0, h247: 0.5, minPop: 3500, hours: 'Mo-Sa 08:30-20:30' },
    { op: 'Electra', code: 'ELE', enseigne: 'Electra', w: 5, kw: [150, 300], pdc: [4, 6, 8], impl: ['Station dédiée à la recharge rapide'], prises: ['CCS'], gratuit: 0, h247: 1, minPop: 6000 },
    { op: 'Power Dot France', code: 'PWD', enseigne: 'Power Dot', w: 6, kw: [22, 50, 75], pdc: [2, 4], impl: ['Parking privé à usage public'], prises: ['T2', 'CCS', 'CHAdeMO'], gratuit: 0, h247: 0.6, minPop: 3000, hours: 'Mo-Su 07:00-22:00' },
    { op: 'Freshmile', code: 'FRM', enseigne: 'Freshmile', w: 6, kw: [11, 22], pdc: [1, 2], impl: ['Parking privé réservé à la clientèle'], prises: ['T2'], gratuit: 0.6, h247: 0.2, minPop: 500, hours: 'Mo-Su 07:00-23:00' },
    { op: 'Ionity', code: 'ION', enseigne: 'Ionity', w: 0, kw: [350], pdc: [6, 8], impl: ['Station dédiée à la recharge rapide'], prises: ['CCS'], gratuit: 0, h247: 1, minPop: 0 },
  ];
  const PRISE_LABEL = { T2: 'Type 2', EF: 'E/F', CCS: 'Combo CCS', CHAdeMO: 'CHAdeMO' };
  const pickCommune = rng.sampler(communes, (c) => Math.pow(Math.max(c.popRef, 60), 0.7));
  const rows = [];
  const ids = new Set();
  function add(c, p, nomStation) {
    let n = 1;
    while (ids.has(`FR${p.code}P${c.code}${pad(n, 2)}`)) n++;
    const id = `FR${p.code}P${c.code}${pad(n, 2)}`;
    ids.add(id);
    const [lon, lat] = randomPoint(rng, c);
    const kw = rng.pick(p.kw);
    const prises = p.prises.filter((x) => x !== 'CHAdeMO' || rng.chance(0.5));
    if (kw <= 22 && prises.includes('CCS') && prises.length > 1) prises.splice(prises.indexOf('CCS'), 1);
    if (kw > 22 && !prises.includes('CCS')) prises.push('CCS');
    const h247 = !p.hours || rng.chance(p.h247);
    const gratuit = rng.chance(p.gratuit);
    const tarif = gratuit ? '' : kw >= 50 ? `${frNumber(rng.pick([0.39, 0.45, 0.49, 0.55, 0.59]), 2)} €/kWh` : `${frNumber(rng.pick([0.25, 0.3, 0.35]), 2)} €/kWh, puis ${frNumber(rng.pick([0.02, 0.05]), 2)} €/min après 2 h`;
    const mes = randDate(rng, p.op === 'SIEGE 27' ? '2015-03-01' : '2019-01-01', '2025-12-15');
    rows.push({
      id_station_itinerance: id,
      nom_station: nomStation,
      nom_operateur: p.op,
      nom_enseigne: p.enseigne,
      implantation_station: rng.pick(p.impl),
      adresse_station: `${rng.chance(0.6) ? rng.int(1, 150) + ' ' : ''}${rng.pick(RUES)} ${c.cp} ${c.nom}`,
      code_insee_commune: c.code,
      commune: c.nom,
      latitude: fixed(lat, 6),
      longitude: fixed(lon, 6),
      nbre_pdc: rng.pick(p.pdc),
      puissance_nominale: fixed(kw, 1),
      prise_type_ef: String(prises.includes('EF')),
      prise_type_2: String(prises.includes('T2')),
      prise_type_combo_ccs: String(prises.includes('CCS')),
      prise_type_chademo: String(prises.includes('CHAdeMO')),
      types_prise: prises.map((x) => PRISE_LABEL[x]).join(', '),
      gratuit: String(gratuit),
      paiement_cb: String(kw >= 50 || rng.chance(0.4)),
      tarification: tarif,
      acces_24_7: String(h247),
      horaires: h247 ? '24/7' : p.hours,
      accessibilite_pmr: rng.weighted(['Réservé PMR', 'Accessible mais non réservé PMR', 'Non accessible', 'Accessibilité inconnue'], (a) => ({ 'Réservé PMR': 8, 'Accessible mais non réservé PMR': 60, 'Non accessible': 12, 'Accessibilité inconnue': 20 })[a]),
      date_mise_en_service: iso(mes),
      date_maj: iso(randDate(rng, iso(mes) > '2025-06-01' ? iso(mes) : '2025-06-01', '2026-11-15')),
    });
  }
  // Recharge ultra-rapide sur les aires de l'A13
  add(communeByName('Vironvay'), PROFILS[7], 'Aire de Vironvay (A13)');
  add(communeByName('Bosgouet'), PROFILS[7], 'Aire de Bosgouet (A13)');
  while (rows.length < 150) {
    const c = pickCommune();
    const p = rng.weighted(PROFILS.filter((x) => c.popRef >= x.minPop), (x) => x.w);
    const nom =
      p.op === 'SIEGE 27' ? `${c.nom} – ${rng.pick(['place de la Mairie', 'parking de la salle des fêtes', 'place du Marché', 'parking de la gare', 'parking de l’église', 'rue principale'])}` :
      p.impl[0].startsWith('Parking privé') && p.op !== 'Freshmile' ? `${p.enseigne} ${c.nom}` :
      p.op === 'Freshmile' ? `${rng.pick(['Hôtel', 'Restaurant', 'Camping', 'Golf', 'Domaine'])} ${rng.pick(['du Val', 'des Tilleuls', 'de la Forêt', 'du Moulin', 'de la Risle', 'du Château'])} – ${c.nom}` :
      `${p.enseigne} ${c.nom}`;
    add(c, p, nom);
  }
  rows.sort((a, b) => a.code_insee_commune.localeCompare(b.code_insee_commune) || a.id_station_itinerance.localeCompare(b.id_station_itinerance));
  const bool = (title, description) => prop('boolean', title, description);
  const schema = rowSchema(
    'Station de recharge pour véhicules électriques',
    'Une ligne par station de recharge (IRVE), inspirée du schéma national IRVE statique.',
    {
      id_station_itinerance: prop('string', 'Identifiant de station (itinérance)', 'Identifiant national de la station : FR, code opérateur, P, puis identifiant local.', { pattern: '^FR[A-Z0-9]{3}P[A-Z0-9]{1,30}$', examples: ['FRS27P2722901'] }),
      nom_station: prop('string', 'Nom de la station', 'Nom usuel de la station.', { minLength: 2 }),
      nom_operateur: prop('string', 'Opérateur', 'Opérateur de la station.', { examples: ['SIEGE 27'] }),
      nom_enseigne: prop('string', 'Enseigne', 'Nom commercial du réseau.'),
      implantation_station: prop('string', 'Implantation', 'Type d’emplacement de la station.', { enum: IMPL }),
      adresse_station: prop('string', 'Adresse', 'Adresse complète de la station.'),
      code_insee_commune: inseeProp(),
      commune: communeProp(),
      latitude: prop('number', 'Latitude', 'Latitude en degrés décimaux (WGS84).', { minimum: 48.6, maximum: 49.55 }),
      longitude: prop('number', 'Longitude', 'Longitude en degrés décimaux (WGS84).', { minimum: 0.25, maximum: 1.85 }),
      nbre_pdc: prop('integer', 'Nombre de points de charge', 'Nombre de points de charge de la station.', { minimum: 1, maximum: 20 }),
      puissance_nominale: prop('number', 'Puissance nominale (kW)', 'Puissance maximale délivrable par point de charge, en kilowatts.', { exclusiveMinimum: 0, maximum: 400, examples: [22.0] }),
      prise_type_ef: bool('Prise domestique E/F', 'true si la station propose une prise domestique E/F.'),
      prise_type_2: bool('Prise Type 2', 'true si la station propose une prise Type 2.'),
      prise_type_combo_ccs: bool('Prise Combo CCS', 'true si la station propose une prise Combo CCS (charge rapide en courant continu).'),
      prise_type_chademo: bool('Prise CHAdeMO', 'true si la station propose une prise CHAdeMO.'),
      types_prise: prop('string', 'Types de prise', 'Liste lisible des types de prise, séparés par des virgules.', { examples: ['Type 2, E/F'] }),
      gratuit: bool('Recharge gratuite', 'true si la recharge est gratuite.'),
      paiement_cb: bool('Paiement par carte bancaire', 'true si le paiement par carte bancaire est possible sur place.'),
      tarification: prop('string', 'Tarification', 'Tarif en clair (euros TTC).', { examples: ['0,35 €/kWh'] }),
      acces_24_7: bool('Accessible 24 h/24, 7 j/7', 'true si la station est accessible en permanence.'),
      horaires: prop('string', 'Horaires', 'Horaires d’accès au format OpenStreetMap opening_hours, ou 24/7.', { examples: ['24/7', 'Mo-Sa 08:30-20:00'] }),
      accessibilite_pmr: prop('string', 'Accessibilité PMR', 'Accessibilité de la station aux personnes à mobilité réduite.', { enum: ['Réservé PMR', 'Accessible mais non réservé PMR', 'Non accessible', 'Accessibilité inconnue'] }),
      date_mise_en_service: prop('string', 'Date de mise en service', 'Date de mise en service de la station (AAAA-MM-JJ).', { format: 'date' }),
      date_maj: prop('string', 'Date de mise à jour', 'Date de dernière mise à jour de la ligne (AAAA-MM-JJ).', { format: 'date' }),
    },
    ['id_station_itinerance', 'nom_station', 'nom_operateur', 'implantation_station', 'adresse_station', 'code_insee_commune', 'latitude', 'longitude', 'nbre_pdc', 'puissance_nominale', 'prise_type_ef', 'prise_type_2', 'prise_type_combo_ccs', 'prise_type_chademo', 'gratuit', 'acces_24_7', 'horaires', 'accessibilite_pmr', 'date_maj'],
    {
      'x-primaryKey': ['id_station_itinerance'],
      'x-geo': { latitude: 'latitude', longitude: 'longitude', crs: 'EPSG:4326' },
    },
  );
  return {
    slug: 'bornes-recharge',
    dataFile: 'bornes-recharge.csv',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ',', eol: '\r\n' },
    schema,
    meta: {
      title: 'Bornes de recharge pour véhicules électriques dans l’Eure',
      description:
        DEMO +
        'environ 150 stations de recharge pour véhicules électriques (IRVE) dans l’Eure : réseau public du syndicat d’énergie, enseignes de la grande distribution, stations de recharge rapide sur les axes et aires d’autoroute.\n\n' +
        'Pour chaque station : opérateur, identifiant d’itinérance, nombre de points de charge, puissance nominale en kW, types de prise, gratuité, accessibilité 24 h/24, coordonnées WGS84 et code INSEE de la commune. Colonnes inspirées du schéma national IRVE statique (une ligne par station et non par point de charge).\n\n' +
        'Fichier CSV en UTF-8, séparateur virgule, fins de ligne CRLF, booléens true/false.' +
        DEMO_TAIL,
      organization: 'syndicat-energie-eure',
      organization_title: 'Syndicat intercommunal de l’électricité et du gaz de l’Eure (SIEGE 27)',
      themes: ['Énergie', 'Transports'],
      keywords: ['IRVE', 'borne de recharge', 'véhicule électrique', 'mobilité électrique', 'énergie', 'Eure', 'démonstration'],
      frequency: 'monthly',
      spatial: { label: 'Département de l’Eure', granularity: 'poi', zones: ['27'] },
      temporal: { start: '2015-03-01', end: '2026-11-15' },
      contact: { name: 'SIEGE 27 – mobilité électrique', email: 'irve@siege27.example' },
    },
  };
}

// =============================================================================================
// 6. Délibérations du Conseil départemental
// =============================================================================================
function deliberationsConseil() {
  const rng = makeRng('deliberations-conseil');
  const { communes } = geo();
  const towns = communes.filter((c) => c.popRef >= 1500);
  const town = () => rng.weighted(towns, (c) => Math.sqrt(c.popRef)).nom;
  const ROUTES = ['RD 613', 'RD 6015', 'RD 6014', 'RD 840', 'RD 830', 'RD 675', 'RD 438', 'RD 316', 'RD 155', 'RD 81', 'RD 133', 'RD 312', 'RD 46', 'RD 71'];
  const EPCIS = [...new Set(communes.filter((c) => c.epci).map((c) => c.epci.nom))];
  const money = () => frNumber(rng.int(4, 400) * 5000, 0);
  const THEMES = {
    Finances: [
      (y) => `Garantie d’emprunt accordée à ${rng.pick(['Eure Habitat', 'la SA HLM Normande', 'Logéal Immobilière', 'la SILOGE'])} pour la construction de ${rng.int(6, 60)} logements locatifs sociaux ${aLieu(town())}`,
      (y) => `Fonds départemental de péréquation de la taxe professionnelle : répartition ${y}`,
      (y) => `Admission en non-valeur de créances irrécouvrables, exercice ${y - 1}`,
    ],
    'Routes et mobilités': [
      () => `${rng.pick(ROUTES)}, commune ${de(town())} : aménagement d’un giratoire, approbation de l’avant-projet et du plan de financement`,
      (y) => `Programme de renforcement des chaussées ${y} : affectation de ${money()} € d’autorisations de programme`,
      () => `Convention de co-maîtrise d’ouvrage avec la commune ${de(town())} pour l’aménagement de la traverse d’agglomération (${rng.pick(ROUTES)})`,
      () => `Plan vélo départemental : création d’une voie verte entre ${town()} et ${town()}`,
      () => `Transport des élèves en situation de handicap : attribution du marché, lots 1 à ${rng.int(3, 12)}`,
    ],
    'Collèges et éducation': [
      () => `Collège ${rng.pick(PERSONNALITES)} ${aLieu(town())} : restructuration de la demi-pension, approbation du programme et de l’enveloppe financière (${money()} € TTC)`,
      (y) => `Dotations de fonctionnement des collèges publics pour l’année ${y}`,
      () => `Sectorisation des collèges : modification du secteur du collège ${de(town())}`,
      (y) => `Aide à la restauration scolaire : tarifs applicables à la rentrée ${y}`,
    ],
    'Solidarités et insertion': [
      (y) => `Programme départemental d’insertion ${y}-${y + 2} : adoption`,
      (y) => `Fonds de solidarité pour le logement (FSL) : règlement intérieur ${y}`,
      () => `Revenu de solidarité active : convention d’orientation et d’accompagnement avec ${rng.pick(['France Travail', 'la caisse d’allocations familiales', 'la Mutualité sociale agricole'])}`,
    ],
    'Enfance et famille': [
      () => `Protection de l’enfance : création de ${rng.int(6, 30)} places en maison d’enfants à caractère social ${aLieu(town())}`,
      (y) => `Tarifs ${y} des établissements et services de l’aide sociale à l’enfance`,
      () => `Protection maternelle et infantile : convention avec le centre hospitalier de ${rng.pick(['Évreux', 'Vernon', 'Bernay', 'Verneuil d’Avre et d’Iton', 'Pont-Audemer'])}`,
    ],
    Autonomie: [
      (y) => `Tarification ${y} des EHPAD habilités à l’aide sociale`,
      (y) => `Convention avec la Maison départementale des personnes handicapées (MDPH) pour ${y}`,
      () => `Habitat inclusif : soutien au projet ${de(town())}, ${rng.int(6, 14)} logements`,
    ],
    'Culture et patrimoine': [
      () => `Aide à la restauration de l’église ${rng.pick(['Saint-Martin', 'Notre-Dame', 'Saint-Pierre', 'Saint-Germain', 'Saint-Ouen'])} ${de(town())} (monument historique)`,
      () => `Festival « ${rng.pick(['Jazz en Eure', 'Les Nuits de la Risle', 'Contes en Vexin', 'Lire en Ouche'])} » : subvention de ${frNumber(rng.int(5, 80) * 1000, 0)} €`,
      (y) => `Musées départementaux : tarifs et gratuités ${y}`,
      () => 'Adhésion à l’association "Villes et Pays d’art et d’histoire" et désignation d’un représentant',
    ],
    'Sport et jeunesse': [
      (y) => `Soutien aux clubs sportifs de haut niveau, saison ${y}-${y + 1}`,
      (y) => `Appel à projets "Eure Jeunesse ${y}" : désignation des lauréats`,
      () => `Aide à la construction d’un gymnase ${aLieu(town())}`,
    ],
    Environnement: [
      () => `Espaces naturels sensibles : acquisition de ${frNumber(rng.float(1, 60), 2)} ha au lieu-dit « ${rng.pick(['La Côte blanche', 'Le Marais', 'Les Coteaux', 'Le Bois de la Garenne', 'La Prairie'])} » ${aLieu(town())}`,
      () => 'Plan départemental de l’eau : aides aux collectivités pour la protection des captages',
      (y) => `Rapport ${y} sur la situation en matière de développement durable`,
    ],
    'Aménagement du territoire': [
      (y) => `Contrat de territoire ${y}-${y + 2} avec la ${rng.pick(EPCIS)}`,
      (y) => `Aide à l’investissement communal, programme ${y} : attribution à ${rng.int(12, 90)} communes`,
      (y) => `Très haut débit : avenant n° ${rng.int(1, 6)} à la convention de déploiement de la fibre optique (${y})`,
    ],
    'Ressources humaines': [
      (y) => `Tableau des emplois : créations et suppressions de postes au 1er ${rng.pick(['janvier', 'avril', 'juillet', 'septembre'])} ${y}`,
      () => 'Régime indemnitaire (RIFSEEP) : modification des modalités d’attribution',
      (y) => `Plan de formation ${y}-${y + 2} des agents départementaux`,
    ],
    'Administration générale': [
      () => `Désignation des représentants du Conseil départemental au sein du ${rng.pick(['conseil d’administration du SDIS', 'comité syndical du SIEGE 27', 'conseil de surveillance du centre hospitalier', 'conseil d’administration du collège de ' + town()])}`,
      (y) => `Rapport d’activité des services de l’État pour l’année ${y - 1} : communication`,
      () => `Règlement intérieur du Conseil départemental : modification de l’article ${rng.int(2, 40)}`,
    ],
  };
  const themeNames = Object.keys(THEMES);
  const VOEUX = [
    'à la fermeture de classes en milieu rural',
    'au maintien des urgences de nuit à l’hôpital de proximité',
    'à la gratuité des transports scolaires',
    'au prix de l’énergie pour les collectivités',
  ];
  const MULTI = [
    ['Routes et mobilités', (y) => `Programme routier ${y} :\n- ${rng.pick(ROUTES)} ${aLieu(town())} : renforcement de chaussée ;\n- ${rng.pick(ROUTES)} ${aLieu(town())} : réfection d’un ouvrage d’art`],
    ['Collèges et éducation', (y) => `Collèges publics, programme d’investissement ${y} :\n1. travaux d’accessibilité ;\n2. rénovation énergétique, "plan chaleur" ;\n3. équipements numériques`],
    ['Aménagement du territoire', () => `Convention avec la ${rng.pick(EPCIS)}\nrelative à la compétence « mobilité », avenant n° ${rng.int(1, 4)}`],
  ];
  // Premières délibérations de chaque session de l'assemblée plénière
  const LEADS = {
    'Séance d’installation': [
      () => 'Élection du président du Conseil départemental',
      () => 'Fixation du nombre de vice-présidents et élection des vice-présidents',
      () => 'Composition et élection de la commission permanente',
      () => 'Délégations d’attributions de l’assemblée au président, en application de l’article L. 3211-2 du code général des collectivités territoriales',
      () => 'Délégations d’attributions de l’assemblée à la commission permanente',
      () => 'Indemnités de fonction des conseillers départementaux',
    ],
    'Orientations budgétaires': [(y) => `Débat d’orientations budgétaires ${y} : prise d’acte de la tenue du débat`],
    'Budget primitif': [(y) => `Budget primitif ${y} : adoption du budget principal et des budgets annexes`, (y) => `Vote des taux de la fiscalité directe locale pour ${y}`],
    'Compte financier et décision modificative': [(y) => `Compte financier unique ${y - 1} : approbation et affectation du résultat`, (y) => `Décision modificative n° 1 de l’exercice ${y}`],
    'Décision modificative': [(y) => `Décision modificative n° 2 de l’exercice ${y}`],
    'Session de décembre': [(y) => `Décision modificative n° 3 de l’exercice ${y}`, (y) => `Autorisation d’engager, de liquider et de mandater les dépenses d’investissement avant le vote du budget ${y + 1}`],
  };
  const RAPPORTEURS = [
    'Mme Hélène Dumarest', 'M. Olivier Brèvecœur', 'Mme Sophie Lanvallée', 'M. Thierry Quesnoy', 'Mme Nadia Bellefosse',
    'M. Pascal Hautecourt', 'Mme Claire Vasseville', 'M. Didier Roncherolles', 'Mme Émilie Saint-Ouvrier', 'M. Franck Lemarais',
    'Mme Isabelle Trouvé-Gaudin', 'M. Jean-Luc Pommerel',
  ];

  // Calendrier des séances : plénières (février, mars, juin, octobre, décembre) et commissions permanentes mensuelles
  const seances = [];
  for (let y = 2021; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      if (y === 2021 && m < 7) continue;
      const d = new Date(Date.UTC(y, m - 1, 1));
      const firstMonday = addDays(d, (8 - d.getUTCDay()) % 7);
      if ([2, 3, 6, 10, 12].includes(m) || (y === 2021 && m === 7)) {
        const session =
          y === 2021 && m === 7 ? 'Séance d’installation' : { 2: 'Orientations budgétaires', 3: 'Budget primitif', 6: 'Compte financier et décision modificative', 10: 'Décision modificative', 12: 'Session de décembre' }[m];
        const install = y === 2021 && m === 7;
        seances.push({ date: install ? new Date(Date.UTC(2021, 6, 1)) : addDays(firstMonday, 14 + rng.int(0, 4)), instance: 'AP', kind: session, session: `${session} ${y}`, n: install ? 6 : rng.int(11, 15) });
      }
      if (m !== 8) seances.push({ date: addDays(firstMonday, (y === 2021 && m === 7 ? 14 : 0) + rng.int(0, 4)), instance: 'CP', session: `Commission permanente de ${['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'][m - 1]} ${y}`, n: rng.int(3, 6) });
    }
  }
  seances.sort((a, b) => a.date - b.date);
  const rows = [];
  const seq = {};
  for (const s of seances) {
    const y = s.date.getUTCFullYear();
    const sessionTitles = new Set();
    for (let k = 0; k < s.n; k++) {
      seq[y] = (seq[y] || 0) + 1;
      const numero = `${s.instance}-${y}-${pad(seq[y], 4)}`;
      let theme = rng.pick(themeNames);
      let titre;
      let voeu = false;
      const leads = s.instance === 'AP' ? LEADS[s.kind] : null;
      if (leads && (k < leads.length || s.kind === 'Séance d’installation')) {
        titre = leads[k % leads.length](y);
        theme = s.kind === 'Séance d’installation' ? 'Administration générale' : 'Finances';
      } else if (s.instance === 'AP' && rng.chance(0.03)) {
        theme = 'Administration générale';
        voeu = true;
        titre = `Vœu présenté par le groupe d’opposition relatif ${rng.pick(VOEUX)}`;
      } else if (rng.chance(0.06)) {
        const [t, make] = rng.pick(MULTI);
        theme = t;
        titre = make(y);
      }
      if (!voeu && !(leads && (k < leads.length || s.kind === 'Séance d’installation'))) {
        for (let t = 0; t < 20 && (!titre || sessionTitles.has(titre)); t++) {
          if (t > 0) theme = rng.pick(themeNames);
          titre = rng.pick(THEMES[theme])(y);
        }
      }
      sessionTitles.add(titre);
      const effectif = 46;
      const presents = rng.int(36, 46);
      let contre = 0;
      let abst = 0;
      if (voeu) {
        contre = rng.int(26, 32);
        abst = rng.int(0, 3);
      } else if (!rng.chance(theme === 'Finances' ? 0.35 : 0.75)) {
        contre = rng.int(0, 12);
        abst = rng.int(0, 8);
      }
      const nppv = rng.chance(0.05) ? rng.int(1, 2) : 0;
      const pour = presents - contre - abst - nppv;
      rows.push({
        numero,
        date_seance: iso(s.date),
        instance: s.instance === 'AP' ? 'Assemblée plénière' : 'Commission permanente',
        session: s.session,
        titre,
        theme,
        rapporteur: rng.pick(RAPPORTEURS),
        effectif,
        votants: presents - nppv,
        vote_pour: pour,
        vote_contre: contre,
        vote_abstention: abst,
        ne_prend_pas_part: nppv || '',
        adoptee: pour > contre ? 'oui' : 'non',
        unanimite: contre === 0 && abst === 0 && pour > contre ? 'oui' : 'non',
        url_pdf: `https://actes.eure.example/deliberations/${y}/${numero}.pdf`,
      });
    }
  }
  const schema = rowSchema(
    'Délibération du Conseil départemental',
    'Une ligne par délibération de l’assemblée plénière ou de la commission permanente.',
    {
      numero: prop('string', 'Numéro de la délibération', 'Identifiant unique : instance (AP ou CP), année, numéro d’ordre.', { pattern: '^(AP|CP)-[0-9]{4}-[0-9]{4}$', examples: ['CP-2024-0154'] }),
      date_seance: prop('string', 'Date de la séance', 'Date de la séance (AAAA-MM-JJ).', { format: 'date', examples: ['2024-03-18'] }),
      instance: prop('string', 'Instance', 'Instance qui a délibéré.', { enum: ['Assemblée plénière', 'Commission permanente'] }),
      session: prop('string', 'Session', 'Session ou séance au cours de laquelle la délibération a été prise.', { examples: ['Budget primitif 2024'] }),
      titre: prop('string', 'Objet de la délibération', 'Intitulé de la délibération ; texte libre, parfois sur plusieurs lignes.', { minLength: 5, maxLength: 1000 }),
      theme: prop('string', 'Thème', 'Politique publique concernée.', { enum: themeNames }),
      rapporteur: prop('string', 'Rapporteur', 'Élu rapporteur (nom fictif).'),
      effectif: prop('integer', 'Effectif légal', 'Nombre de conseillers départementaux en exercice.', { minimum: 1, maximum: 100 }),
      votants: prop('integer', 'Votants', 'Conseillers présents ou représentés ayant pris part au vote.', { minimum: 0, maximum: 100 }),
      vote_pour: prop('integer', 'Voix pour', 'Nombre de voix pour.', { minimum: 0, maximum: 100 }),
      vote_contre: prop('integer', 'Voix contre', 'Nombre de voix contre.', { minimum: 0, maximum: 100 }),
      vote_abstention: prop('integer', 'Abstentions', 'Nombre d’abstentions.', { minimum: 0, maximum: 100 }),
      ne_prend_pas_part: prop('integer', 'Ne prenant pas part au vote', 'Conseillers ne prenant pas part au vote (conflit d’intérêts), s’il y en a.', { minimum: 0, maximum: 100 }),
      adoptee: prop('boolean', 'Adoptée', 'oui si la délibération est adoptée.', { examples: [true] }),
      unanimite: prop('boolean', 'À l’unanimité', 'oui si adoptée sans vote contre ni abstention.'),
      url_pdf: prop('string', 'Lien vers l’acte', 'Adresse du PDF de la délibération (adresse fictive).', { format: 'uri', examples: ['https://actes.eure.example/deliberations/2024/CP-2024-0154.pdf'] }),
    },
    ['numero', 'date_seance', 'instance', 'session', 'titre', 'theme', 'effectif', 'votants', 'vote_pour', 'vote_contre', 'vote_abstention', 'adoptee', 'url_pdf'],
    {
      'x-primaryKey': ['numero'],
      'x-uniqueKeys': [['url_pdf']],
    },
  );
  return {
    slug: 'deliberations-conseil',
    dataFile: 'deliberations-conseil.csv',
    schemaLocation: 'shared',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ',', eol: '\r\n' },
    schema,
    meta: {
      title: 'Délibérations du Conseil départemental de l’Eure',
      description:
        DEMO +
        'les délibérations de l’assemblée plénière et de la commission permanente du Conseil départemental de l’Eure depuis juillet 2021 : numéro, date, session, objet, thème, rapporteur, résultat du vote (pour, contre, abstentions) et lien vers l’acte.\n\n' +
        'Les objets sont des textes libres : ils contiennent des virgules, des guillemets et parfois plusieurs lignes. Les noms des rapporteurs et les adresses des actes sont inventés.\n\n' +
        'Fichier CSV en UTF-8, séparateur virgule, fins de ligne CRLF (sauts de ligne LF à l’intérieur des cellules entre guillemets), booléens oui/non.' +
        DEMO_TAIL,
      organization: 'departement-eure',
      organization_title: 'Département de l’Eure',
      themes: ['Gouvernance', 'Citoyenneté'],
      keywords: ['délibération', 'conseil départemental', 'commission permanente', 'assemblée', 'vote', 'actes administratifs', 'Eure', 'démonstration'],
      frequency: 'monthly',
      spatial: { label: 'Département de l’Eure', granularity: 'department', zones: ['27'] },
      temporal: { start: '2021-07-01', end: '2025-12-31' },
      contact: { name: 'Département de l’Eure – service des assemblées', email: 'assemblees@eure.example' },
    },
  };
}

// =============================================================================================
// 7. Qualité de l'eau distribuée (tabulation, NA)
// =============================================================================================
function qualiteEau() {
  const rng = makeRng('qualite-eau');
  const { communes } = geo();
  const hubs = communes.slice().sort((a, b) => b.popRef - a.popRef || a.code.localeCompare(b.code)).slice(0, 48);
  const udiOf = new Map();
  hubs.forEach((h, i) => { h.udi = { code: `0270${pad(1000 + i * 37, 5)}`, nom: `UDI ${h.nom}`, nitrateBase: rng.float(12, 42), cond: rng.float(480, 720) }; });
  for (const c of communes) {
    let best = hubs[0];
    let bd = Infinity;
    for (const h of hubs) {
      const d = Math.hypot(h.centre[0] - c.centre[0], (h.centre[1] - c.centre[1]) * 1.5);
      if (d < bd) { bd = d; best = h; }
    }
    udiOf.set(c.code, best.udi);
  }
  const pickCommune = rng.sampler(communes, (c) => Math.pow(Math.max(c.popRef, 50), 0.5));
  const TYPES = { D1: 0.55, D2: 0.15, P1: 0.22, P2: 0.08 };
  const rows = [];
  const ids = new Set();
  while (rows.length < 1000) {
    const c = pickCommune();
    const udi = udiOf.get(c.code);
    const d = randDate(rng, '2023-01-02', '2025-12-19');
    if (d.getUTCDay() === 0 || d.getUTCDay() === 6) continue;
    let id;
    do id = `027${d.getUTCFullYear() % 100}${rng.digits(6)}`; while (ids.has(id));
    ids.add(id);
    const type = rng.weighted(Object.keys(TYPES), (k) => TYPES[k]);
    const phys = type !== 'D1';
    const month = d.getUTCMonth();
    const temp = 11 + 5 * Math.sin(((month - 3) / 12) * 2 * Math.PI) + rng.normal() * 1.2;
    const ecoli = rng.chance(0.015) ? rng.int(1, 12) : 0;
    const entero = ecoli || rng.chance(0.01) ? rng.int(0, 6) : 0;
    const nitrates = phys ? Math.max(0.5, udi.nitrateBase + rng.normal() * 4) : null;
    const turb = Math.max(0.05, Math.abs(rng.normal()) * 0.3 + (rng.chance(0.02) ? 1.5 : 0));
    const pest = type === 'P2' ? Math.max(0.005, rng.normal() * 0.08 + 0.05 + (rng.chance(0.03) ? 0.5 : 0)) : null;
    const conformeBact = ecoli === 0 && entero === 0;
    const conformePhys = (nitrates === null || nitrates <= 50) && turb <= 2 && (pest === null || pest <= 0.5);
    const na = (v, dec) => (v === null ? 'NA' : fixed(v, dec));
    rows.push({
      id_prelevement: id,
      date_prelevement: iso(d),
      heure_prelevement: rng.chance(0.85) ? `${pad(rng.int(7, 15), 2)}:${pad(rng.int(0, 11) * 5, 2)}` : '',
      code_insee: c.code,
      commune: c.nom,
      code_udi: udi.code,
      nom_udi: udi.nom,
      lieu_prelevement: rng.weighted(['Robinet public', 'Réseau de distribution', 'Réservoir', 'Sortie de station de traitement'], (l) => ({ 'Robinet public': 5, 'Réseau de distribution': 4, Réservoir: 1, 'Sortie de station de traitement': 1 })[l]),
      type_analyse: type,
      temperature_c: rng.chance(0.04) ? 'NA' : fixed(temp, 1),
      ph: phys || rng.chance(0.5) ? fixed(7.2 + rng.next() * 0.7, 2) : 'NA',
      conductivite_us_cm: phys ? String(Math.round(udi.cond + rng.normal() * 25)) : 'NA',
      turbidite_nfu: fixed(turb, 2),
      nitrates_mg_l: na(nitrates, 1),
      chlore_libre_mg_l: rng.chance(0.1) ? 'NA' : fixed(Math.max(0.02, 0.15 + rng.normal() * 0.08), 2),
      escherichia_coli_n_100ml: ecoli,
      enterocoques_n_100ml: entero,
      pesticides_total_ug_l: na(pest, 3),
      conforme_bacteriologie: conformeBact ? 'oui' : 'non',
      conforme_physico_chimie: conformePhys ? 'oui' : 'non',
      commentaire: !conformeBact ? 'Contamination bactériologique : recontrôle demandé' : !conformePhys ? 'Dépassement d’une limite de qualité : information de la collectivité' : rng.chance(0.04) ? 'Eau d’alimentation conforme aux exigences de qualité' : '',
    });
  }
  rows.sort((a, b) => a.date_prelevement.localeCompare(b.date_prelevement) || a.id_prelevement.localeCompare(b.id_prelevement));
  const num = (title, description, extra) => prop('number', title, description + ' « NA » : non mesuré.', extra);
  const schema = rowSchema(
    'Prélèvement d’eau du contrôle sanitaire',
    'Une ligne par prélèvement d’eau destinée à la consommation humaine, avec les principaux paramètres mesurés.',
    {
      id_prelevement: prop('string', 'Identifiant du prélèvement', 'Référence unique du prélèvement (11 chiffres).', { pattern: '^[0-9]{11}$', examples: ['02724123456'] }),
      date_prelevement: prop('string', 'Date du prélèvement', 'Date du prélèvement (AAAA-MM-JJ).', { format: 'date' }),
      heure_prelevement: prop('string', 'Heure du prélèvement', 'Heure du prélèvement (HH:MM), si connue.', { pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', examples: ['09:35'] }),
      code_insee: inseeProp('Code INSEE de la commune de prélèvement'),
      commune: communeProp(),
      code_udi: prop('string', 'Code de l’unité de distribution', 'Code de l’unité de distribution (UDI) qui dessert le point de prélèvement.', { pattern: '^[0-9]{9}$' }),
      nom_udi: prop('string', 'Unité de distribution', 'Nom de l’unité de distribution.'),
      lieu_prelevement: prop('string', 'Lieu de prélèvement', 'Type de point de prélèvement.', { enum: ['Robinet public', 'Réseau de distribution', 'Réservoir', 'Sortie de station de traitement'] }),
      type_analyse: prop('string', 'Type d’analyse', 'Programme d’analyse : D1 et D2 (analyses de routine au robinet), P1 et P2 (analyses à la production).', { enum: ['D1', 'D2', 'P1', 'P2'] }),
      temperature_c: num('Température (°C)', 'Température de l’eau en degrés Celsius.', { minimum: 0, maximum: 30 }),
      ph: num('pH', 'Potentiel hydrogène.', { minimum: 5, maximum: 10 }),
      conductivite_us_cm: prop('integer', 'Conductivité (µS/cm)', 'Conductivité à 25 °C en microsiemens par centimètre. « NA » : non mesuré.', { minimum: 0, maximum: 2000 }),
      turbidite_nfu: num('Turbidité (NFU)', 'Turbidité néphélométrique.', { minimum: 0, maximum: 50 }),
      nitrates_mg_l: num('Nitrates (mg/L)', 'Concentration en nitrates ; limite de qualité 50 mg/L.', { minimum: 0, maximum: 200 }),
      chlore_libre_mg_l: num('Chlore libre (mg/L)', 'Chlore libre résiduel.', { minimum: 0, maximum: 5 }),
      escherichia_coli_n_100ml: prop('integer', 'Escherichia coli (n/100 mL)', 'Dénombrement d’Escherichia coli ; limite de qualité 0.', { minimum: 0 }),
      enterocoques_n_100ml: prop('integer', 'Entérocoques (n/100 mL)', 'Dénombrement d’entérocoques intestinaux ; limite de qualité 0.', { minimum: 0 }),
      pesticides_total_ug_l: num('Total des pesticides (µg/L)', 'Somme des pesticides quantifiés ; limite de qualité 0,5 µg/L.', { minimum: 0, maximum: 10 }),
      conforme_bacteriologie: prop('boolean', 'Conforme en bactériologie', 'oui si les paramètres microbiologiques respectent les limites de qualité.'),
      conforme_physico_chimie: prop('boolean', 'Conforme en physico-chimie', 'oui si les paramètres physico-chimiques mesurés respectent les limites de qualité.'),
      commentaire: prop('string', 'Commentaire', 'Conclusion sanitaire ou remarque, si besoin.'),
    },
    ['id_prelevement', 'date_prelevement', 'code_insee', 'commune', 'code_udi', 'nom_udi', 'lieu_prelevement', 'type_analyse', 'turbidite_nfu', 'escherichia_coli_n_100ml', 'enterocoques_n_100ml', 'conforme_bacteriologie', 'conforme_physico_chimie'],
    {
      'x-primaryKey': ['id_prelevement'],
      'x-geo': { commune: 'code_insee' },
      'x-missingValues': ['', 'NA'],
    },
  );
  return {
    slug: 'qualite-eau',
    dataFile: 'qualite-eau.tsv',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: '\t', eol: '\n' },
    schema,
    meta: {
      title: 'Qualité de l’eau du robinet dans l’Eure',
      description:
        DEMO +
        '1 000 prélèvements du contrôle sanitaire de l’eau destinée à la consommation humaine dans les communes de l’Eure, de 2023 à 2025 : température, pH, conductivité, turbidité, nitrates, chlore, bactériologie, pesticides et conclusions de conformité.\n\n' +
        'Tous les paramètres ne sont pas mesurés à chaque prélèvement : une valeur non mesurée est notée `NA`, une cellule vide signifie « non renseigné ». Les unités de distribution (UDI) et les références de prélèvement sont inventées.\n\n' +
        'Fichier texte en UTF-8, **séparé par des tabulations**, point décimal, booléens oui/non.' +
        DEMO_TAIL,
      organization: 'ars-normandie',
      organization_title: 'Agence régionale de santé de Normandie',
      themes: ['Santé', 'Environnement'],
      keywords: ['eau potable', 'qualité de l’eau', 'contrôle sanitaire', 'nitrates', 'pesticides', 'bactériologie', 'Eure', 'démonstration'],
      frequency: 'monthly',
      spatial: { label: 'Communes de l’Eure', granularity: 'commune', zones: ['27'] },
      temporal: { start: '2023-01-01', end: '2025-12-31' },
      contact: { name: 'ARS Normandie – délégation départementale de l’Eure', email: 'ars-dd27-sante-environnement@ars.example' },
    },
  };
}

// =============================================================================================
// 8. Comptages routiers (séparateur |, clé primaire composée)
// =============================================================================================
function comptagesRoutiers() {
  const rng = makeRng('comptages-routiers');
  // Tracés approximatifs (points de passage en WGS84) de routes départementales structurantes.
  const ROUTES = [
    { route: 'RD 613', base: 9000, pts: [[1.40, 49.015], [1.16, 49.024], [0.98, 49.06], [0.70, 49.10], [0.46, 49.14]] },
    { route: 'RD 6015', base: 11000, pts: [[1.50, 49.09], [1.33, 49.16], [1.25, 49.23], [1.16, 49.30]] },
    { route: 'RD 6014', base: 14000, pts: [[1.70, 49.19], [1.58, 49.23], [1.44, 49.31], [1.34, 49.37], [1.25, 49.40]] },
    { route: 'RD 840', base: 6500, pts: [[1.15, 49.02], [1.07, 48.90], [0.93, 48.75]] },
    { route: 'RD 830', base: 5000, pts: [[1.16, 49.01], [1.27, 48.91], [1.33, 48.80]] },
    { route: 'RD 675', base: 7500, pts: [[0.51, 49.35], [0.66, 49.36], [0.82, 49.35], [0.93, 49.33]] },
    { route: 'RD 438', base: 4500, pts: [[0.60, 49.09], [0.72, 49.19], [0.85, 49.28]] },
    { route: 'RD 316', base: 4000, pts: [[1.77, 49.28], [1.63, 49.28], [1.41, 49.245]] },
    { route: 'RD 155', base: 6000, pts: [[1.17, 49.21], [1.17, 49.12], [1.16, 49.04]] },
    { route: 'RD 81', base: 2500, pts: [[0.94, 48.96], [0.80, 49.03], [0.60, 49.09]] },
    { route: 'RD 133', base: 2200, pts: [[0.95, 49.20], [0.84, 49.14], [0.72, 49.07]] },
    { route: 'RD 312', base: 3000, pts: [[1.00, 49.16], [1.10, 49.20], [1.17, 49.21]] },
  ];
  const points = [];
  for (const r of ROUTES) {
    let pr = rng.int(0, 4);
    for (let i = 0; i < r.pts.length - 1; i++) {
      const [a, b] = [r.pts[i], r.pts[i + 1]];
      const km = Math.hypot((b[0] - a[0]) * 73, (b[1] - a[1]) * 111.2);
      const n = Math.max(1, Math.round(km / 2.5));
      for (let k = 0; k < n; k++) {
        const u = (k + rng.float(0.2, 0.8)) / n;
        const lon = round(a[0] + (b[0] - a[0]) * u + rng.normal() * 0.002, 6);
        const lat = round(a[1] + (b[1] - a[1]) * u + rng.normal() * 0.0015, 6);
        pr += Math.max(1, Math.round(km / n));
        const c = communeAt([lon, lat]);
        if (!c) continue; // hors du département
        points.push({ route: r.route, pr, lon, lat, c, base: r.base * (0.6 + 0.8 * rng.next()) * (c.popRef > 8000 ? 1.6 : 1), type: rng.weighted(['Permanent', 'Tournant', 'Ponctuel'], (t) => ({ Permanent: 2, Tournant: 5, Ponctuel: 2 })[t]) });
      }
    }
  }
  const rows = [];
  const COVID = { 2019: 1, 2020: 0.82, 2021: 0.93, 2022: 0.98, 2023: 1.0, 2024: 1.01, 2025: 1.015 };
  for (const p of points) {
    const id = `${p.route.replace(' ', '')}-PR${pad(p.pr, 3)}`;
    const pl = rng.float(4, p.route === 'RD 6014' || p.route === 'RD 613' ? 18 : 11);
    let prev = null;
    for (let y = 2019; y <= 2025; y++) {
      if (p.type === 'Tournant' && (y - p.pr) % 2 !== 0) { prev = null; continue; }
      if (p.type === 'Ponctuel' && !rng.chance(0.3)) { prev = null; continue; }
      const tmja = Math.round(p.base * COVID[y] * (1 + rng.normal() * 0.03));
      rows.push({
        id_point: id,
        annee: y,
        route: p.route,
        pr: p.pr,
        code_insee: p.c.code,
        commune: p.c.nom,
        latitude: fixed(p.lat, 6),
        longitude: fixed(p.lon, 6),
        type_poste: p.type,
        tmja,
        pct_poids_lourds: fixed(Math.max(1, pl + rng.normal() * 0.6), 1),
        evolution_pct: prev ? fixed(((tmja - prev) / prev) * 100, 1) : '',
        mesure_fiable: rng.chance(0.95) ? 'oui' : 'non',
      });
      prev = tmja;
    }
  }
  const schema = rowSchema(
    'Comptage routier annuel',
    'Une ligne par point de comptage et par année : trafic moyen journalier annuel (TMJA) et part des poids lourds.',
    {
      id_point: prop('string', 'Identifiant du point de comptage', 'Route et point de repère (PR) du poste de comptage.', { pattern: '^RD[0-9]{1,4}-PR[0-9]{3}$', examples: ['RD613-PR045'] }),
      annee: prop('integer', 'Année', 'Année de la mesure.', { minimum: 2015, maximum: 2026 }),
      route: prop('string', 'Route', 'Route départementale.', { pattern: '^RD [0-9]{1,4}$', examples: ['RD 613'] }),
      pr: prop('integer', 'Point de repère', 'Numéro du point de repère (PR) le long de la route, environ un par kilomètre.', { minimum: 0, maximum: 999 }),
      code_insee: inseeProp(),
      commune: communeProp(),
      latitude: prop('number', 'Latitude', 'Latitude du poste en degrés décimaux (WGS84).', { minimum: 48.6, maximum: 49.55 }),
      longitude: prop('number', 'Longitude', 'Longitude du poste en degrés décimaux (WGS84).', { minimum: 0.25, maximum: 1.85 }),
      type_poste: prop('string', 'Type de poste', 'Permanent (toute l’année), tournant (une année sur deux), ponctuel (campagne ponctuelle).', { enum: ['Permanent', 'Tournant', 'Ponctuel'] }),
      tmja: prop('integer', 'TMJA (véhicules/jour)', 'Trafic moyen journalier annuel, deux sens confondus.', { minimum: 0, maximum: 100000 }),
      pct_poids_lourds: prop('number', 'Part des poids lourds (%)', 'Part des poids lourds dans le trafic, en pourcentage.', { minimum: 0, maximum: 100 }),
      evolution_pct: prop('number', 'Évolution sur un an (%)', 'Évolution du TMJA par rapport à l’année précédente, quand elle a été mesurée.', { minimum: -100, maximum: 500 }),
      mesure_fiable: prop('boolean', 'Mesure fiable', 'non si la mesure a connu des interruptions (travaux, panne du capteur).'),
    },
    ['id_point', 'annee', 'route', 'pr', 'code_insee', 'commune', 'latitude', 'longitude', 'type_poste', 'tmja', 'pct_poids_lourds', 'mesure_fiable'],
    {
      'x-primaryKey': ['id_point', 'annee'],
      'x-geo': { latitude: 'latitude', longitude: 'longitude', crs: 'EPSG:4326' },
    },
  );
  return {
    slug: 'comptages-routiers',
    dataFile: 'comptages-routiers.csv',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: '|', eol: '\n' },
    schema,
    meta: {
      title: 'Comptages routiers sur les routes départementales de l’Eure',
      description:
        DEMO +
        'trafic moyen journalier annuel (TMJA) et part des poids lourds mesurés de 2019 à 2025 aux postes de comptage des principales routes départementales de l’Eure (RD 613, RD 6015, RD 6014, RD 840…).\n\n' +
        'Une ligne par poste et par année : la clé est composée de l’identifiant du poste et de l’année. Les tracés et les positions des postes sont approximatifs, les trafics inventés (avec la baisse de 2020).\n\n' +
        'Fichier texte en UTF-8, séparateur **barre verticale** `|`, point décimal, booléens oui/non.' +
        DEMO_TAIL,
      organization: 'departement-eure',
      organization_title: 'Département de l’Eure',
      themes: ['Transports', 'Mobilité'],
      keywords: ['trafic routier', 'comptage', 'TMJA', 'poids lourds', 'route départementale', 'mobilité', 'Eure', 'démonstration'],
      frequency: 'annual',
      spatial: { label: 'Réseau routier départemental de l’Eure', granularity: 'poi', zones: ['27'] },
      temporal: { start: '2019-01-01', end: '2025-12-31' },
      contact: { name: 'Département de l’Eure – direction des routes', email: 'routes@eure.example' },
    },
  };
}

// =============================================================================================
// 9. Points d'apport volontaire d'Évreux Portes de Normandie (géométrie WKT)
// =============================================================================================
function pointsApportVolontaire() {
  const rng = makeRng('points-apport-volontaire');
  const { communes } = geo();
  const membres = communes.filter((c) => c.epci && c.epci.siren === '200071454');
  const pickCommune = rng.sampler(membres, (c) => Math.pow(Math.max(c.popRef, 80), 0.8));
  const FLUX = [
    { flux: 'Verre', w: 40, vol: [3, 4, 5] },
    { flux: 'Emballages et papiers', w: 30, vol: [3, 4, 5] },
    { flux: 'Textiles', w: 12, vol: [2.5] },
    { flux: 'Biodéchets', w: 10, vol: [0.7, 1.3] },
    { flux: 'Ordures ménagères', w: 8, vol: [5] },
  ];
  const rows = [];
  for (let i = 0; i < 320; i++) {
    const c = pickCommune();
    const f = rng.weighted(FLUX, (x) => x.w);
    const [lon, lat] = randomPoint(rng, c, Math.max(0.3, Math.min(1.5, Math.sqrt(c.areaKm2) / 4)));
    const enterre = c.popRef > 5000 ? rng.chance(0.6) : rng.chance(0.15);
    const inst = randDate(rng, '2015-01-01', '2025-11-30');
    rows.push({
      id_pav: '',
      code_insee: c.code,
      commune: c.nom,
      adresse: `${rng.pick(RUES)}${rng.chance(0.3) ? ' (parking)' : ''}`,
      flux: f.flux,
      volume_m3: frNumber(rng.pick(f.vol), 1, false),
      enterre: enterre ? 'Oui' : 'Non',
      date_installation: frDate(inst),
      frequence_collecte: f.flux === 'Biodéchets' ? 'Hebdomadaire' : rng.pick(['Hebdomadaire', 'Bimensuelle', 'Mensuelle', 'À la demande (sonde de remplissage)']),
      geom: `POINT (${fixed(lon, 6)} ${fixed(lat, 6)})`,
      _k: c.code,
      _d: iso(inst),
    });
  }
  rows.sort((a, b) => a._k.localeCompare(b._k) || a.flux.localeCompare(b.flux, 'fr') || a._d.localeCompare(b._d));
  rows.forEach((r, i) => { r.id_pav = `PAV-${pad(i + 1, 4)}`; delete r._k; delete r._d; });
  const schema = rowSchema(
    'Point d’apport volontaire',
    'Une ligne par conteneur d’apport volontaire ; position donnée par une géométrie WKT en WGS84.',
    {
      id_pav: prop('string', 'Identifiant du conteneur', 'Identifiant unique du point d’apport volontaire.', { pattern: '^PAV-[0-9]{4}$', examples: ['PAV-0001'] }),
      code_insee: inseeProp(),
      commune: communeProp(),
      adresse: prop('string', 'Adresse', 'Voie où se trouve le conteneur.'),
      flux: prop('string', 'Flux de déchets', 'Type de déchets collectés.', { enum: FLUX.map((f) => f.flux) }),
      volume_m3: prop('number', 'Volume (m³)', 'Volume du conteneur en mètres cubes, virgule décimale.', { exclusiveMinimum: 0, maximum: 10, 'x-decimalChar': ',', examples: [4] }),
      enterre: prop('boolean', 'Conteneur enterré', 'Oui si le conteneur est enterré ou semi-enterré.', { examples: [true] }),
      date_installation: prop('string', 'Date d’installation', 'Date de pose du conteneur, au format JJ/MM/AAAA.', { format: 'date', 'x-dateFormat': '%d/%m/%Y', examples: ['2021-03-15'] }),
      frequence_collecte: prop('string', 'Fréquence de collecte', 'Fréquence de vidage du conteneur.', { enum: ['Hebdomadaire', 'Bimensuelle', 'Mensuelle', 'À la demande (sonde de remplissage)'] }),
      geom: prop('string', 'Géométrie', 'Position du conteneur, en WKT (POINT (longitude latitude), WGS84).', { pattern: '^POINT \\(-?[0-9.]+ -?[0-9.]+\\)$', examples: ['POINT (1.151 49.024)'] }),
    },
    ['id_pav', 'code_insee', 'commune', 'flux', 'volume_m3', 'enterre', 'date_installation', 'geom'],
    {
      'x-primaryKey': ['id_pav'],
      'x-geo': { geometry: 'geom' },
    },
  );
  return {
    slug: 'points-apport-volontaire',
    dataFile: 'points-apport-volontaire.csv',
    columns: Object.keys(rows[0]),
    rows,
    csv: { delim: ',', eol: '\n' },
    schema,
    meta: {
      title: 'Points d’apport volontaire des déchets – Évreux Portes de Normandie',
      description:
        DEMO +
        'environ 320 conteneurs d’apport volontaire (verre, emballages et papiers, textiles, biodéchets, ordures ménagères) dans les communes de l’agglomération Évreux Portes de Normandie.\n\n' +
        'La position de chaque conteneur est donnée par une **géométrie WKT** (`POINT (longitude latitude)`, WGS84) dans la colonne `geom`. Les volumes utilisent la virgule décimale et les dates d’installation le format JJ/MM/AAAA.\n\n' +
        'Fichier CSV en UTF-8, séparateur virgule, booléens Oui/Non.' +
        DEMO_TAIL,
      organization: 'agglo-evreux',
      organization_title: 'Évreux Portes de Normandie',
      themes: ['Environnement', 'Déchets'],
      keywords: ['déchets', 'tri sélectif', 'apport volontaire', 'verre', 'conteneur', 'biodéchets', 'Évreux', 'démonstration'],
      frequency: 'quarterly',
      spatial: { label: 'Communauté d’agglomération Évreux Portes de Normandie', granularity: 'epci', zones: ['200071454'] },
      temporal: { start: '2015-01-01', end: '2025-11-30' },
      contact: { name: 'Évreux Portes de Normandie – service déchets', email: 'dechets@epn-agglo.example' },
    },
  };
}

// ---------------------------------------------------------------------------------------------
const GENERATORS = {
  'equipements-sportifs': equipementsSportifs,
  defibrillateurs,
  'subventions-associations': subventionsAssociations,
  'population-communes': populationCommunes,
  'bornes-recharge': bornesRecharge,
  'deliberations-conseil': deliberationsConseil,
  'qualite-eau': qualiteEau,
  'comptages-routiers': comptagesRoutiers,
  'points-apport-volontaire': pointsApportVolontaire,
};

function main() {
  const wanted = process.argv.slice(2);
  for (const w of wanted) if (!GENERATORS[w]) throw new Error(`jeu inconnu : ${w}`);
  const slugs = wanted.length ? wanted : Object.keys(GENERATORS);
  for (const slug of slugs) {
    const res = emit(GENERATORS[slug]());
    console.log(`${res.slug.padEnd(26)} ${String(res.rows).padStart(5)} lignes ${String(res.bytes).padStart(8)} octets`);
  }
}

if (require.main === module) main();

module.exports = { L93, luhnOk, geo, inPolys, communeAt };
