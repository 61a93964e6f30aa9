/**
 * Issue 13 point 1: blobs in the database when DATABASE_URL is set, behind the one blob-store
 * interface, with Range and streaming from either backend; a deployment switching keeps
 * reading its old folder, and blobs:copy moves it. The database store runs here on SQLite
 * always and on PostgreSQL when CARTABLE_TEST_DATABASE_URL names a server (npm test starts one).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBlobs } from '../../../server/blobs/copy.ts';
import { createDatabaseBlobStore } from '../../../server/blobs/database-store.ts';
import { layeredBlobStore } from '../../../server/blobs/layered-store.ts';
import { openBlobStore } from '../../../server/blobs/open-store.ts';
import { createFileBlobStore, HashMismatchError, type BlobStore } from '../../../server/blobs/store.ts';
import { migrateToLatest, openPostgres, openSqlite, type OpenDatabase } from '../../../server/db/connect.ts';
import { createSchool, createTestServer, signIn, type TestServer } from './harness.ts';
import { adminUrl, createPostgresDatabase } from './postgres-database.ts';
import { mediaBytes, sha256 } from './teacher-support.ts';

/** A fresh, migrated PostgreSQL database; `drop` closes it and removes it. */
async function freshPostgres(): Promise<{ database: OpenDatabase; url: string; drop: () => Promise<void> }> {
  const created = await createPostgresDatabase('cartable_blobs');
  const database = openPostgres(created.url);
  await migrateToLatest(database);
  return {
    database,
    url: created.url,
    drop: async () => {
      await database.db.destroy();
      await created.drop();
    },
  };
}

const read = async (stream: ReadableStream<Uint8Array>) =>
  new Uint8Array(await new Response(stream).arrayBuffer());
const pattern = (size: number, seed = 0) =>
  Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed) % 253);

interface Backend {
  name: string;
  open(): Promise<{ store: BlobStore; close: () => Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'files',
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), 'cartable-blobs-'));
      return {
        store: createFileBlobStore(dir),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: 'database on SQLite',
    async open() {
      const database = openSqlite(':memory:');
      await migrateToLatest(database);
      // Small chunks, so a few kilobytes cross several chunk boundaries.
      return {
        store: createDatabaseBlobStore(database.db, { chunkBytes: 1000 }),
        close: () => database.db.destroy(),
      };
    },
  },
  ...(adminUrl
    ? [
        {
          name: 'database on PostgreSQL',
          async open() {
            const { database, drop } = await freshPostgres();
            return { store: createDatabaseBlobStore(database.db, { chunkBytes: 1000 }), close: drop };
          },
        },
      ]
    : []),
];

it('runs the database store on PostgreSQL under npm test', () => {
  // npm test always provides a PostgreSQL (scripts/with-test-postgres.mjs): never skip it silently there.
  if (process.env.npm_lifecycle_event === 'test') expect(adminUrl).toBeTruthy();
});

for (const backend of backends) {
  describe(`the ${backend.name} blob store`, () => {
    let store: BlobStore;
    let close: () => Promise<void>;
    beforeAll(async () => ({ store, close } = await backend.open()));
    afterAll(() => close());

    it('stores bytes under their hash once, reads them whole, and refuses bytes that do not match', async () => {
      const bytes = pattern(4321);
      const hash = sha256(bytes);
      expect(await store.has(hash)).toBe(false);
      expect(await store.size(hash)).toBeNull();
      expect(await store.read(hash)).toBeNull();
      expect(await store.put(hash, bytes)).toBe(true);
      expect(await store.put(hash, bytes)).toBe(false);
      expect(await store.has(hash)).toBe(true);
      expect(await store.size(hash)).toBe(4321);
      expect(await store.read(hash)).toEqual(bytes);

      const other = pattern(10, 7);
      await expect(store.put(sha256(pattern(10, 8)), other)).rejects.toBeInstanceOf(HashMismatchError);
      expect(await store.has(sha256(pattern(10, 8)))).toBe(false);
    });

    it('streams any byte range: inside a chunk, across chunks, the last byte, the whole file', async () => {
      const bytes = pattern(4321, 3);
      const hash = sha256(bytes);
      await store.put(hash, bytes);
      for (const [start, end] of [
        [0, 4320],
        [10, 19],
        [990, 2010],
        [999, 1000],
        [4320, 4320],
        [1000, 1999],
      ] as const) {
        expect(await read(store.stream(hash, start, end)), `${start}-${end}`).toEqual(
          bytes.slice(start, end + 1),
        );
      }
    });

    it('keeps an empty file, and two writers of the same bytes at once both succeed', async () => {
      const empty = new Uint8Array(0);
      await store.put(sha256(empty), empty);
      expect(await store.size(sha256(empty))).toBe(0);
      expect(await store.read(sha256(empty))).toEqual(empty);

      const bytes = pattern(2500, 9);
      const hash = sha256(bytes);
      const outcomes = await Promise.all([store.put(hash, bytes), store.put(hash, bytes)]);
      expect(outcomes).toContain(true);
      expect(await store.read(hash)).toEqual(bytes);
    });
  });
}

