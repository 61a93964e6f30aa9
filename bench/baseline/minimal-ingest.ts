/**
 * The minimal durable hand-in server the ingest bench compares Cartable against (issue 14,
 * target 1): Hono on @hono/node-server and better-sqlite3 with WAL and synchronous=FULL,
 * the same bearer-token lookup (SHA-256 of the token, one indexed SELECT), one INSERT, a
 * 201 with the acknowledgement. Nothing else: no validation beyond JSON, no lesson check,
 * no feed, no security middleware. It sets the honest ceiling for "durable on this
 * machine", measured in the same run as Cartable.
 *
 * BASELINE_GROUP_COMMIT=1 makes hand-ins arriving together share one transaction (and one
 * fsync), each answered after it: the ceiling with group commit, for reference.
 *
 * Run by bench/ingest.ts: PORT, DATA_DIR and BASELINE_DEVICES (tokens `bench-<i>`) in the
 * environment; listens on 127.0.0.1 only. Not part of the product.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';

const port = Number(process.env.PORT);
const devices = Number(process.env.BASELINE_DEVICES ?? 100);
const groupCommit = process.env.BASELINE_GROUP_COMMIT === '1';

const db = new Database(join(process.env.DATA_DIR!, 'baseline.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`
  CREATE TABLE IF NOT EXISTS devices (token_hash TEXT PRIMARY KEY, pupil_id TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY, pupil_id TEXT NOT NULL, body TEXT NOT NULL, received_at TEXT NOT NULL
  );
`);
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const addDevice = db.prepare('INSERT OR IGNORE INTO devices (token_hash, pupil_id) VALUES (?, ?)');
db.transaction(() => {
  for (let i = 0; i < devices; i++) addDevice.run(hash(`bench-${i}`), `pupil-${i}`);
})();

const findDevice = db.prepare<[string], { pupil_id: string }>(
  'SELECT pupil_id FROM devices WHERE token_hash = ?',
);
const insert = db.prepare(
  'INSERT INTO submissions (id, pupil_id, body, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
);

type Row = [string, string, string, string];
const queue: { row: Row; done: () => void }[] = [];
const commitBatch = db.transaction((rows: Row[]) => {
  for (const row of rows) insert.run(...row);
});
const store = (row: Row): Promise<void> => {
  if (!groupCommit) {
    insert.run(...row);
    return Promise.resolve();
  }
  return new Promise((done) => {
    if (queue.push({ row, done }) === 1)
      setImmediate(() => {
        const batch = queue.splice(0);
        commitBatch(batch.map((b) => b.row));
        for (const b of batch) b.done();
      });
  });
};

const app = new Hono();
app.put('/api/pupil/submissions/:id', async (c) => {
  const device = findDevice.get(hash((c.req.header('authorization') ?? '').slice('Bearer '.length)));
  if (!device) return c.json({ error: 'unauthorized' }, 401);
  const id = c.req.param('id');
  const body: unknown = await c.req.json();
  const receivedAt = new Date().toISOString();
  await store([id, device.pupil_id, JSON.stringify(body), receivedAt]);
  return c.json({ id, receivedAt }, 201);
});
app.get('/health', (c) => c.text('ok'));

serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
