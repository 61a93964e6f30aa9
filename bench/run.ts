/**
 * `npm run bench`: the 8 a.m. rush against the real server on 127.0.0.1.
 *
 * Devices join the demo class, then all at once: revalidate their manifest (304),
 * fetch a pack, hand in one submission each, and repeat every hand-in (retries after
 * lost answers). Checks that exactly one submission per device was stored, and
 * writes the figures to bench/results/. Every loop is bounded; the run stops by itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { teacherSubmissions } from '../tests/e2e/support/teacher-api.ts';
import { runLoad, type LoadResult } from './load.ts';
import { firstLoadSizes } from './first-load.ts';
import { measureSlowClients, SLOW_CLIENTS_TARGET } from './slow-clients.ts';
import { rushServer } from './browser-setup.ts';
import { runStamp } from './run-stamp.ts';

const DEVICES = Number(process.env.BENCH_DEVICES ?? 600);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
/**
 * Targets for one small school server (2 cores, SQLite synchronous=FULL, an fsync before every answer, shared by the hand-ins arriving together, so an
 * acknowledged submission survives a power cut): a 1,000-pupil school's whole morning of
 * revalidations in about a second, and its hand-ins acknowledged well within a second each.
 */
const TARGETS = { manifest304PerSecond: 1000, submissionsPerSecond: 100, submissionP95Ms: 1000 };

async function main() {
  // Hundreds of devices join one demo class here.
  const server = await rushServer(DEVICES);
  try {
    const origin = server.origin;
    const pupils = server.demoPupils();
    if (pupils.length === 0) throw new Error('no demo pupils printed');

    // Link the devices (sequentially: joining is not what the rush is made of).
    const devices: { token: string; etag: string; lessonId: string; version: number; pack: string }[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const pupil = pupils[i % pupils.length]!;
      const joined = await fetch(`${origin}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: pupil.code }),
      });
      const { token } = (await joined.json()) as { token: string };
      const manifest = await fetch(`${origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await manifest.json()) as {
        lessons: { id: string; version: number; pack: string; availableFrom: string }[];
      };
      const open = body.lessons.find((l) => Date.parse(l.availableFrom) <= Date.now())!;
      devices.push({
        token,
        etag: manifest.headers.get('etag') ?? '',
        lessonId: open.id,
        version: open.version,
        pack: open.pack,
      });
    }

    const manifest304 = await runLoad(DEVICES * 5, CONCURRENCY, (i) => {
      const d = devices[i % DEVICES]!;
      return fetch(`${origin}/api/pupil/manifest`, {
        headers: { authorization: `Bearer ${d.token}`, 'if-none-match': d.etag },
      });
    });
    const packs = await runLoad(DEVICES, CONCURRENCY, (i) => fetch(`${origin}/packs/${devices[i]!.pack}`));
    const ids = devices.map(() => crypto.randomUUID());
    // Built once: a retry sends the very same bytes, which the server must answer with 200.
    const bodies = devices.map((d, i) =>
      JSON.stringify({
        id: ids[i],
        lessonId: d.lessonId,
        lessonVersion: d.version,
        handedInAt: new Date().toISOString(),
        answers: { bench: { kind: 'text', text: `Réponse du banc d’essai ${i}` } },
      }),
    );
    const handIn = (i: number) =>
      fetch(`${origin}/api/pupil/submissions/${ids[i]}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${devices[i]!.token}`, 'content-type': 'application/json' },
        body: bodies[i],
      });
    const submissions = await runLoad(DEVICES, CONCURRENCY, handIn);
    const repeats = await runLoad(DEVICES, CONCURRENCY, handIn);
    const stored = (await teacherSubmissions(origin)).length;
    const slowClients = await measureSlowClients();

    const results = {
      ...runStamp(),
      devices: DEVICES,
      concurrency: CONCURRENCY,
      manifest304,
      packs,
      submissions,
      repeatedSubmissions: repeats,
      storedSubmissions: stored,
      slowClients,
      firstLoad: firstLoadSizes(),
      targets: { ...TARGETS, slowClients: SLOW_CLIENTS_TARGET },
    };
    const checks = {
      exactlyOncePerDevice: stored === DEVICES,
      manifest304Throughput: manifest304.perSecond >= TARGETS.manifest304PerSecond,
      submissionThroughput: submissions.perSecond >= TARGETS.submissionsPerSecond,
      submissionLatency: submissions.p95ms <= TARGETS.submissionP95Ms,
      repeatsAnswered200: repeats.statuses['200'] === DEVICES,
      freshDeviceThroughHeldSockets: slowClients.ok,
      noServerErrors: [manifest304, packs, submissions, repeats].every((r) =>
        Object.keys(r.statuses).every((s) => !s.startsWith('5') && s !== 'network-error'),
      ),
    };
    writeResults({ ...results, checks });
    report('manifest (304)', manifest304);
    report('pack download', packs);
    report('hand-in (first)', submissions);
    report('hand-in (repeat)', repeats);
    console.log(`stored submissions: ${stored} for ${DEVICES} devices`);
    console.log(
      `fresh device while ${slowClients.held} half-sent joins are held: ${slowClients.steps.map((s) => `${s.step} ${s.status} ${s.ms} ms`).join(', ')}`,
    );
    console.log('checks:', checks);
    if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
  } finally {
    await server.dispose();
  }
}

function report(name: string, r: LoadResult) {
  console.log(
    `${name.padEnd(18)} ${String(r.perSecond).padStart(6)} req/s  p50 ${r.p50ms} ms  p95 ${r.p95ms} ms  p99 ${r.p99ms} ms  ${JSON.stringify(r.statuses)}`,
  );
}

function writeResults(results: object) {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results written to bench/results/latest.json`);
}

await main();
