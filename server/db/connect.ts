/** Opens the database: embedded SQLite under DATA_DIR, or PostgreSQL when DATABASE_URL says so. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations/index.ts';
import { SAFETY_NET_PAGES, startCheckpointer } from './checkpointer.ts';
import { withStatementCache } from './statement-cache.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The driver under Kysely, for the rate limits' store (security/rate-limit.ts). */
  driver: DatabaseDriver;
}

/** better-sqlite3's handle or pg's pool, whichever Kysely runs on. */
export type DatabaseDriver = { sqlite: SQLite.Database } | { pool: pg.Pool };

/** Opens SQLite at a file path (or ':memory:' for tests). */
export function openSqlite(file: string): OpenDatabase {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers carry on while a hand-in is written; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  // A 2xx tells the device to delete its copy (and the photo bytes), so every commit must be on
  // disk before we answer: FULL fsyncs the WAL at each commit (WAL's NORMAL, this build's
  // default, syncs only at checkpoints, so a power cut could lose acknowledged hand-ins).
  sqlite.pragma('synchronous = FULL');
  if (sqlite.pragma('synchronous', { simple: true }) !== 2)
    throw new Error('SQLite refused synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Checkpoints run in a worker thread, not inside a commit on the event loop (db/checkpointer.ts).
  const checkpointer = file === ':memory:' ? null : startCheckpointer(file);
  if (checkpointer) sqlite.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const database = withStatementCache(sqlite);
  const close = () => {
    checkpointer?.stop();
    database.close();
  };
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: { ...database, close } }) }),
    dialect: 'sqlite',
    driver: { sqlite },
  };
}

/** Opens a PostgreSQL connection pool. */
export function openPostgres(url: string): OpenDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection dropped by the server (PostgreSQL restarted, a failover) emits 'error': on the pool
  // while idle, on the client itself while a request holds it (between two statements of a
  // transaction). Without a listener either crashes the process; with one, the statement in flight
  // fails (503, db/unavailable.ts), the broken client leaves the pool, and the next query opens a new one.
  const lost = (error: Error) => console.error('PostgreSQL connection lost:', error.message);
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    driver: { pool },
  };
}

/** Chooses the database from the configuration. */
export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): OpenDatabase {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openSqlite(path.join(config.dataDir, 'cartable.sqlite'));
}

/** Brings the schema up to date; throws with the failing migration's error. */
export async function migrateToLatest({ db, dialect }: Pick<OpenDatabase, 'db' | 'dialect'>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
