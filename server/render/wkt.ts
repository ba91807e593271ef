/**
 * A small WKT reader for geometry columns (`x-geo: {"geometry": …}` holding WKT rather than
 * GeoJSON): POINT, LINESTRING, POLYGON and their MULTI forms, Z/M coordinates dropped, an EWKT
 * `SRID=…;` prefix ignored. Anything else gives null (a feature without geometry), never an error.
 */
export type Geometry = { type: string; coordinates: unknown };

type Nested = number[] | Nested[];

function parseNested(text: string): Nested | null {
  const stack: Nested[][] = [];
  let current: Nested[] | null = null;
  let result: Nested | null = null;
  for (const token of text.match(/\(|\)|,|[^(),\s]+(?:\s+[^(),\s]+)*/g) ?? []) {
    if (token === '(') {
      const next: Nested[] = [];
      if (current) stack.push(current);
      current = next;
    } else if (token === ')') {
      if (!current) return null;
      const done = current;
      current = stack.pop() ?? null;
      if (current) current.push(done as Nested);
      else result = done as Nested;
    } else if (token !== ',') {
      const numbers = token.trim().split(/\s+/).map(Number);
      if (!current || numbers.length < 2 || numbers.some((n) => !Number.isFinite(n))) return null;
      current.push(numbers.slice(0, 2) as unknown as Nested);
    }
  }
  return result;
}

const SHAPES: Record<string, { type: string; unwrap: boolean }> = {
  POINT: { type: 'Point', unwrap: true },
  LINESTRING: { type: 'LineString', unwrap: false },
  POLYGON: { type: 'Polygon', unwrap: false },
  MULTIPOINT: { type: 'MultiPoint', unwrap: false },
  MULTILINESTRING: { type: 'MultiLineString', unwrap: false },
  MULTIPOLYGON: { type: 'MultiPolygon', unwrap: false },
};

export function parseWkt(input: string): Geometry | null {
  const match = /^\s*(?:SRID=\d+;)?\s*(MULTIPOLYGON|MULTILINESTRING|MULTIPOINT|POLYGON|LINESTRING|POINT)\s*(?:ZM|Z|M)?\s*(\(.*\))\s*$/is.exec(input);
  if (!match) return null;
  const shape = SHAPES[match[1].toUpperCase()];
  const nested = parseNested(match[2]);
  if (!shape || !nested) return null;
  let coordinates: unknown = shape.unwrap ? (nested as Nested[])[0] : nested;
  // MULTIPOINT ((1 2), (3 4)) and MULTIPOINT (1 2, 3 4) are both valid WKT.
  if (shape.type === 'MultiPoint') coordinates = (nested as Nested[]).map((p) => (Array.isArray(p[0]) ? p[0] : p));
  return coordinates === undefined ? null : { type: shape.type, coordinates };
}
