/**
 * The demo's sequence: "Les fractions", three séances on consecutive school days from the next
 * school day at 08:30 school time, and one adapted lesson given to one demo pupil only.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { addDays, schoolDate } from '../../protocol/school-time.ts';
import { PRIMARY_WEEKDAYS, scheduleSeances } from '../../protocol/sequence-schedule.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';
import { publishLesson } from '../lessons/publish.ts';
import { assignLesson } from '../sequences/assignments.ts';
import { saveSequence } from '../sequences/sequence-store.ts';
import { adaptedFractions, FRACTION_SEANCES } from './lessons/fraction-sequence.ts';

/** The demo sequence's title, as pupils see it above its séances. */
export const DEMO_SEQUENCE_TITLE = 'Les fractions';

/** Seeds the sequence in the class, and the adapted lesson for `adaptedFor` (a pupil id). */
export async function seedDemoSequence(
  db: Kysely<Database>,
  blobs: BlobStore,
  input: { classId: string; adaptedFor: string; now: Date; timeZone: string },
): Promise<void> {
  const { classId, now, timeZone } = input;
  const dates = scheduleSeances(
    {
      startDate: addDays(schoolDate(now, timeZone), 1),
      time: '08:30',
      weekdays: PRIMARY_WEEKDAYS,
      daysOff: [],
      due: { kind: 'sameDay', time: '18:00' },
    },
    FRACTION_SEANCES.length,
    timeZone,
  );
  const lessonIds: string[] = [];
  for (const [i, draftOn] of FRACTION_SEANCES.entries()) {
    const lessonId = randomUUID();
    const { availableFrom, dueAt } = dates[i]!;
    await publishLesson(db, blobs, { lessonId, classId, draft: draftOn({ availableFrom, dueAt }), now });
    lessonIds.push(lessonId);
  }
  const at = now.toISOString();
  await saveSequence(db, {
    sequenceId: randomUUID(),
    classId,
    title: DEMO_SEQUENCE_TITLE,
    description: 'Comparer, additionner et placer des fractions.',
    lessonIds,
    at,
  });

  // Assigned before it is published, so no other pupil's device ever lists it.
  const adaptedId = randomUUID();
  const draft = adaptedFractions({ availableFrom: at, dueAt: dates[0]!.dueAt });
  await db
    .insertInto('lessons')
    .values({ id: adaptedId, class_id: classId, created_at: at, draft: null, updated_at: at })
    .execute();
  await assignLesson(db, { lessonId: adaptedId, pupilIds: [input.adaptedFor], at });
  await publishLesson(db, blobs, { lessonId: adaptedId, classId, draft, now });
}
