/** A batch of hand-ins is stored in three statements, whatever its size, with each one's own answer. */
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../../server/db/connect.ts';
import type { Database } from '../../../server/db/schema.ts';
import { storeHandIns, type HandIn } from '../../../server/hand-ins/store-hand-ins.ts';
import { addPupil, createClass, createTeacher } from '../../../server/roster.ts';

let db: Kysely<Database>;
let statements = 0;
let pupils: string[];
let lessonId: string;

beforeEach(async () => {
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
    log: (event) => {
      // Statements, not the transaction's BEGIN and COMMIT.
      if (event.level === 'query' && !/^(begin|commit)/i.test(event.query.sql)) statements += 1;
    },
  });
  await migrateToLatest({ db, dialect: 'sqlite' });
  const teacher = await createTeacher(
    db,
    {
      name: 'Mme Test',
      email: 't@school.test',
      password: 'x'.repeat(12),
    },
    new Date(),
  );
  const { id: classId } = await createClass(db, { teacherId: teacher.id, name: 'CM1' }, new Date());
  pupils = [];
  for (const name of ['Léa', 'Tom']) pupils.push((await addPupil(db, { classId, name }, new Date())).id);
  lessonId = randomUUID();
});
afterEach(() => db.destroy());

const handIn = (pupilId: string, text: string, id: string = randomUUID()): HandIn => ({
  id,
  pupilId,
  lessonId,
  lessonVersion: 1,
  body: JSON.stringify({ id, text }),
  bodySha256: `sha-of-${text}`,
  handedInAt: '2026-12-02T08:00:00.000Z',
  receivedAt: '2026-12-02T08:00:01.000Z',
});

const store = (handIns: HandIn[]) => {
  statements = 0;
  return db.transaction().execute((trx) => storeHandIns(trx, handIns));
};

describe('storing a batch of hand-ins', () => {
  it('stores 100 hand-ins and their 100 acknowledgements in two statements', async () => {
    const batch = Array.from({ length: 100 }, (_, i) => handIn(pupils[i % 2]!, `réponse ${i}`));
    const outcomes = await store(batch);
    expect(statements).toBe(2);
    expect(outcomes.every((o) => o.status === 201)).toBe(true);
    expect((await db.selectFrom('submissions').select('id').execute()).length).toBe(100);
    const feed = await db.selectFrom('feed').select(['pupil_id', 'payload']).execute();
    expect(feed).toHaveLength(100);
    expect(feed.map((f) => JSON.parse(f.payload).submissionId).sort()).toEqual(batch.map((h) => h.id).sort());
  });

  it('answers each repeat with the first receipt: 200 for the same work, 409 for other work or another pupil', async () => {
    const first = handIn(pupils[0]!, 'a');
    await store([first]);
    const later = { ...first, receivedAt: '2026-12-02T09:00:00.000Z' };
    const fresh = handIn(pupils[1]!, 'b');
    const outcomes = await store([
      later,
      { ...later, bodySha256: 'sha-of-other' },
      { ...later, pupilId: pupils[1]! },
      fresh,
    ]);
    expect(statements).toBe(3);
    expect(outcomes).toEqual([
      { status: 200, receivedAt: first.receivedAt },
      { status: 409 },
      { status: 409 },
      { status: 201, receivedAt: fresh.receivedAt },
    ]);
    expect(await db.selectFrom('feed').selectAll().execute()).toHaveLength(2);
  });

  it('stores one of two hand-ins with one id in the same batch, and answers the other as a repeat', async () => {
    const once = handIn(pupils[0]!, 'a');
    const outcomes = await store([once, { ...once }, { ...once, bodySha256: 'sha-of-other' }]);
    expect(outcomes.map((o) => o.status)).toEqual([201, 200, 409]);
    expect(await db.selectFrom('submissions').select('id').execute()).toHaveLength(1);
    expect(await db.selectFrom('feed').selectAll().execute()).toHaveLength(1);
  });
});
