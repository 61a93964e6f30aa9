/**
 * /api/teacher/classes: a teacher's classes: list, create, rename, archive.
 * An archived class stays readable and its pupils' devices keep working for
 * the lessons already published; nothing new is added to it.
 */
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import {
  CreateClassSchema,
  UpdateClassSchema,
  type ClassListSchema,
  type TeacherClass,
} from '../../../protocol/teacher-api.ts';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { readJson } from '../../http/json.ts';
import { createClass } from '../../roster.ts';
import type { AppEnv } from '../../security/auth.ts';
import { notYours, ownedClass } from '../../security/ownership.ts';
import { bodyAtMost } from '../../security/receive-body.ts';
import type { InferOutput } from 'valibot';

type ClassList = InferOutput<typeof ClassListSchema>;

/** The teacher's classes (or one of them) with their current pupil count, by name. */
async function listClasses(
  db: Kysely<Database>,
  teacherId: string,
  classId?: string,
): Promise<TeacherClass[]> {
  let query = db
    .selectFrom('classes as k')
    .leftJoin('pupils as p', (join) => join.onRef('p.class_id', '=', 'k.id').on('p.removed_at', 'is', null))
    .select((eb) => ['k.id', 'k.name', 'k.archived_at', eb.fn.count<number | string>('p.id').as('pupils')])
    .where('k.teacher_id', '=', teacherId)
    .groupBy(['k.id', 'k.name', 'k.archived_at'])
    .orderBy('k.name');
  if (classId !== undefined) query = query.where('k.id', '=', classId);
  const rows = await query.execute();
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    archived: k.archived_at !== null,
    pupilCount: Number(k.pupils),
  }));
}

/** Mounted at /api/teacher (behind teacher authentication). */
export function teacherClassRoutes({ db, now }: Pick<AppDeps, 'db' | 'now'>) {
  return new Hono<AppEnv>()
    .get('/classes', async (c) =>
      c.json({ classes: await listClasses(db, c.get('teacher').teacherId) } satisfies ClassList),
    )
    .post('/classes', bodyAtMost(4 * 1024), async (c) => {
      const parsed = await readJson(c, CreateClassSchema);
      if (!parsed.ok) return parsed.response;
      const teacherId = c.get('teacher').teacherId;
      const { id } = await createClass(db, { teacherId, name: parsed.value.name }, now());
      const [created] = await listClasses(db, teacherId, id);
      return c.json(created, 201);
    })
    .patch('/classes/:classId', bodyAtMost(4 * 1024), async (c) => {
      const teacherId = c.get('teacher').teacherId;
      const classId = c.req.param('classId');
      const found = await ownedClass(db, teacherId, classId);
      if (!found) return notYours(c, 'class');
      const parsed = await readJson(c, UpdateClassSchema);
      if (!parsed.ok) return parsed.response;
      const { name, archived } = parsed.value;
      const archivedAt =
        archived === undefined
          ? found.archived_at
          : archived
            ? (found.archived_at ?? now().toISOString())
            : null;
      await db
        .updateTable('classes')
        .set({ name: name ?? found.name, archived_at: archivedAt })
        .where('id', '=', classId)
        .execute();
      const [updated] = await listClasses(db, teacherId, classId);
      return c.json(updated);
    });
}
