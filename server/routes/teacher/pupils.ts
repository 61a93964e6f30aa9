/**
 * Pupils of a teacher's class: the list with each pupil's current join code
 * (for the printable sheet) and linked devices, adding one or a pasted list,
 * renaming, removing, and a new code when one has leaked or been lost.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import {
  AddPupilsSchema,
  RenamePupilSchema,
  type NewJoinCodeSchema,
  type PupilListSchema,
  type TeacherPupil,
} from '../../../protocol/teacher-api.ts';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { readJson } from '../../http/json.ts';
import { addPupil, regenerateJoinCode, removePupil } from '../../roster.ts';
import type { AppEnv } from '../../security/auth.ts';
import { formatJoinCode } from '../../security/join-codes.ts';
import { classArchived, notYours, ownedClass, ownedPupil } from '../../security/ownership.ts';
import { bodyAtMost } from '../../security/receive-body.ts';
import type { InferOutput } from 'valibot';

type PupilList = InferOutput<typeof PupilListSchema>;
type NewJoinCode = InferOutput<typeof NewJoinCodeSchema>;

/** Pupils still on a class list (or the given ones), by name, with their live code and linked devices. */
async function listPupils(
  db: Kysely<Database>,
  classId: string,
  pupilIds?: string[],
): Promise<TeacherPupil[]> {
  let query = db
    .selectFrom('pupils as p')
    .leftJoin('join_codes as j', (join) =>
      join.onRef('j.pupil_id', '=', 'p.id').on('j.revoked_at', 'is', null),
    )
    .select((eb) => [
      'p.id',
      'p.name',
      'j.code',
      eb
        .selectFrom('devices as d')
        .select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('d.pupil_id', '=', 'p.id')
        .where('d.revoked_at', 'is', null)
        .as('devices'),
    ])
    .where('p.class_id', '=', classId)
    .where('p.removed_at', 'is', null)
    .orderBy('p.name')
    .orderBy('p.id');
  if (pupilIds) query = query.where('p.id', 'in', pupilIds);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    // Pupils created before plain codes were kept have none to show: the teacher regenerates one.
    code: row.code ? formatJoinCode(row.code) : '',
    devices: Number(row.devices ?? 0),
  }));
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherPupilRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>()
    .get('/classes/:classId/pupils', async (c) => {
      const classId = c.req.param('classId');
      if (!(await ownedClass(db, c.get('teacher').teacherId, classId))) return notYours(c, 'class');
      return c.json({ pupils: await listPupils(db, classId) } satisfies PupilList);
    })
    .post('/classes/:classId/pupils', bodyAtMost(64 * 1024), async (c) => {
      const classId = c.req.param('classId');
      const found = await ownedClass(db, c.get('teacher').teacherId, classId);
      if (!found) return notYours(c, 'class');
      if (found.archived_at) return classArchived(c);
      const parsed = await readJson(c, AddPupilsSchema);
      if (!parsed.ok) return parsed.response;
      const ids: string[] = [];
      for (const name of parsed.value.names) ids.push((await addPupil(db, { classId, name }, now())).id);
      return c.json({ pupils: await listPupils(db, classId, ids) } satisfies PupilList, 201);
    })
    .patch('/pupils/:pupilId', bodyAtMost(4 * 1024), async (c) => {
      const pupil = await ownedPupil(db, c.get('teacher').teacherId, c.req.param('pupilId'));
      if (!pupil) return notYours(c, 'pupil');
      const parsed = await readJson(c, RenamePupilSchema);
      if (!parsed.ok) return parsed.response;
      await db.updateTable('pupils').set({ name: parsed.value.name }).where('id', '=', pupil.id).execute();
      const [renamed] = await listPupils(db, pupil.class_id, [pupil.id]);
      return c.json(renamed);
    })
    .delete('/pupils/:pupilId', async (c) => {
      const pupil = await ownedPupil(db, c.get('teacher').teacherId, c.req.param('pupilId'));
      if (!pupil) return notYours(c, 'pupil');
      await removePupil(db, pupil.id, now());
      return c.body(null, 204);
    })
    .post('/pupils/:pupilId/code', async (c) => {
      const pupil = await ownedPupil(db, c.get('teacher').teacherId, c.req.param('pupilId'));
      if (!pupil) return notYours(c, 'pupil');
      const code = await regenerateJoinCode(db, pupil.id, now());
      return c.json({ code: formatJoinCode(code) } satisfies NewJoinCode);
    });
}
