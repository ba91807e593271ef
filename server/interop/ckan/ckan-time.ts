/**
 * CKAN writes its timestamps in UTC without a zone and with microseconds
 * (`2026-03-01T09:30:00.000000`, Python's `datetime.isoformat()`); harvesters parse that form.
 */
export function ckanTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 23)}000`;
}
