/** WAL checkpoints run in a worker while writes go on, not inside a commit on the event loop. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { SAFETY_NET_PAGES } from '../../../server/db/checkpointer.ts';
import { openSqlite, type OpenDatabase } from '../../../server/db/connect.ts';

let dir: string;
let database: OpenDatabase | null = null;
afterEach(async () => {
  await database?.db.destroy();
  database = null;
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The rows the database file holds by itself, as if the log were lost (copied alone). A copy
 * taken while the checkpointer is writing the file can be torn (which is why the deployment guide
 * says never to copy the file alone while the server runs): such a copy is taken again.
 */
function rowsInMainFile(file: string): number {
  const copy = path.join(dir, 'copy.sqlite');
  for (let attempt = 1; ; attempt++) {
    copyFileSync(file, copy);
    const db = new SQLite(copy, { readonly: true });
    try {
      const table = db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get();
      return table ? (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n : 0;
    } catch (error) {
      const torn = error instanceof SQLite.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
      if (!torn || attempt >= 50) throw error;
    } finally {
      db.close();
    }
  }
}

describe('SQLite checkpoints', () => {
  it('leaves the commit path alone (SQLite’s own checkpoint only as a far safety net)', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cartable-ckpt-'));
    database = openSqlite(path.join(dir, 'cartable.sqlite'));
    const { rows } = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(
      database.db,
    );
    expect(rows[0]!.wal_autocheckpoint).toBe(SAFETY_NET_PAGES);
  });

  it('copies committed pages into the database file while writes go on, and all of them after', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cartable-ckpt-'));
    const file = path.join(dir, 'cartable.sqlite');
    database = openSqlite(file);
    await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)`.execute(database.db);
    // A write every few milliseconds, never a pause as long as the checkpointer's look: some
    // notes reach the file itself while they go on (the log does not grow through a rush).
    // (Waiting for a pause instead, the file got its first note after 4.8 s of this.)
    let written = 0;
    const deadline = Date.now() + 2_000;
    while (rowsInMainFile(file) === 0 && Date.now() < deadline)
      for (const end = Date.now() + 50; Date.now() < end;) {
        await sql`INSERT INTO notes (text) VALUES (${`note ${written}`})`.execute(database.db);
        written += 1;
      }
    expect(rowsInMainFile(file)).toBeGreaterThan(0);
    const settled = Date.now() + 5_000;
    while (rowsInMainFile(file) < written && Date.now() < settled)
      await new Promise((r) => setTimeout(r, 100));
    expect(rowsInMainFile(file)).toBe(written);
  });
});
