/**
 * `npm run rehearse -- --url URL --pupils N --window SECONDS [--chaos] [--allow-remote]
 *   [--teacher-email E --teacher-password P] [--out DIR] [--academy CONTROL_FILE]`
 * The full-scale rehearsal (run.ts) against a deployment; writes DIR/rehearsal.json and
 * rehearsal.html (default ./rehearsal-report) and exits 1 when a check fails.
 * --chaos needs the academy's control file (npm run academy writes it; found from the URL's port).
 */
import { existsSync } from 'node:fs';
import { controlFilePath, faultsFromControlFile } from '../scripts/academy/control.ts';
import { parseRehearsalArgs } from './options.ts';
import { writeReport } from './report.ts';
import { rehearse } from './run.ts';

const options = parseRehearsalArgs(process.argv.slice(2));
let faults;
if (options.chaos) {
  const file = options.controlFile ?? controlFilePath(Number(new URL(options.url).port || 80));
  if (!existsSync(file))
    throw new Error(`--chaos: no academy control file at ${file} (is npm run academy running?)`);
  faults = { control: faultsFromControlFile(file), postgres: true };
}
const result = await rehearse({ ...options, faults, log: (line) => console.log(line) });
const { json, html } = writeReport(result, options.outDir);
const f = result.figures;
console.log(
  [
    '',
    `Origin: ${f.originRequests} requests (peak ${f.peakOriginRequestsPerSecond}/s); cache: ${f.requests} (peak ${f.peakRequestsPerSecond}/s), hit ratio ${(f.cacheHitRatio * 100).toFixed(1)} %`,
    `Latency p50 ${f.p50ms} ms, p99 ${f.p99ms} ms; 5xx ${f.serverErrors}; drained in ${f.drainSeconds} s`,
    ...result.checks.map((c) => `${c.ok ? 'pass' : 'FAIL'}  ${c.name}: ${c.value} (required ${c.required})`),
    `Report: ${html} and ${json}`,
  ].join('\n'),
);
process.exit(result.checks.every((c) => c.ok) ? 0 : 1);
