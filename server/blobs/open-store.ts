/**
 * The blob store a configuration uses, for the server and the command line alike. The
 * embedded default keeps files under DATA_DIR/blobs. With DATABASE_URL (PostgreSQL) files
 * live in the database, so that any number of stateless processes share them; a DATA_DIR/blobs
 * left from before is still read (nothing disappears on the switch) until `npm run blobs:copy`
 * has moved it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DialectName } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { createDatabaseBlobStore } from './database-store.ts';
import { layeredBlobStore } from './layered-store.ts';
import { createFileBlobStore, type BlobStore } from './store.ts';

export interface OpenedBlobStore {
  store: BlobStore;
  /** Where files are, for the start banner and the logs. */
  description: string;
}

export function openBlobStore(db: Kysely<Database>, dialect: DialectName, dataDir: string): OpenedBlobStore {
  const folder = path.join(dataDir, 'blobs');
  if (dialect === 'sqlite') return { store: createFileBlobStore(folder), description: folder };
  const database = createDatabaseBlobStore(db);
  if (!existsSync(folder)) return { store: database, description: 'PostgreSQL' };
  return {
    store: layeredBlobStore(database, createFileBlobStore(folder)),
    description: `PostgreSQL, still reading ${folder} (npm run blobs:copy moves it)`,
  };
}
