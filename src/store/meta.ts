/** Small per-profile sync values: clock offset, manifest ETag, updates cursor, last sync time, last readiness report. */
import { openDb } from './db.ts';

/** Every per-profile meta name; `forgetProfileMeta` deletes exactly these. */
export const META_NAMES = [
  'clockOffset',
  'manifestEtag',
  'updatesCursor',
  'lastSyncAt',
  'readinessReported',
  'classNewsUrl',
  'classNews',
] as const;
type MetaName = (typeof META_NAMES)[number];

/** The meta key of one value for one profile. */
export function metaKey(name: MetaName, profileId: string): string {
  return `${name}:${profileId}`;
}

async function read(name: MetaName, profileId: string): Promise<string | number | undefined> {
  return (await openDb()).get('meta', metaKey(name, profileId));
}

async function write(name: MetaName, profileId: string, value: string | number | null): Promise<void> {
  const db = await openDb();
  if (value === null) await db.delete('meta', metaKey(name, profileId));
  else await db.put('meta', value, metaKey(name, profileId));
}

/** Server clock minus device clock, in ms, measured at the last exchange (0 if never measured). */
export async function getClockOffset(profileId: string): Promise<number> {
  const value = await read('clockOffset', profileId);
  return typeof value === 'number' ? value : 0;
}

/** Remember server clock minus device clock for this profile. */
export function setClockOffset(profileId: string, offsetMs: number): Promise<void> {
  return write('clockOffset', profileId, Math.round(offsetMs));
}

/** The ETag of the last manifest this profile stored, for If-None-Match. */
export async function getManifestEtag(profileId: string): Promise<string | null> {
  const value = await read('manifestEtag', profileId);
  return typeof value === 'string' ? value : null;
}

/** Store (or clear, with null) the manifest ETag. */
export function setManifestEtag(profileId: string, etag: string | null): Promise<void> {
  return write('manifestEtag', profileId, etag);
}

/** Where the updates feed stopped last time ('' before the first pull). */
export async function getUpdatesCursor(profileId: string): Promise<string> {
  const value = await read('updatesCursor', profileId);
  return typeof value === 'string' ? value : '';
}

/** Store the updates feed cursor returned by the server. */
export function setUpdatesCursor(profileId: string, cursor: string): Promise<void> {
  return write('updatesCursor', profileId, cursor);
}

/** When this profile last finished a lesson sync (ISO), or null. */
export async function getLastSyncAt(profileId: string): Promise<string | null> {
  const value = await read('lastSyncAt', profileId);
  return typeof value === 'string' ? value : null;
}

/** Record the end of a successful lesson sync. */
export function setLastSyncAt(profileId: string, iso: string): Promise<void> {
  return write('lastSyncAt', profileId, iso);
}

/** The readiness report the server last acknowledged: what it said (a fingerprint) and when (epoch ms). */
export interface ReadinessReported {
  fingerprint: string;
  at: number;
}

/** The last acknowledged readiness report, or null when none was. */
export async function getReadinessReported(profileId: string): Promise<ReadinessReported | null> {
  const value = await read('readinessReported', profileId);
  if (typeof value !== 'string') return null;
  const [at, ...rest] = value.split(' ');
  return { at: Number(at), fingerprint: rest.join(' ') };
}

/** Remember a readiness report the server acknowledged. */
export function setReadinessReported(profileId: string, reported: ReadinessReported): Promise<void> {
  return write('readinessReported', profileId, `${reported.at} ${reported.fingerprint}`);
}

/** The class news URL and value the last manifest answer named, or null. */
export async function getClassNews(profileId: string): Promise<{ url: string; value: string } | null> {
  const [url, value] = await Promise.all([read('classNewsUrl', profileId), read('classNews', profileId)]);
  return typeof url === 'string' && typeof value === 'string' ? { url, value } : null;
}

/** Remember (or forget, with null) the class news of the last manifest answer. */
export async function setClassNews(
  profileId: string,
  news: { url: string; value: string } | null,
): Promise<void> {
  await write('classNewsUrl', profileId, news?.url ?? null);
  await write('classNews', profileId, news?.value ?? null);
}
