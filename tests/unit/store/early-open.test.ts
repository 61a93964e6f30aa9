/**
 * public/open-db.js starts opening the device database before the app's code arrives; the app
 * takes that connection over, and a database needing an upgrade is left to the app.
 */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDbForTests, DB_NAME, DB_VERSION, openDb } from '../../../src/store/db.ts';
import { listProfiles, saveProfile } from '../../../src/store/profiles.ts';
import { freshDevice, makeProfile } from '../client/support/device.ts';

const script = readFileSync(new URL('../../../public/open-db.js', import.meta.url), 'utf8');
/** Runs public/open-db.js as the page does, before the app. */
const runEarlyOpen = () => new Function('self', script)(globalThis);

beforeEach(async () => {
  await freshDevice();
});

describe('the early open', () => {
  it('opens the database the app knows, by name and version', () => {
    expect(script).toContain(`indexedDB.open('${DB_NAME}', ${DB_VERSION})`);
  });

  it('is taken over by the app on a device that already has the database', async () => {
    await saveProfile(makeProfile('lea'));
    await closeDbForTests();
    const open = vi.spyOn(IDBFactory.prototype, 'open');
    runEarlyOpen();
    expect(open).toHaveBeenCalledTimes(1);
    expect((await listProfiles()).map((p) => p.pupilId)).toEqual(['lea']);
    expect(open).toHaveBeenCalledTimes(1); // the app opened nothing itself
    open.mockRestore();
  });

  it('leaves a new device’s database to the app, which creates every store', async () => {
    const open = vi.spyOn(IDBFactory.prototype, 'open');
    runEarlyOpen();
    await saveProfile(makeProfile('ines'));
    expect((await listProfiles()).map((p) => p.pupilId)).toEqual(['ines']);
    expect(open).toHaveBeenCalledTimes(2); // the early open gave up; the app upgraded
    expect([...(await openDb()).objectStoreNames]).toContain('handedInElsewhere');
    open.mockRestore();
  });

  it('never blocks a newer version’s upgrade, even when nobody took its connection', async () => {
    await saveProfile(makeProfile('lea'));
    await closeDbForTests();
    runEarlyOpen();
    const early = (globalThis as { cartableDbOpening?: IDBOpenDBRequest }).cartableDbOpening!;
    delete (globalThis as { cartableDbOpening?: IDBOpenDBRequest }).cartableDbOpening;
    await new Promise((resolve) => early.addEventListener('success', resolve));
    const upgraded = await new Promise<number>((resolve, reject) => {
      const next = indexedDB.open(DB_NAME, DB_VERSION + 1);
      next.onblocked = () => reject(new Error('blocked by the early connection'));
      next.onsuccess = () => {
        next.result.close();
        resolve(next.result.version);
      };
    });
    expect(upgraded).toBe(DB_VERSION + 1);
  });
});
