/** Test-only: a brand-new device (empty IndexedDB and Cache Storage) for each test. */
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, vi } from 'vitest';
import { closeDbForTests } from '../../../../src/store/db.ts';
import { saveProfile } from '../../../../src/store/profiles.ts';
import type { Profile } from '../../../../src/store/records.ts';
import { installMemoryCaches, type MemoryCacheStorage } from './memory-caches.ts';

/** Close the memoised connection and swap in a fresh IndexedDB and caches. */
export async function freshDevice(): Promise<MemoryCacheStorage> {
  await closeDbForTests();
  globalThis.indexedDB = new IDBFactory();
  return installMemoryCaches();
}

/** Each test of the file on a brand-new device, its spies and mocks restored after it. */
export function eachFreshDevice(): void {
  beforeEach(async () => {
    await freshDevice();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
}

export const SERVER = 'https://ecole.example';

/** A linked pupil profile (not stored). */
export function makeProfile(pupilId: string, overrides: Partial<Profile> = {}): Profile {
  return {
    id: `${SERVER}|${pupilId}`,
    pupilId,
    pupilName: `Élève ${pupilId}`,
    classId: 'cm1-a',
    className: 'CM1 A',
    token: `token-${pupilId}-${'x'.repeat(40)}`,
    server: SERVER,
    joinedAt: '2021-04-01T08:00:00.000Z',
    link: 'ok',
    ...overrides,
  };
}

/** Store and return a linked profile. */
export async function linkedProfile(pupilId: string, overrides: Partial<Profile> = {}): Promise<Profile> {
  const profile = makeProfile(pupilId, overrides);
  await saveProfile(profile);
  return profile;
}

/** A brand-new device with Léa linked on it: what most device tests start from. */
export async function deviceWithLea(): Promise<{ caches: MemoryCacheStorage; lea: Profile }> {
  const caches = await freshDevice();
  return { caches, lea: await linkedProfile('lea') };
}
