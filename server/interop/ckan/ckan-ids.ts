import { createHash } from 'node:crypto';

/**
 * CKAN identifies packages, resources, organisations, groups and tags by UUID, and harvesters key
 * on them (data.gouv.fr's harvester drops a resource whose `id` does not parse as a UUID). Ours are
 * name-based UUIDs (RFC 9562 version 5) of the slugs: the same on every call, every store and
 * every restart, with nothing to store.
 */
const NAMESPACE = 'a3f5c1e2-8d4b-5f6a-9c7e-2b1d0e4f6a8c';

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const hash = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Each kind of object has its own name space, so that a dataset and an organisation named alike get different ids. */
export const ckanIds = {
  package: (slug: string) => uuidV5(`dataset:${slug}`),
  /** Stable across versions: a new version updates the resource (url, hash, size), as CKAN does. */
  resource: (slug: string, distributionId: string) => uuidV5(`resource:${slug}/${distributionId}`),
  organization: (slug: string) => uuidV5(`organization:${slug}`),
  group: (name: string) => uuidV5(`group:${name}`),
  tag: (name: string) => uuidV5(`tag:${name}`),
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
