/**
 * A small structural validator for OpenAPI 3.1 documents (no new package): the version, info,
 * every path's operations with their parameters and responses, unique operation ids, path
 * templates matched by required path parameters, declared tags, and every `$ref` resolving to
 * something in the document. Returns the problems found (empty when the document is sound).
 */
type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObject = (v: unknown): v is Json => Boolean(v) && typeof v === 'object' && !Array.isArray(v);

function resolvePointer(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Json)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

function collectRefs(node: unknown, at: string, out: Array<{ at: string; ref: string }>): void {
  if (Array.isArray(node)) node.forEach((v, i) => collectRefs(v, `${at}/${i}`, out));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push({ at, ref: v });
      else collectRefs(v, `${at}/${k}`, out);
    }
  }
}

export function validateOpenApi(doc: Json): string[] {
  const problems: string[] = [];
  const deref = (v: unknown): unknown => (isObject(v) && typeof v.$ref === 'string' ? resolvePointer(doc, v.$ref) : v);

  if (typeof doc.openapi !== 'string' || !/^3\.1\.\d+$/.test(doc.openapi)) problems.push(`openapi: 3.1.x attendu, trouvé ${String(doc.openapi)}`);
  const info = doc.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string') problems.push('info: title et version requis');
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) problems.push('paths: au moins un chemin');
  const declaredTags = new Set(Array.isArray(doc.tags) ? doc.tags.map((t) => (isObject(t) ? t.name : undefined)) : []);
  const operationIds = new Set<string>();

  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!path.startsWith('/')) problems.push(`${path}: un chemin commence par /`);
    if (!isObject(item)) {
      problems.push(`${path}: objet attendu`);
      continue;
    }
    const templateParams = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const operations = Object.entries(item).filter(([k]) => METHODS.includes(k));
    if (operations.length === 0) problems.push(`${path}: aucune opération`);
    for (const [method, op] of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(op)) {
        problems.push(`${where}: objet attendu`);
        continue;
      }
      if (typeof op.operationId === 'string') {
        if (operationIds.has(op.operationId)) problems.push(`${where}: operationId ${op.operationId} en double`);
        operationIds.add(op.operationId);
      }
      for (const tag of Array.isArray(op.tags) ? op.tags : []) if (!declaredTags.has(tag)) problems.push(`${where}: tag ${tag} non déclaré`);
      const params = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(op.parameters) ? op.parameters : [])].map(deref);
      const seen = new Set<string>();
      for (const p of params) {
        if (!isObject(p) || typeof p.name !== 'string' || !['query', 'header', 'path', 'cookie'].includes(String(p.in))) {
          problems.push(`${where}: paramètre mal formé ${JSON.stringify(p)}`);
          continue;
        }
        const key = `${p.in}:${p.name}`;
        if (seen.has(key)) problems.push(`${where}: paramètre ${key} en double`);
        seen.add(key);
        if (!isObject(p.schema) && !isObject(p.content)) problems.push(`${where}: paramètre ${p.name} sans schema ni content`);
        if (p.in === 'path') {
          if (p.required !== true) problems.push(`${where}: paramètre de chemin ${p.name} doit être required`);
          if (!templateParams.includes(p.name)) problems.push(`${where}: paramètre de chemin ${p.name} absent du chemin`);
        }
      }
      for (const name of templateParams) if (!seen.has(`path:${name}`)) problems.push(`${where}: {${name}} sans paramètre de chemin`);
      if (!isObject(op.responses) || Object.keys(op.responses).length === 0) {
        problems.push(`${where}: responses requis`);
        continue;
      }
      for (const [status, raw] of Object.entries(op.responses)) {
        if (!/^([1-5](\d\d|XX)|default)$/.test(status)) problems.push(`${where}: statut ${status} invalide`);
        const response = deref(raw);
        if (!isObject(response) || typeof response.description !== 'string') problems.push(`${where} ${status}: description requise`);
        else if (response.content !== undefined) {
          if (!isObject(response.content)) problems.push(`${where} ${status}: content doit être un objet`);
          else for (const [type, media] of Object.entries(response.content)) {
            if (!isObject(media) || !isObject(media.schema)) problems.push(`${where} ${status} ${type}: schema requis`);
          }
        }
      }
    }
  }
  const refs: Array<{ at: string; ref: string }> = [];
  collectRefs(doc, '#', refs);
  for (const { at, ref } of refs) if (resolvePointer(doc, ref) === undefined) problems.push(`${at}: $ref ${ref} ne se résout pas`);
  return problems;
}

export function allRefs(doc: Json): string[] {
  const refs: Array<{ at: string; ref: string }> = [];
  collectRefs(doc, '#', refs);
  return refs.map((r) => r.ref);
}
