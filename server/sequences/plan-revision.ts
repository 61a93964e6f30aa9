/** Moving a class's plan revision: its manifests' ETags and its class news change with it. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Marks the classes' manifests as changed without a publication (an assignment, a sequence
 * renamed, reordered or shortened), so every device of them checks its manifest again.
 */
export async function touchClassPlans(db: Kysely<Database>, classIds: Iterable<string>): Promise<void> {
  for (const classId of new Set(classIds)) {
    await db
      .insertInto('class_plan_revisions')
      .values({ class_id: classId, revision: 1 })
      .onConflict((conflict) =>
        conflict
          .column('class_id')
          .doUpdateSet((eb) => ({ revision: eb('class_plan_revisions.revision', '+', 1) })),
      )
      .execute();
  }
}
