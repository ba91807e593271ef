#!/usr/bin/env node
/*
 * Derives communes-eure-contours.geojson from the commune layer of the Eure (IGN Admin Express
 * COG 2018, Licence Ouverte, as redistributed by gregoiredavid/france-geojson):
 *
 *   node datasets/communes-eure-contours/simplify-contours.js ../shared/data/geo/communes-27-eure.geojson
 *
 * Borders shared by two communes are simplified once, as arcs (Douglas-Peucker between the points
 * where the set of communes sharing the border changes), so neighbours keep exactly the same edge:
 * no gaps or overlaps appear between them. Coordinates keep 5 decimals (about 1 m). Properties
 * become `code_insee` and `nom`. Deterministic: the same input gives the same bytes.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const TOLERANCE = 0.0005; // degrees, about 40 m: invisible at the département's scale
const DECIMALS = 5;

const input = process.argv[2];
if (!input) {
  process.stderr.write('usage : simplify-contours.js <communes-27-eure.geojson>\n');
  process.exit(2);
}
const source = JSON.parse(fs.readFileSync(input, 'utf8'));
const round = (n) => Number(n.toFixed(DECIMALS));
const key = (p) => `${p[0]},${p[1]}`;

/** Every ring of every feature, rounded, without its closing point. */
const rings = [];
for (const feature of source.features) {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points = ring.map((p) => [round(p[0]), round(p[1])]);
      const open = points.filter((p, i) => i === 0 || key(p) !== key(points[i - 1]));
      if (key(open[0]) === key(open[open.length - 1])) open.pop();
      rings.push(open);
    }
  }
}

/** Which rings pass through each point. */
const owners = new Map();
rings.forEach((ring, r) => ring.forEach((p) => {
  const k = key(p);
  if (!owners.has(k)) owners.set(k, new Set());
  owners.get(k).add(r);
}));
const ownersKey = (p) => [...owners.get(key(p))].sort((a, b) => a - b).join(' ');

function perpendicular(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

function douglasPeucker(points) {
  if (points.length <= 2) return points;
  let index = 0;
  let max = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = perpendicular(points[i], points[0], points[points.length - 1]);
    if (d > max) {
      max = d;
      index = i;
    }
  }
  if (max <= TOLERANCE) return [points[0], points[points.length - 1]];
  const left = douglasPeucker(points.slice(0, index + 1));
  return [...left.slice(0, -1), ...douglasPeucker(points.slice(index))];
}

/** The same arc seen from either side simplifies the same way: always in one canonical direction. */
const arcs = new Map();
function simplifyArc(points) {
  const forward = key(points[0]) + '|' + key(points[points.length - 1]) + '|' + points.length;
  const reversed = [...points].reverse();
  const backward = key(reversed[0]) + '|' + key(reversed[reversed.length - 1]) + '|' + points.length;
  const canonical = forward <= backward ? points : reversed;
  const id = canonical.map(key).join(';');
  if (!arcs.has(id)) arcs.set(id, douglasPeucker(canonical));
  const result = arcs.get(id);
  return canonical === points ? result : [...result].reverse();
}

function simplifyRing(ring) {
  const n = ring.length;
  // Fixed points: where the set of rings through the point changes, or where three rings meet.
  const fixed = ring.map((p, i) => {
    const here = ownersKey(p);
    return owners.get(key(p)).size > 2 || here !== ownersKey(ring[(i + n - 1) % n]) || here !== ownersKey(ring[(i + 1) % n]);
  });
  let starts = fixed.map((f, i) => (f ? i : -1)).filter((i) => i >= 0);
  if (starts.length < 2) {
    // An island (or a ring shared whole): two fixed points chosen from the coordinates themselves.
    const order = ring.map((p, i) => i).sort((a, b) => (key(ring[a]) < key(ring[b]) ? -1 : 1));
    starts = [order[0], order[order.length - 1]].sort((a, b) => a - b);
  }
  const out = [];
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = starts[(s + 1) % starts.length];
    const arc = [];
    for (let i = from; ; i = (i + 1) % n) {
      arc.push(ring[i]);
      if (i === to && arc.length > 1) break;
    }
    out.push(...simplifyArc(arc).slice(0, -1));
  }
  if (out.length < 3) return [...ring, ring[0]];
  return [...out, out[0]];
}

let cursor = 0;
const features = source.features.map((feature) => {
  const polygons = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  const simplified = polygons.map((polygon) => polygon.map(() => simplifyRing(rings[cursor++])));
  return {
    type: 'Feature',
    properties: { code_insee: feature.properties.code, nom: feature.properties.nom },
    geometry: feature.geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: simplified[0] }
      : { type: 'MultiPolygon', coordinates: simplified },
  };
}).sort((a, b) => (a.properties.code_insee < b.properties.code_insee ? -1 : 1));

const lines = features.map((f) => JSON.stringify(f));
const text = `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
const output = path.join(__dirname, 'communes-eure-contours.geojson');
fs.writeFileSync(output, text);
const count = (c) => (typeof c[0] === 'number' ? 1 : c.reduce((s, x) => s + count(x), 0));
const before = source.features.reduce((s, f) => s + count(f.geometry.coordinates), 0);
const after = features.reduce((s, f) => s + count(f.geometry.coordinates), 0);
process.stdout.write(`${features.length} communes, ${before} → ${after} points, ${text.length} octets\n`);
