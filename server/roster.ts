/**
 * Teachers, classes and pupils with their join codes: used by the seed, the CLI and the teacher
 * routes. Each write is stamped with the caller's clock (the app's injected `now`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { hashJoinCode, newJoinCode } from './security/join-codes.ts';
import { hashPassword } from './security/passwords.ts';

type Db = Kysely<Database>;

/** Creates a teacher account; the email is stored lowercased. */
export async function createTeacher(
  db: Db,
  input: { name: string; email: string; password: string },
  now: Date,
): Promise<{ id: string }> {
  const id = randomUUID();
  await db
    .insertInto('teachers')
    .values({
      id,
      name: input.name,
      email: input.email.trim().toLowerCase(),
      password_hash: await hashPassword(input.password),
      created_at: now.toISOString(),
    })
    .execute();
  return { id };
}

/** Creates a class owned by a teacher. */
export async function createClass(
  db: Db,
  input: { teacherId: string; name: string },
  now: Date,
): Promise<{ id: string }> {
  const id = randomUUID();
  await db
    .insertInto('classes')
    .values({ id, teacher_id: input.teacherId, name: input.name, created_at: now.toISOString() })
    .execute();
  return { id };
}

/** Adds a pupil to a class and gives them a join code (looked up by its hash; the plain code is kept for printing). */
export async function addPupil(
  db: Db,
  input: { classId: string; name: string },
  now: Date,
): Promise<{ id: string; joinCode: string }> {
  const id = randomUUID();
  const joinCode = newJoinCode();
  const createdAt = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('pupils')
      .values({ id, class_id: input.classId, name: input.name, created_at: createdAt })
      .execute();
    await trx
      .insertInto('join_codes')
      .values({
        code_hash: hashJoinCode(joinCode),
        pupil_id: id,
        created_at: createdAt,
        expires_at: null,
        revoked_at: null,
        code: joinCode,
      })
      .execute();
  });
  return { id, joinCode };
}

/** Revokes a pupil's live codes and issues a new one; the old code stops working at once. */
export async function regenerateJoinCode(db: Db, pupilId: string, now: Date): Promise<string> {
  const joinCode = newJoinCode();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('join_codes')
      .set({ revoked_at: at, code: null })
      .where('pupil_id', '=', pupilId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('join_codes')
      .values({
        code_hash: hashJoinCode(joinCode),
        pupil_id: pupilId,
        created_at: at,
        expires_at: null,
        revoked_at: null,
        code: joinCode,
      })
      .execute();
  });
  return joinCode;
}

/** Removes a pupil from the class list: their devices and codes stop working, their submissions stay. */
export async function removePupil(db: Db, pupilId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('pupils').set({ removed_at: at }).where('id', '=', pupilId).execute();
    await trx
      .updateTable('join_codes')
      .set({ revoked_at: at, code: null })
      .where('pupil_id', '=', pupilId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .updateTable('devices')
      .set({ revoked_at: at })
      .where('pupil_id', '=', pupilId)
      .where('revoked_at', 'is', null)
      .execute();
  });
}
