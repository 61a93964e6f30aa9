/** Another tab (a newer app version) upgrades the database: this tab's typing is still stored, and said. */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { onDatabaseChanged } from '../../../src/store/connection.ts';
import { DB_NAME, DB_VERSION } from '../../../src/store/db.ts';
import { getDraft, saveDraft } from '../../../src/store/drafts.ts';
import { createLatestWriter } from '../../../src/store/latest-writer.ts';
import type { Draft } from '../../../src/store/records.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';

beforeEach(async () => {
  await freshDevice();
});

describe('a database upgraded by another tab', () => {
  it("stores this tab's pending value after reopening, and says the database changed", async () => {
    const lea = await linkedProfile('lea');
    const draft = (text: string): Draft => ({
      profileId: lea.id,
      lessonId: 'geo',
      lessonVersion: 1,
      answers: { q1: { kind: 'text', text } },
      stepIndex: 0,
      updatedAt: new Date().toISOString(),
    });
    const failures: unknown[] = [];
    const changes: string[] = [];
    const stop = onDatabaseChanged((reason) => changes.push(reason));
    const writer = createLatestWriter(saveDraft, undefined, {
      retryDelayMs: () => 1,
      onError: (error) => failures.push(error),
    });
    await writer.save(draft('La Loire'));

    // A newer app version opens the database one version higher, and stays open.
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    await writer.save(draft('La Loire est le plus long fleuve'));
    await writer.flush();

    expect((await getDraft(lea.id, 'geo'))?.answers.q1).toEqual({
      kind: 'text',
      text: 'La Loire est le plus long fleuve',
    });
    expect(changes).toContain('newerVersion');
    newer.close();
    stop();
    void failures;
  });
});
