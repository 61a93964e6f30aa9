/**
 * Settings of the device itself (not of a pupil): siblings share one data plan.
 * Kept in IndexedDB, not localStorage, because the service worker reads them too.
 */
import { openDb } from './db.ts';

/** 'always': download everything; 'askFirst': large or optional media wait for the pupil unless on Wi-Fi. */
export type DownloadPolicy = 'always' | 'askFirst';

const POLICY_KEY = 'device:downloadPolicy';

/** The family's download choice ('always' until they change it). */
export async function getDownloadPolicy(): Promise<DownloadPolicy> {
  const value = await (await openDb()).get('meta', POLICY_KEY);
  return value === 'askFirst' ? 'askFirst' : 'always';
}

/** Remember the family's download choice for every pupil on this device. */
export async function setDownloadPolicy(policy: DownloadPolicy): Promise<void> {
  await (await openDb()).put('meta', policy, POLICY_KEY);
}
