import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ALL_SLUGS, createApiWorld, type ApiWorld } from '../api/api-fixture';

/**
 * The CKAN tests' world: the API fixtures (several organisations, one dataset never published)
 * plus `irve-ckan-test`, which carries what they lack (frequency, spatial and temporal coverage,
 * contact, a keyword with an apostrophe), all loaded through the real pipeline. Expected values are
 * read from the fixture files, never from the store.
 */
export const CKAN_FIXTURES = path.resolve(__dirname, 'fixtures/ckan');
export const COMPLETE = 'irve-ckan-test';
export const CKAN_SLUGS = [...ALL_SLUGS, COMPLETE].sort();

export async function createCkanWorld(): Promise<ApiWorld> {
  const w = await createApiWorld();
  fs.cpSync(CKAN_FIXTURES, w.datasetsDir, { recursive: true });
  await w.catalogue.loadDatasets(w.datasetsDir);
  return w;
}

export function completeMetadata(): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(CKAN_FIXTURES, COMPLETE, 'dataset.json'), 'utf8'));
}

export function completeDataFile(): Buffer {
  return fs.readFileSync(path.join(CKAN_FIXTURES, COMPLETE, 'data.csv'));
}

/** An action's answer, with CKAN's envelope checked: `help` points at help_show for that very action. */
export async function ckanCall(w: ApiWorld, action: string, query = '', status = 200): Promise<request.Response> {
  const res = await request(w.app).get(`/api/3/action/${action}${query ? `?${query}` : ''}`);
  expect({ action, query, status: res.status }).toEqual({ action, query, status });
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body.help).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/3/action/help_show\\?name=${action}$`));
  expect(res.body.success).toBe(status === 200);
  expect(Object.keys(res.body).sort()).toEqual(status === 200 ? ['help', 'result', 'success'] : ['error', 'help', 'success']);
  return res;
}
