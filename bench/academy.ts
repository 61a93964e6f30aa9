/**
 * Issue 13's figures, on this machine: durable hand-ins per second and p99 on PostgreSQL through
 * the academy's whole path (nginx → HAProxy → Cartable → PostgreSQL, fsync on) with 1 and with 3
 * Cartable processes (autocannon, bench/ingest.ts's rounds), then a full rehearsal with both
 * faults (1,000 pupils over 60 s unless BENCH_REHEARSAL_PUPILS / _WINDOW say otherwise).
 * Writes bench/results/academy.json (and the rehearsal's HTML beside it). Bounded by durations.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { rehearse } from '../rehearsal/run.ts';
import { writeReport } from '../rehearsal/report.ts';
import { startAcademy, type Academy } from '../scripts/academy/academy.ts';
import { freePort } from '../scripts/throwaway-postgres.mjs';
import { addPupils } from './class-content.ts';
import { measure, type Figure } from './ingest.ts';
import { runStamp } from './run-stamp.ts';

const DEVICES = 100;
const PUPILS = Number(process.env.BENCH_REHEARSAL_PUPILS ?? 1000);
const WINDOW = Number(process.env.BENCH_REHEARSAL_WINDOW ?? 60);

/** An academy of `processes` Cartable processes whose demo class may link the bench's devices at once. */
function academyOf(processes: number): Promise<Academy> {
  return freePort().then((port) =>
    startAcademy({ port, processes, env: { CARTABLE_CLASS_JOINS_PER_MINUTE: String(DEVICES + 10) } }),
  );
}

async function handInsThrough(academy: Academy): Promise<Figure> {
  const tokens: string[] = [];
  for (const code of await addPupils(academy.url, DEVICES)) {
    const joined = await fetch(`${academy.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    tokens.push(((await joined.json()) as { token: string }).token);
  }
  const { lessons } = (await (
    await fetch(`${academy.url}/api/pupil/manifest`, { headers: { authorization: `Bearer ${tokens[0]}` } })
  ).json()) as { lessons: { id: string; version: number; availableFrom: string }[] };
  const lesson = lessons.find((l) => Date.parse(l.availableFrom) <= Date.now())!;
  return measure({ origin: academy.url, tokens, lesson }, async () => {
    const client = new pg.Client({ connectionString: academy.postgres.url });
    await client.connect();
    try {
      return Number((await client.query('SELECT count(*) AS n FROM submissions')).rows[0].n);
    } finally {
      await client.end();
    }
  });
}

const summary = ({ perSecond, p50ms, p99ms, statuses, stored, acknowledged }: Figure) => ({
  perSecond,
  p50ms,
  p99ms,
  statuses,
  stored,
  acknowledged,
});

const handIns: Record<string, ReturnType<typeof summary>> = {};
for (const processes of [1, 3]) {
  const academy = await academyOf(processes);
  try {
    handIns[`${processes} process${processes > 1 ? 'es' : ''}`] = summary(await handInsThrough(academy));
  } finally {
    await academy.stop();
  }
  console.log(`hand-ins through the academy, ${processes} process(es):`, handIns);
}

const dir = join(import.meta.dirname, 'results');
const academy = await academyOf(3);
let rehearsal;
try {
  const result = await rehearse({
    url: academy.url,
    pupils: PUPILS,
    windowSeconds: WINDOW,
    teacher: academy.demo.teacher,
    faults: {
      control: {
        processCount: academy.processes.length,
        killAndRestart: (index) => academy.killAndRestart(index),
        postgresOutage: (seconds) => academy.postgresOutage(seconds),
      },
      postgres: true,
    },
    log: (line) => console.log(line),
  });
  writeReport(result, join(dir, 'academy-rehearsal'));
  const { seconds: _perSecond, ...figures } = result.figures;
  rehearsal = {
    pupils: PUPILS,
    windowSeconds: WINDOW,
    figures,
    exactlyOnce: result.exactlyOnce,
    checks: result.checks,
  };
} finally {
  await academy.stop();
}

mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'academy.json'),
  `${JSON.stringify(
    {
      ...runStamp(),
      handInsOnPostgres: handIns,
      rehearsal,
    },
    null,
    2,
  )}\n`,
);
console.log('results written to bench/results/academy.json and academy-rehearsal/');
if (!rehearsal.checks.every((c) => c.ok)) process.exitCode = 1;
