/** Teachers, classes and pupils with their join codes: used by the seed, and later by teacher routes. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import { hashJoinCode, newJoinCode } from './security/join-codes.ts';
import { hashPassword } from './security/passwords.ts';

type Db = Kysely<Database>;

const nowIso = () => new Date().toISOString();

/** Creates a teacher account; the email is stored lowercased. */
export async function createTeacher(
  db: Db,
  input: { name: string; email: string; password: string },
): Promise<{ id: string }> {
  const id = randomUUID();
  await db
    .insertInto('teachers')
    .values({
      id,
      name: input.name,
      email: input.email.trim().toLowerCase(),
      password_hash: await hashPassword(input.password),
      created_at: nowIso(),
    })
    .execute();
  return { id };
}

/** Creates a class owned by a teacher. */
export async function createClass(
  db: Db,
  input: { teacherId: string; name: string },
): Promise<{ id: string }> {
  const id = randomUUID();
  await db
    .insertInto('classes')
    .values({ id, teacher_id: input.teacherId, name: input.name, created_at: nowIso() })
    .execute();
  return { id };
}

/** Adds a pupil to a class and gives them a join code; the plain code is returned once and stored hashed. */
export async function addPupil(
  db: Db,
  input: { classId: string; name: string },
): Promise<{ id: string; joinCode: string }> {
  const id = randomUUID();
  const joinCode = newJoinCode();
  const createdAt = nowIso();
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
      })
      .execute();
  });
  return { id, joinCode };
}