describe('moving files into the database', () => {
  let dir: string;
  let database: OpenDatabase;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cartable-blobs-'));
    database = openSqlite(':memory:');
    await migrateToLatest(database);
  });
  afterAll(async () => {
    await database.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a switched server still serves the old folder, and blobs:copy moves it, skipping what is there and damaged files', async () => {
    const folder = createFileBlobStore(path.join(dir, 'blobs'));
    const old = pattern(3000, 1);
    const damaged = pattern(50, 2);
    await folder.put(sha256(old), old);
    await folder.put(sha256(damaged), damaged);
    // A disk error changed one file's bytes after it was stored.
    writeFileSync(path.join(dir, 'blobs', sha256(damaged).slice(0, 2), sha256(damaged)), pattern(50, 3));

    const inDatabase = createDatabaseBlobStore(database.db, { chunkBytes: 1000 });
    const layered = layeredBlobStore(inDatabase, folder);
    expect(await layered.size(sha256(old))).toBe(3000);
    expect(await read(layered.stream(sha256(old), 100, 2100))).toEqual(old.slice(100, 2101));
    // New files go to the database only.
    const fresh = pattern(20, 4);
    await layered.put(sha256(fresh), fresh);
    expect(await inDatabase.has(sha256(fresh))).toBe(true);
    expect(await folder.has(sha256(fresh))).toBe(false);

    const lines: string[] = [];
    expect(await copyBlobs(folder, inDatabase, (line) => lines.push(line))).toEqual({
      copied: 1,
      present: 0,
      damaged: [sha256(damaged)],
    });
    expect(await inDatabase.read(sha256(old))).toEqual(old);
    expect(await inDatabase.has(sha256(damaged))).toBe(false);
    expect(lines).toEqual([`damaged, not copied: ${sha256(damaged)}`]);
    // A second run finds everything there (it can be stopped and run again).
    expect((await copyBlobs(folder, inDatabase)).present).toBe(1);
  });

  it('the configuration picks files for SQLite, the database for PostgreSQL, layered while a folder remains', () => {
    expect(openBlobStore(database.db, 'sqlite', dir).description).toBe(path.join(dir, 'blobs'));
    expect(openBlobStore(database.db, 'postgres', dir).description).toMatch(
      /^PostgreSQL, still reading .*blobs:copy/,
    );
    expect(openBlobStore(database.db, 'postgres', path.join(dir, 'none')).description).toBe('PostgreSQL');
  });
});

describe.skipIf(!adminUrl)('the server on PostgreSQL with its files in the database', () => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let url: string;
  beforeAll(async () => {
    const fresh = await freshPostgres();
    ({ drop, url } = fresh);
    server = await createTestServer({ blobs: createDatabaseBlobStore(fresh.database.db) }, fresh.database);
  });
  afterAll(async () => {
    await drop();
  });

  it('takes a teacher upload and serves it with ranges, from the database alone', async () => {
    const school = await createSchool(server);
    const teacherToken = await signIn(server, school.teacher);
    const bytes = mediaBytes('mp3', 600_000, 5);
    const hash = sha256(bytes);
    const put = await server.app.request(`/api/blobs/${hash}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${teacherToken}`, 'Content-Type': 'audio/mpeg' },
      body: bytes,
    });
    expect(put.status).toBe(201);
    const rows = await server.db.selectFrom('blob_chunks').select('seq').where('sha256', '=', hash).execute();
    expect(rows).toHaveLength(3);
    // The 201 followed the commit: a connection of its own (not the server's pool) sees the file.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      const seen = await other.query('SELECT size FROM blob_contents WHERE sha256 = $1', [hash]);
      expect(seen.rows).toEqual([{ size: 600_000 }]);
    } finally {
      await other.end();
    }

    const whole = await server.app.request(`/blobs/${hash}`);
    expect(whole.status).toBe(200);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(bytes);
    const part = await server.app.request(`/blobs/${hash}`, { headers: { Range: 'bytes=262000-263000' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('Content-Range')).toBe('bytes 262000-263000/600000');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(262000, 263001));
  });
});
