/**
 * Cheap stamps of what a device may need to fetch: one aggregate row each, not every lesson.
 * Published versions are immutable and only ever added (or go with their deleted lesson), so
 * any change to a class's latest versions changes the count, the sum of versions or the
 * latest publication time; feedback rows are only ever added.
 *
 * Read at every manifest check and class-news request, so at 8 a.m. the classes and pupils
 * asked about in one turn of the event loop are read together, one grouped query per
 * stamp (db/batched-lookup.ts): exact, since each read follows its request.
 */
import type { Kysely } from 'kysely';
import { sha256Of } from '../blobs/store.ts';
import { batchedLookup } from '../db/batched-lookup.ts';
import type { Database } from '../db/schema.ts';

export interface ClassStamps {
  /** Changes whenever the class's manifest can change (publications, assignments, sequences). */
  publicationStamp(classId: string): Promise<string>;
  /**
   * Changes whenever a publication or a teacher's feedback may concern a pupil of the class.
   * Pass the publication stamp when it was just read (the manifest reads it for its ETag).
   */
  classNews(classId: string, publications?: Promise<string>): Promise<string>;
  /** The cursor of the pupil's latest update, '0' when there is none (a decimal string, as the feed gives). */
  feedEnd(pupilId: string): Promise<string>;
}

const counted = (rows: { key: string; n: number | string | bigint }[]) =>
  new Map(rows.map((r) => [r.key, Number(r.n)]));

export function classStamps(db: Kysely<Database>): ClassStamps {
  const publications = batchedLookup(async (classIds: string[]) => {
    const rows = await db
      .selectFrom('lesson_versions as lv')
      .innerJoin('lessons as l', 'l.id', 'lv.lesson_id')
      .select((eb) => [
        'l.class_id as classId',
        eb.fn.countAll().as('versions'),
        eb.fn.sum('lv.version').as('versionSum'),
        eb.fn.max('lv.published_at').as('latest'),
      ])
      .where('l.class_id', 'in', classIds)
      .groupBy('l.class_id')
      .execute();
    return new Map(rows.map((r) => [r.classId, `${r.versions}|${r.versionSum}|${r.latest}`]));
  });
  const feedback = batchedLookup(async (classIds: string[]) =>
    counted(
      await db
        .selectFrom('feedback as f')
        .innerJoin('submissions as s', 's.id', 'f.submission_id')
        .innerJoin('pupils as p', 'p.id', 's.pupil_id')
        .select((eb) => ['p.class_id as key', eb.fn.countAll().as('n')])
        .where('p.class_id', 'in', classIds)
        .groupBy('p.class_id')
        .execute(),
    ),
  );
  // An unlinked device must hear its 401 from the manifest: the news moves for the class.
  const unlinked = batchedLookup(async (classIds: string[]) =>
    counted(
      await db
        .selectFrom('devices as d')
        .innerJoin('pupils as p', 'p.id', 'd.pupil_id')
        .select((eb) => ['p.class_id as key', eb.fn.countAll().as('n')])
        .where('p.class_id', 'in', classIds)
        .where('d.revoked_at', 'is not', null)
        .groupBy('p.class_id')
        .execute(),
    ),
  );
  // Assignments and sequence edits change manifests without a publication: they move this revision.
  const planRevisions = batchedLookup(async (classIds: string[]) => {
    const rows = await db
      .selectFrom('class_plan_revisions')
      .select(['class_id', 'revision'])
      .where('class_id', 'in', classIds)
      .execute();
    return new Map(rows.map((r) => [r.class_id, Number(r.revision)]));
  });
  const feedEnds = batchedLookup(async (pupilIds: string[]) => {
    const rows = await db
      .selectFrom('feed')
      .select((eb) => ['pupil_id', eb.fn.max('cursor').as('last')])
      .where('pupil_id', 'in', pupilIds)
      .groupBy('pupil_id')
      .execute();
    return new Map(rows.map((r) => [r.pupil_id, String(r.last)]));
  });

  const publicationStamp = async (classId: string) => {
    const [published, plan] = await Promise.all([publications(classId), planRevisions(classId)]);
    return `${classId}|${published ?? '0|0|'}|plan:${plan ?? 0}`;
  };
  return {
    publicationStamp,
    async classNews(classId, stamp) {
      const [published, feedbackCount, unlinkedCount] = await Promise.all([
        stamp ?? publicationStamp(classId),
        feedback(classId),
        unlinked(classId),
      ]);
      return sha256Of(`${published}|feedback:${feedbackCount ?? 0}|unlinked:${unlinkedCount ?? 0}`).slice(
        0,
        40,
      );
    },
    feedEnd: async (pupilId) => (await feedEnds(pupilId)) ?? '0',
  };
}
