/**
 * Issue 14, target 1: durable ingest. Hand-ins (one PUT per request, a new submission each,
 * 100 devices' tokens in turn) against, in the same run and on the same machine:
 *   - Cartable on SQLite (synchronous=FULL, group commit), the production build;
 *   - Cartable on PostgreSQL, when CARTABLE_TEST_DATABASE_URL names a server (npm run bench
 *     starts a throwaway one with fsync on);
 *   - the minimal durable baseline (bench/baseline/minimal-ingest.ts), and the same with group
 *     commit, for the ceiling.
 * autocannon, `BENCH_INGEST_CONNECTIONS` (100) connections for `BENCH_INGEST_SECONDS` (10) s,
 * `BENCH_INGEST_ROUNDS` (3) rounds after a short warm-up, medians. Afterwards the stored
 * submissions are counted: each 2xx must be one stored row. Bounded by the durations.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { freePort, ServerProcess } from '../tests/e2e/support/server-process.ts';
import { cannon, medians, type CannonResult } from './cannon.ts';
import { addPupils } from './class-content.ts';

const CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_INGEST_ROUNDS ?? 3);
const DEVICES = 100;

export const INGEST_TARGETS = { perSecond: 2000, p99Ms: 50, ofBaseline: 0.8 };

export type Figure = CannonResult & { rounds: CannonResult[]; stored: number; acknowledged: number };

export interface IngestResult {
  connections: number;
  seconds: number;
  rounds: number;
  cartableSqlite: Figure;
  cartablePostgres: Figure | { skipped: string };
  baseline: Figure;
  baselineGroupCommit: Figure;
  /** Cartable on SQLite against the minimal durable baseline, same run. */
  ofBaseline: number;
}

export interface Target {
  origin: string;
  tokens: string[];
  lesson: { id: string; version: number };
}

/** Warm-up, then the rounds of hand-ins (autocannon); the figure is the medians, with the rows stored. */
export async function measure(target: Target, countStored: () => Promise<number>): Promise<Figure> {
  let next = 0;
  const request = () => {
    const id = randomUUID();
    const token = target.tokens[next++ % target.tokens.length]!;
    return {
      method: 'PUT' as const,
      path: `/api/pupil/submissions/${id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        lessonId: target.lesson.id,
        lessonVersion: target.lesson.version,
        handedInAt: new Date().toISOString(),
        answers: { bench: { kind: 'text', text: `Réponse ${next}` } },
      }),
    };
  };
  const warmUp = await cannon({ url: target.origin, connections: CONNECTIONS, seconds: 2, request });
  const rounds: CannonResult[] = [];
  for (let i = 0; i < ROUNDS; i++)
    rounds.push(await cannon({ url: target.origin, connections: CONNECTIONS, seconds: SECONDS, request }));
  const acknowledged = [warmUp, ...rounds].reduce((sum, r) => sum + (r.statuses['2xx'] ?? 0), 0);
  return { ...medians(rounds), stored: await countStored(), acknowledged };
}

/** Cartable as production runs it: 100 pupils of the demo class, each device joined. */
async function cartable(env: Record<string, string>, countStored: (dataDir: string) => Promise<number>) {
  const server = new ServerProcess(await freePort(), {
    CARTABLE_CLASS_JOINS_PER_MINUTE: String(DEVICES + 10),
    ...env,
  });
  await server.start();
  try {
    const codes = await addPupils(server.origin, DEVICES);
    const tokens: string[] = [];
    for (const code of codes) {
      const joined = await fetch(`${server.origin}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      tokens.push(((await joined.json()) as { token: string }).token);
    }
    const manifest = (await (
      await fetch(`${server.origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${tokens[0]}` },
      })
    ).json()) as { lessons: { id: string; version: number; availableFrom: string }[] };
    const lesson = manifest.lessons.find((l) => Date.parse(l.availableFrom) <= Date.now())!;
    return await measure({ origin: server.origin, tokens, lesson }, () => countStored(server.dataDir));
  } finally {
    await server.dispose();
  }
}

const sqliteCount = (file: string) => async () => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** The minimal baseline in its own process (tsx loads it; compiled once at start). */
async function baseline(groupCommit: boolean): Promise<Figure> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cartable-baseline-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(import.meta.dirname, 'baseline/minimal-ingest.ts')],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        BASELINE_DEVICES: String(DEVICES),
        BASELINE_GROUP_COMMIT: groupCommit ? '1' : '0',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  try {
    const origin = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error('the baseline server exited');
      if (Date.now() > deadline) throw new Error('the baseline server did not start');
      if (
        await fetch(`${origin}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const tokens = Array.from({ length: DEVICES }, (_, i) => `bench-${i}`);
    return await measure(
      { origin, tokens, lesson: { id: randomUUID(), version: 1 } },
      sqliteCount(join(dataDir, 'baseline.sqlite')),
    );
  } finally {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function cartablePostgres(): Promise<Figure | { skipped: string }> {
  const adminUrl = process.env.CARTABLE_TEST_DATABASE_URL;
  if (!adminUrl) return { skipped: 'no PostgreSQL (CARTABLE_TEST_DATABASE_URL unset)' };
  const name = `cartable_bench_${randomUUID().replaceAll('-', '')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await cartable({ DATABASE_URL: url.toString() }, async () => {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return Number((await client.query('SELECT count(*) AS n FROM submissions')).rows[0].n);
      } finally {
        await client.end();
      }
    });
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function measureIngest(): Promise<IngestResult> {
  const baselineFigure = await baseline(false);
  const sqlite = await cartable({}, (dataDir) => sqliteCount(join(dataDir, 'cartable.sqlite'))());
  const postgres = await cartablePostgres();
  const baselineGroupCommit = await baseline(true);
  return {
    connections: CONNECTIONS,
    seconds: SECONDS,
    rounds: ROUNDS,
    cartableSqlite: sqlite,
    cartablePostgres: postgres,
    baseline: baselineFigure,
    baselineGroupCommit,
    ofBaseline: Math.round((sqlite.perSecond / baselineFigure.perSecond) * 1000) / 1000,
  };
}

/** Runs alone: `npm run build && node scripts/with-test-postgres.mjs --durable npx tsx bench/ingest.ts`. */
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureIngest();
  const line = (name: string, f: Figure | { skipped: string }) =>
    'skipped' in f
      ? `${name}: skipped (${f.skipped})`
      : `${name.padEnd(28)} ${String(f.perSecond).padStart(6)} hand-ins/s  p50 ${f.p50ms} ms  p99 ${f.p99ms} ms  ${JSON.stringify(f.statuses)}  stored ${f.stored}/${f.acknowledged}`;
  console.log(line('Cartable, SQLite', result.cartableSqlite));
  console.log(line('Cartable, PostgreSQL', result.cartablePostgres));
  console.log(line('minimal durable', result.baseline));
  console.log(line('minimal + group commit', result.baselineGroupCommit));
  console.log(`Cartable / minimal durable: ${result.ofBaseline}`);
}
