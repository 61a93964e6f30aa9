/**
 * Issue 8 point 8: feed cursors are taken at insert time but transactions
 * commit in any order. A device that reads the feed between a later cursor's
 * commit and an earlier one's must still receive the earlier update.
 * PostgreSQL only (SQLite has one writer at a time); needs CARTABLE_TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { UpdatesSchema, type Update } from '../../../protocol/api.ts';
import { appendToFeed } from '../../../server/feed/append.ts';
import { adminUrl, postgresServerForSuite } from './postgres-database.ts';
import { bearer, createSchool, joinAs, type TestServer } from './harness.ts';

const ack = (n: number): Extract<Update, { kind: 'ack' }> => ({
  kind: 'ack',
  submissionId: randomUUID(),
  lessonId: `lesson-${n}`,
  receivedAt: new Date().toISOString(),
});

describe.skipIf(!adminUrl)('the feed under concurrent writers, on PostgreSQL', () => {
  let server: TestServer;
  postgresServerForSuite('cartable_feed', (created) => (server = created));

  it('delivers an update whose transaction commits after a later one was read', async () => {
    const school = await createSchool(server);
    const pupilId = school.pupils[0]!.id;
    const token = await joinAs(server, school.pupils[0]!.joinCode);
    const read = async (since: string) =>
      v.parse(
        UpdatesSchema,
        await (await server.app.request(`/api/pupil/updates?since=${since}`, bearer(token))).json(),
      );

    const first = ack(1);
    const second = ack(2);
    // The first writer takes its cursor and stays open (a slow hand-in)...
    const slow = await server.db.startTransaction().execute();
    await appendToFeed(slow, [{ pupilId, update: first, createdAt: first.receivedAt }]);
    // ...while a second writer commits (or waits for its turn, if the feed orders commits).
    let secondDone = false;
    const fast = server.db
      .transaction()
      .execute((trx) => appendToFeed(trx, [{ pupilId, update: second, createdAt: second.receivedAt }]))
      .then(() => (secondDone = true));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The device syncs between the two commits.
    const between = await read('0');
    await slow.commit().execute();
    await fast;
    expect(secondDone).toBe(true);
    const after = await read(between.cursor);

    const received = [...between.updates, ...after.updates].map((u) => (u as { lessonId: string }).lessonId);
    expect(received.sort()).toEqual(['lesson-1', 'lesson-2']);
  });
});
