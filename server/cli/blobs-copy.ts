/**
 * Copies every file of DATA_DIR/blobs into the database blob store (PostgreSQL):
 *   DATABASE_URL=postgres://… npm run blobs:copy
 * Each file is read, checked against its name (SHA-256) and stored; a file already in the
 * database is skipped, so the copy can be stopped and run again. The folder is left as it
 * is: delete it once the copy says everything is there (servers stop reading it then).
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/connect.ts';
import { copyBlobs } from '../blobs/copy.ts';
import { createDatabaseBlobStore } from '../blobs/database-store.ts';
import { createFileBlobStore } from '../blobs/store.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  try {
    if (database.dialect !== 'postgres') {
      console.error(
        'blobs:copy moves files into PostgreSQL: set DATABASE_URL to the academy database first.',
      );
      process.exitCode = 1;
      return;
    }
    await migrateToLatest(database);
    const folder = path.join(config.dataDir, 'blobs');
    const outcome = await copyBlobs(
      createFileBlobStore(folder),
      createDatabaseBlobStore(database.db),
      (line) => console.log(line),
    );
    console.log(
      `${outcome.copied} copied, ${outcome.present} already there, ${outcome.damaged.length} damaged (left in ${folder}).`,
    );
    if (outcome.damaged.length > 0) process.exitCode = 1;
    else console.log(`Every file of ${folder} is in the database: the folder may be deleted.`);
  } finally {
    await database.db.destroy();
  }
}

void main();
