/** A device updated from database version 3 keeps its data and reads the feed again from the start. */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { closeDbForTests, DB_NAME } from '../../../src/store/db.ts';
import { saveDraft } from '../../../src/store/drafts.ts';
import { getHandedIn, handIn } from '../../../src/store/hand-in.ts';
import { listHandedInElsewhere } from '../../../src/store/handed-in-elsewhere.ts';
import { getDraft } from '../../../src/store/drafts.ts';
import { getUpdatesCursor, setUpdatesCursor } from '../../../src/store/meta.ts';
import type { Profile } from '../../../src/store/records.ts';
import { deviceWithLea } from '../client/support/device.ts';

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));

describe('a device updated from the previous database version', () => {
  it('keeps its data and reads the feed again from the start, to learn what it had dropped', async () => {
    await setUpdatesCursor(lea.id, '42');
    await saveDraft({
      profileId: lea.id,
      lessonId: 'histoire',
      lessonVersion: 1,
      answers: { q1: { kind: 'text', text: 'La Loire' } },
      stepIndex: 0,
      updatedAt: '2021-04-06T08:10:00.000Z',
    });
    const work = await handIn(lea, { lessonId: 'sciences', version: 1 }, {});
    await closeDbForTests();
    // Back to version 3: what the previous app version left (no store for other devices' work).
    const current = await openDB(DB_NAME);
    const version = current.version;
    current.close();
    expect(version).toBe(4);
    await downgradeToV3();

    expect(await getUpdatesCursor(lea.id)).toBe('');
    expect((await getDraft(lea.id, 'histoire'))?.answers).toEqual({ q1: { kind: 'text', text: 'La Loire' } });
    expect(await getHandedIn(work.submission.id)).toMatchObject({ state: 'waiting' });
    expect(await listHandedInElsewhere(lea.id)).toEqual([]);
  });
});

/**
 * Rebuild the database as version 3 with the same records (fake-indexeddb cannot open an
 * older version): copy every store but the v4 one into a new v3 database of that name.
 */
async function downgradeToV3(): Promise<void> {
  const current = await openDB(DB_NAME);
  const names = [...current.objectStoreNames].filter((name) => name !== 'handedInElsewhere');
  const copies = new Map<
    string,
    {
      keyPath: string | string[] | null;
      indexes: [string, string | string[]][];
      rows: [IDBValidKey, unknown][];
    }
  >();
  for (const name of names) {
    const store = current.transaction(name).store;
    const keys = await store.getAllKeys();
    const values = await store.getAll();
    copies.set(name, {
      keyPath: store.keyPath as string | string[] | null,
      indexes: [...store.indexNames].map((index) => [index, store.index(index).keyPath as string | string[]]),
      rows: keys.map((key, i) => [key, values[i]]),
    });
  }
  current.close();
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  const v3 = await openDB(DB_NAME, 3, {
    upgrade(db) {
      for (const [name, copy] of copies) {
        const store = db.createObjectStore(name, copy.keyPath === null ? {} : { keyPath: copy.keyPath });
        for (const [index, keyPath] of copy.indexes) store.createIndex(index, keyPath);
      }
    },
  });
  for (const [name, copy] of copies) {
    const tx = v3.transaction(name, 'readwrite');
    for (const [key, value] of copy.rows)
      await (copy.keyPath === null ? tx.store.put(value, key) : tx.store.put(value));
    await tx.done;
  }
  v3.close();
}
