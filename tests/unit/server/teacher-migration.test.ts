import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../../server/db/connect.ts';
import { migrationProvider } from '../../../server/db/migrations/index.ts';

describe('migration 002 on a database made by 001', () => {
  it('fills the printable code of demo pupils from demo_codes, and leaves revoked codes empty', async () => {
    const database = openSqlite(':memory:');
    const db = database.db;
    try {
      const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
      expect((await migrator.migrateTo('001-initial')).error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await db
        .insertInto('teachers')
        .values({ id: 't', email: 'a@b.c', name: 'T', password_hash: 'x', created_at: at })
        .execute();
      await db
        .insertInto('classes')
        .values({ id: 'k', teacher_id: 't', name: 'K', created_at: at })
        .execute();
      await db.insertInto('pupils').values({ id: 'p', class_id: 'k', name: 'P', created_at: at }).execute();
      await db
        .insertInto('join_codes')
        .values([
          { code_hash: 'old', pupil_id: 'p', created_at: at, expires_at: null, revoked_at: at },
          { code_hash: 'live', pupil_id: 'p', created_at: at, expires_at: null, revoked_at: null },
        ] as never)
        .execute();
      await db.insertInto('demo_codes').values({ pupil_id: 'p', code: 'ABCDEFGHJ', position: 0 }).execute();

      await migrateToLatest(database);
      const codes = await db
        .selectFrom('join_codes')
        .select(['code_hash', 'code'])
        .orderBy('code_hash')
        .execute();
      expect(codes).toEqual([
        { code_hash: 'live', code: 'ABCDEFGHJ' },
        { code_hash: 'old', code: null },
      ]);
    } finally {
      await db.destroy();
    }
  });
});
