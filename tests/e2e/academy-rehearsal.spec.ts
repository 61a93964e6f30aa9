/**
 * The academy under a small full-scale rehearsal: PostgreSQL, three Cartable processes behind
 * HAProxy, nginx caching in front (npm run academy's parts), 1,000 simulated pupils whose morning
 * spreads over 30 s, and one Cartable process SIGKILLed and restarted in the middle of it
 * (npm run rehearse's devices and fault). Checked in the database itself, not only through the
 * API: every hand-in stored exactly once; no 5xx reached a device that did not retry past it;
 * the cache answered at least 90 % of the lesson-pack downloads. No browser: the devices speak HTTP.
 * HAProxy and nginx come from scripts/ensure-system.mjs (npm test): missing, this test fails.
 */
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startAcademy, type Academy } from '../../scripts/academy/academy.ts';
import { freePort } from '../../scripts/throwaway-postgres.mjs';
import { rehearse } from '../../rehearsal/run.ts';

const PUPILS = 1000;
const WINDOW_SECONDS = 30;

test.setTimeout(300_000);

let academy: Academy | null = null;
test.afterEach(async () => {
  await academy?.stop();
  academy = null;
});

test('1,000 pupils through HAProxy and nginx, one process SIGKILLed: every hand-in stored exactly once', async () => {
  academy = await startAcademy({ port: await freePort(), processes: 3 });
  const result = await rehearse({
    url: academy.url,
    pupils: PUPILS,
    windowSeconds: WINDOW_SECONDS,
    teacher: academy.demo.teacher,
    faults: {
      control: {
        processCount: academy.processes.length,
        killAndRestart: (index) => academy!.killAndRestart(index),
        postgresOutage: (seconds) => academy!.postgresOutage(seconds),
      },
      postgres: false,
    },
    log: (line) => console.log(line),
  });
  const f = result.figures;
  console.log(
    `origin ${f.originRequests} requests (peak ${f.peakOriginRequestsPerSecond}/s), cache ${f.requests}; ` +
      `pack hits ${f.packHitRatio}; 5xx ${f.serverErrors}; p99 ${f.p99ms} ms; drained in ${f.drainSeconds} s; ` +
      `recovery ${JSON.stringify(f.recovery)}`,
  );

  // The fault happened: a process was killed and came back during the rush.
  expect(result.faults).toHaveLength(1);
  expect(result.faults[0]!.startMs).toBeGreaterThan(0);

  // In the database: each device's hand-in once, and no other row carrying this run's answers.
  const client = new pg.Client({ connectionString: academy.postgres.url });
  await client.connect();
  try {
    const ids = result.handIns.map((h) => h.id);
    const byId = await client.query<{ id: string; n: string }>(
      'SELECT id, count(*) AS n FROM submissions WHERE id = ANY($1) GROUP BY id',
      [ids],
    );
    expect(byId.rows.length, 'hand-ins stored').toBe(PUPILS);
    expect(byId.rows.every((r) => Number(r.n) === 1)).toBe(true);
    const tagged = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM submissions WHERE body LIKE $1',
      [`%${result.runTag} device %`],
    );
    expect(Number(tagged.rows[0]!.n), 'rows with this run’s answers').toBe(PUPILS);
  } finally {
    await client.end();
  }

  // Every device heard its acknowledgement; any 5xx it met, it retried past (and never early).
  expect(result.handIns.every((h) => h.acknowledged)).toBe(true);
  expect(result.retries.gaveUp).toBe(0);
  expect(result.retries.refused).toBe(0);
  expect(result.retries.earlyRetries).toBe(0);
  expect(result.exactlyOnce).toMatchObject({ lost: 0, duplicated: 0, undelivered: 0, repeatsDisagreeing: 0 });
  expect(result.corruptDownloads).toBe(0);

  // The cache in front answered the packs: one request per class reached the origin, give or take.
  expect(f.packHitRatio).toBeGreaterThanOrEqual(0.9);
});
