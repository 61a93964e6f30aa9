/**
 * Demo content for a first start: a teacher, a class of three pupils with
 * join codes, four published lessons spread in time (two open now, one
 * opening tomorrow morning, one overdue), a three-séance sequence from the next
 * school day, and one adapted lesson for the last demo pupil only.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { BlobStore } from '../blobs/store.ts';
import { sha256Of } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';
import { publishLesson } from '../lessons/publish.ts';
import { addPupil, createClass, createTeacher } from '../roster.ts';
import { verifyPassword } from '../security/passwords.ts';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../protocol/school-time.ts';
import { schoolDayAt } from './dates.ts';
import { seedDemoSequence } from './demo-sequence.ts';
import { crowAndFoxLesson } from './lessons/crow-and-fox.ts';
import { fractionsLesson } from './lessons/fractions.ts';
import { presentTenseLesson } from './lessons/present-tense.ts';
import { waterCycleLesson } from './lessons/water-cycle.ts';
import { largeDemoMediaSteps } from './large-media.ts';

/** The demo teacher's login, printed at every start (the password is a demo, not a secret). */
export const DEMO_TEACHER = {
  name: 'Mme Claire Rousseau',
  email: 'prof@demo.cartable',
  password: 'cartable-demo',
} as const;
/** The demo class name. */
export const DEMO_CLASS = 'CM1 B — École Jean Jaurès';
/** The demo pupils, in the order they are printed. */
export const DEMO_PUPILS = ['Léa Martin', 'Noah Benali', 'Inès Dubois'] as const;

export interface DemoPupil {
  name: string;
  /** Normalised join code (no dashes). */
  joinCode: string;
}

/** Whether the database has no teacher yet (a first start). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const teacher = await db.selectFrom('teachers').select('id').limit(1).executeTakeFirst();
  return teacher === undefined;
}

/** Whether the demo teacher can still sign in with the public demo password. */
export async function demoLoginOpen(db: Kysely<Database>): Promise<boolean> {
  const teacher = await db
    .selectFrom('teachers')
    .select('password_hash')
    .where('email', '=', DEMO_TEACHER.email)
    .executeTakeFirst();
  return teacher !== undefined && (await verifyPassword(DEMO_TEACHER.password, teacher.password_hash));
}

/** Seeds the demo school, its dates on the school's clocks; call only on an empty database. */
export async function seedDemo(
  db: Kysely<Database>,
  blobs: BlobStore,
  { now = new Date(), timeZone = DEFAULT_SCHOOL_TIME_ZONE }: { now?: Date; timeZone?: string } = {},
): Promise<void> {
  const dayAt = (days: number, hours: number, minutes: number) =>
    schoolDayAt(now, days, hours, minutes, timeZone);
  const teacher = await createTeacher(db, DEMO_TEACHER, now);
  const schoolClass = await createClass(db, { teacherId: teacher.id, name: DEMO_CLASS }, now);
  const pupilIds: string[] = [];
  for (const [position, name] of DEMO_PUPILS.entries()) {
    const pupil = await addPupil(db, { classId: schoolClass.id, name }, now);
    pupilIds.push(pupil.id);
    await db
      .insertInto('demo_codes')
      .values({ pupil_id: pupil.id, code: pupil.joinCode, position })
      .execute();
  }

  // The picture is teacher media: stored and owned like an upload from the authoring screen.
  const png = new Uint8Array(await readFile(new URL('./media/pizza.png', import.meta.url)));
  const pizzaSha = sha256Of(png);
  await blobs.put(pizzaSha, png);
  const at = now.toISOString();
  await db
    .insertInto('blobs')
    .values({ sha256: pizzaSha, mime: 'image/png', size: png.byteLength, created_at: at })
    .execute();
  await db
    .insertInto('blob_owners')
    .values({ sha256: pizzaSha, owner_kind: 'teacher', owner_id: teacher.id, created_at: at })
    .execute();
  const pizza = { blob: pizzaSha, mime: 'image/png', size: png.byteLength, optional: false };

  const drafts = [
    fractionsLesson({ availableFrom: at, dueAt: dayAt(3, 16, 30) }, pizza),
    // Test/bench only: CARTABLE_DEMO_LARGE_MEDIA_MB adds a large file here (see large-media.ts).
    withSteps(
      waterCycleLesson({ availableFrom: at, dueAt: null }),
      await largeDemoMediaSteps(db, blobs, teacher.id, at),
    ),
    crowAndFoxLesson({ availableFrom: dayAt(1, 8, 30), dueAt: dayAt(2, 16, 30) }),
    presentTenseLesson({ availableFrom: dayAt(-5, 8, 30), dueAt: dayAt(-1, 16, 30) }),
  ];
  for (const draft of drafts) {
    await publishLesson(db, blobs, { lessonId: randomUUID(), classId: schoolClass.id, draft, now });
  }
  await seedDemoSequence(db, blobs, { classId: schoolClass.id, adaptedFor: pupilIds.at(-1)!, now, timeZone });
}

function withSteps<T extends { steps: unknown[] }>(draft: T, extra: T['steps']): T {
  return extra.length === 0 ? draft : { ...draft, steps: [...draft.steps, ...extra] };
}

/** The demo pupils and their live codes, for the start-up banner; empty when there is no demo. */
export async function listDemoPupils(db: Kysely<Database>): Promise<DemoPupil[]> {
  // demo_codes keeps which pupils are the demo's and their order; the live code may have been regenerated since.
  const rows = await db
    .selectFrom('demo_codes as d')
    .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
    .innerJoin('join_codes as j', 'j.pupil_id', 'p.id')
    .select(['p.name', 'j.code'])
    .where('j.revoked_at', 'is', null)
    .where('j.code', 'is not', null)
    .where('p.removed_at', 'is', null)
    .orderBy('d.position')
    .execute();
  return rows.map((row) => ({ name: row.name, joinCode: row.code ?? '' }));
}
