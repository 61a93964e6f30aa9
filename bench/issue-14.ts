/**
 * Issue 14's five targets in one run: durable ingest against the minimal durable baseline
 * (SQLite, and PostgreSQL when one is given), the 8 a.m. replay at the origin against an
 * online-only baseline, the 300-lesson manifest (size as sent, 304s under load), and join
 * to every lesson ready for 10, 100 and 300 lessons, and a device's outbox of 50 and 1,000
 * hand-ins drained after an outage against sequential fetch PUTs, and what is already fast on
 * the pupil's device (keystroke to saved, offline cold start, first load). Writes bench/results/issue-14.json
 * and an SVG of it beside. Part of `npm run bench`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issue14Chart } from './chart.ts';
import { INGEST_TARGETS, measureIngest } from './ingest.ts';
import { measureJoinToReady, type JoinToReady } from './join-to-ready.ts';
import { measureManifestScale } from './manifest-scale.ts';
import { replayMorning } from './morning.ts';
import { measureOutboxDrain, type OutboxDrain } from './outbox-drain.ts';
import { measurePupilSpeed } from './pupil-speed.ts';
import { runStamp } from './run-stamp.ts';

const TARGETS = {
  ingestPerSecond: INGEST_TARGETS.perSecond,
  ingestP99Ms: INGEST_TARGETS.p99Ms,
  ingestOfBaseline: INGEST_TARGETS.ofBaseline,
  morningFewerBytes: 20,
  morningFewerRequests: 5,
  manifest300GzipBytes: 20 * 1024,
  manifest304P99Ms: 20,
  joinTo300ReadySeconds: 10,
  outboxDrainOfBaseline: 2,
  outbox1000Seconds: 10,
  keystrokeToSavedP95Ms: 16,
  offlineColdStartMs: 500,
  firstLoadJsGzipBytes: 45_000,
};

const ingest = await measureIngest();
console.log(
  `ingest: ${ingest.cartableSqlite.perSecond} hand-ins/s p99 ${ingest.cartableSqlite.p99ms} ms on SQLite (${ingest.ofBaseline}x the minimal durable server's ${ingest.baseline.perSecond}/s)`,
);
const morning = await replayMorning();
console.log(
  `morning: ${morning.fewerRequests}x fewer requests, ${morning.fewerBytes}x fewer bytes at the origin`,
);
const manifest = await measureManifestScale(300);
console.log(
  `manifest of ${manifest.lessons} lessons: ${manifest.bytes.gzip} B gzip, 304 p99 ${manifest.revalidation.p99ms} ms`,
);
const joins: JoinToReady[] = [];
for (const lessons of [10, 100, 300]) {
  const result = await measureJoinToReady(lessons);
  joins.push(result);
  console.log(`join → all ${result.lessons} lessons ready: ${result.seconds} s`);
}
const drains: OutboxDrain[] = [];
for (const items of [50, 1000]) {
  const result = await measureOutboxDrain(items);
  drains.push(result);
  console.log(
    `outbox of ${items} drained in ${result.seconds} s: ${result.msPerItem} ms each, ${result.ofBaseline}x sequential fetch`,
  );
}
const pupil = await measurePupilSpeed();
console.log(
  `keystroke to saved p95 ${pupil.keystrokeToSaved[0]!.p95ms} ms (4x: ${pupil.keystrokeToSaved[1]!.p95ms} ms; baseline page ${pupil.keystrokeBaseline.p95ms} ms; without Chromium's input deferral ${'app' in pupil.withoutInputDeferral ? `${pupil.withoutInputDeferral.app.p95ms} ms` : pupil.withoutInputDeferral.failed}), offline cold start ${pupil.offlineColdStartMs.medianMs} ms at 4x (${pupil.offlineColdStartMs.newTabBusy.medianMs} ms in a tab still busy), first load ${pupil.firstLoadJsGzipBytes} B gzip JS`,
);
const at300 = joins.at(-1)!;
const figures = [ingest.cartableSqlite, ingest.baseline, ingest.baselineGroupCommit];
if (!('skipped' in ingest.cartablePostgres)) figures.push(ingest.cartablePostgres);
const checks = {
  ingestThroughput: ingest.cartableSqlite.perSecond >= TARGETS.ingestPerSecond,
  ingestLatency: ingest.cartableSqlite.p99ms <= TARGETS.ingestP99Ms,
  ingestOfBaseline: ingest.ofBaseline >= TARGETS.ingestOfBaseline,
  // Every acknowledged hand-in is stored (more may be: answers in flight when a round ends).
  ingestAllStored: figures.every((f) => f.stored >= f.acknowledged),
  ingestNoErrors: figures.every((f) => Object.keys(f.statuses).every((s) => s === '2xx')),
  ingestPostgresRecorded: !('skipped' in ingest.cartablePostgres),
  morningBytes: morning.fewerBytes >= TARGETS.morningFewerBytes,
  morningRequests: morning.fewerRequests >= TARGETS.morningFewerRequests,
  morningNoErrors: [morning.cartable, morning.onlineOnly].every((t) =>
    Object.keys(t.statuses).every((s) => /^[23]/.test(s)),
  ),
  manifestSize: manifest.bytes.gzip <= TARGETS.manifest300GzipBytes,
  manifest304Latency: manifest.revalidation.p99ms <= TARGETS.manifest304P99Ms,
  manifest304Only: Object.keys(manifest.revalidation.statuses).every((s) => s === '3xx'),
  joinTo300: at300.seconds <= TARGETS.joinTo300ReadySeconds,
  outboxDrain: drains.every((d) => d.ofBaseline <= TARGETS.outboxDrainOfBaseline),
  outbox1000: drains.find((d) => d.items === 1000)!.seconds <= TARGETS.outbox1000Seconds,
  keystrokeToSaved: pupil.keystrokeToSaved[0]!.p95ms <= TARGETS.keystrokeToSavedP95Ms,
  offlineColdStart: pupil.offlineColdStartMs.medianMs <= TARGETS.offlineColdStartMs,
  firstLoad: (pupil.firstLoadJsGzipBytes ?? Infinity) <= TARGETS.firstLoadJsGzipBytes,
};
const results = {
  ...runStamp(),
  ingest,
  morning,
  manifest,
  joinToReady: joins,
  outboxDrain: drains,
  pupil,
  targets: TARGETS,
  checks,
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'issue-14.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(dir, 'issue-14.svg'), issue14Chart(results));
console.log('checks:', checks);
console.log('results written to bench/results/issue-14.json and issue-14.svg');
if (!Object.values(checks).every(Boolean)) process.exitCode = 1;
