/**
 * Cheap stamps of what a device may need to fetch: one aggregate row each, not every lesson.
 * Published versions are immutable and only ever added (or go with their deleted lesson), so
 * any change to a class's latest versions changes the count, the sum of versions or the
 * latest publication time; feedback rows are only ever added.
 */
import type { Kysely } from 'kysely';
import { sha256Of } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';

/** Changes whenever the class's manifest can change. */
export async function publicationStamp(db: Kysely<Database>, classId: string): Promise<string> {
  const row = await db
    .selectFrom('lesson_versions as lv')
    .innerJoin('lessons as l', 'l.id', 'lv.lesson_id')
    .select((eb) => [
      eb.fn.countAll().as('versions'),
      eb.fn.sum('lv.version').as('versionSum'),
      eb.fn.max('lv.published_at').as('latest'),
    ])
    .where('l.class_id', '=', classId)
    .executeTakeFirst();
  return `${classId}|${row?.versions ?? 0}|${row?.versionSum ?? 0}|${row?.latest ?? ''}`;
}

/**
 * Changes whenever a publication or a teacher's feedback may concern a pupil of the class.
 * Pass the publication stamp when it was just read (the manifest reads it for its ETag).
 */
export async function classNews(
  db: Kysely<Database>,
  classId: string,
  publications?: Promise<string>,
): Promise<string> {
  const [stamp, feedback, unlinked] = await Promise.all([
    publications ?? publicationStamp(db, classId),
    db
      .selectFrom('feedback as f')
      .innerJoin('submissions as s', 's.id', 'f.submission_id')
      .innerJoin('pupils as p', 'p.id', 's.pupil_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('p.class_id', '=', classId)
      .executeTakeFirst(),
    // An unlinked device must hear its 401 from the manifest: the news moves for the class.
    db
      .selectFrom('devices as d')
      .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('p.class_id', '=', classId)
      .where('d.revoked_at', 'is not', null)
      .executeTakeFirst(),
  ]);
  return sha256Of(`${stamp}|feedback:${feedback?.n ?? 0}|unlinked:${unlinked?.n ?? 0}`).slice(0, 40);
}
