/**
 * SQLite's WAL checkpoints, off the event loop. A checkpoint copies committed pages from the
 * write-ahead log back into the database file and fsyncs it; left to SQLite it runs inside
 * whichever commit crosses the threshold, and better-sqlite3 runs commits on the event loop,
 * so every few thousand hand-ins one of them stalled every request in flight (the rush's p99:
 * 60 ms with it, 45 ms without; issue 14). Here a worker thread with its own connection runs a
 * PASSIVE checkpoint (it never blocks a writer or a reader) once the log has been quiet for a
 * moment, so the copying happens between rushes rather than during one, and competes with
 * nobody's commit for the disk. Commits stay durable on their own (synchronous=FULL fsyncs the
 * log at each commit); a checkpoint only moves pages already safe.
 *
 * The main connection keeps SQLite's own checkpoint as a safety net at a much larger
 * threshold, so the log stays bounded under a load that never pauses, or if the worker stops.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages (4 KiB) the log may reach before the main connection checkpoints by itself: 64 MiB. */
export const SAFETY_NET_PAGES = 16_384;

const WORKER = `
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { fileMustExist: true });
} catch {
  // Closed and removed before this thread started (a short-lived test database): nothing to do.
  process.exit(0);
}
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const wal = workerData.file + '-wal';
let seen = null;
let done = null;
const timer = setInterval(() => {
  const written = statSync(wal, { throwIfNoEntry: false })?.mtimeMs ?? null;
  // Quiet since the last look and not yet checkpointed: the rush is over (or never was).
  if (written !== null && written === seen && written !== done) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
      done = written;
    } catch {
      // Busy or closing: the next quiet moment, or the main connection's safety net, catches up.
    }
  }
  seen = written;
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker (it closes its connection first). */
  stop(): void;
}

/** Starts checkpointing the WAL of the database file once it has been quiet for `everyMs`. */
export function startCheckpointer(file: string, everyMs = 250): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, everyMs } });
  // Never what keeps the process alive; a failing worker leaves the safety net in charge.
  worker.unref();
  worker.on('error', (error) => console.error('SQLite checkpointer stopped:', error));
  return { stop: () => worker.postMessage('stop') };
}
