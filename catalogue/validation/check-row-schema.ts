/**
 * Is this document usable as a row schema (contract section 4)? Problems that prevent validating
 * rows throw one `bad-schema` error listing them all; harmless oddities (unknown keywords or
 * formats, another draft) come back as French warnings.
 */
import type { ErrorDetail } from '../errors';
import { getAjv, isKnownFormat, isKnownKeyword } from './ajv-instance';
import { checkExtensionKeywords } from './extension-checks';
import { compilePattern, anchorPattern, patternSyntaxError } from './patterns';
import { isDraft202012, withoutRootIdentity } from './prepare-schema';
import type { JsonSchema } from './row-schema';
import { badSchemaError, metaErrorsToDetails } from './schema-errors';
import { isSchemaObject, walkSchema } from './schema-walk';

/**
 * A schema of a whole GeoJSON document (amenagements-cyclables) is a valid JSON Schema of type
 * object, but its "columns" would be `type` and `features`: say so rather than accept it.
 */
function describesGeoJsonDocument(schema: JsonSchema): boolean {
  const refs = [schema.$ref, ...(Array.isArray(schema.allOf) ? schema.allOf.map((s) => (isSchemaObject(s) ? s.$ref : undefined)) : [])];
  if (refs.some((ref) => typeof ref === 'string' && /geojson/i.test(ref))) return true;
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const features = properties.features;
  if (!isSchemaObject(features) || features.type !== 'array' || !isSchemaObject(features.items)) return false;
  const itemProperties = features.items.properties;
  return isSchemaObject(itemProperties) && ('geometry' in itemProperties || 'properties' in itemProperties);
}

function patternProblems(schema: JsonSchema): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  walkSchema(schema, (sub, pointer) => {
    if (typeof sub.pattern !== 'string' || compilePattern(anchorPattern(sub.pattern))) return;
    const reason = patternSyntaxError(sub.pattern) ?? 'motif invalide une fois ancré';
    details.push({
      keyword: 'pattern',
      path: `${pointer}/pattern`,
      message: `le motif « ${sub.pattern} » n'est pas une expression régulière valide (${reason})`,
    });
  });
  return details;
}

function shapeProblems(schema: JsonSchema): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (schema.type !== 'object') {
    details.push({ keyword: 'type', path: '/type', message: 'un schéma de lignes doit déclarer "type": "object"' });
  }
  const properties = schema.properties;
  if (!isSchemaObject(properties) || Object.keys(properties).length === 0) {
    details.push({ keyword: 'properties', path: '/properties', message: 'un schéma de lignes doit déclarer ses colonnes dans « properties »' });
    return details;
  }
  if (Array.isArray(schema.required)) {
    schema.required.forEach((name, i) => {
      if (typeof name === 'string' && !Object.hasOwn(properties, name)) {
        details.push({ keyword: 'required', path: `/required/${i}`, message: `la colonne obligatoire « ${name} » n'est pas déclarée dans « properties »` });
      }
    });
  }
  return [...details, ...checkExtensionKeywords(schema, properties)];
}

function warningsOf(schema: JsonSchema): string[] {
  const warnings: string[] = [];
  if (schema.$schema !== undefined && !isDraft202012(schema.$schema)) {
    warnings.push(`Le schéma déclare « $schema » ${JSON.stringify(schema.$schema)} ; il est lu comme JSON Schema 2020-12.`);
  }
  walkSchema(schema, (sub, pointer) => {
    for (const key of Object.keys(sub)) {
      if (key.startsWith('x-') || key.startsWith('$') || isKnownKeyword(key)) continue;
      warnings.push(`Mot-clé « ${key} » inconnu en ${pointer || '/'} : il est ignoré.`);
    }
    if (typeof sub.format === 'string' && !isKnownFormat(sub.format)) {
      warnings.push(`Format « ${sub.format} » inconnu en ${pointer || '/'} : il n'est pas vérifié.`);
    }
  });
  return warnings;
}

/** Throws `bad-schema` (every problem in details) or returns the warnings. */
export function checkRowSchema(schema: unknown, origin?: string): string[] {
  if (!isSchemaObject(schema)) {
    throw badSchemaError(origin, [{ path: '', message: 'le schéma doit être un objet JSON' }]);
  }
  if (describesGeoJsonDocument(schema)) {
    throw badSchemaError(origin, [
      {
        keyword: 'properties',
        path: '/properties',
        message:
          "ce schéma décrit un document GeoJSON entier (FeatureCollection), pas une ligne de tableau ; " +
          'fournissez un schéma des propriétés des objets (une colonne par propriété, la géométrie déclarée par x-geo)',
      },
    ]);
  }
  const ajv = getAjv();
  const patterns = patternProblems(schema);
  const meta = ajv.validateSchema(withoutRootIdentity(schema)) ? [] : metaErrorsToDetails(ajv.errors ?? []);
  // A bad pattern is reported once, by our check, which knows why it does not compile.
  const reported = new Set(patterns.map((d) => d.path));
  const details = [...patterns, ...meta.filter((d) => !reported.has(d.path))];
  if (details.length === 0) details.push(...shapeProblems(schema));
  if (details.length > 0) throw badSchemaError(origin, details);
  return warningsOf(schema);
}
