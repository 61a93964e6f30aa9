/** The rehearsal's report: a JSON file with every figure, and an HTML page with the checks and the charts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escape } from '../bench/chart.ts';
import { lineChart } from './chart.ts';
import type { Second } from './figures.ts';
import type { RehearsalResult } from './run.ts';

const number = (n: number) => n.toLocaleString('en');
const megabytes = (n: number) => `${(n / 1e6).toFixed(1)} MB`;

function table(rows: [string, string][]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(v)}</td></tr>`).join('')}</table>`;
}

/** The charts: title, unit, and each line's label, colour and per-second figure. */
const CHARTS: [string, string, [string, string, keyof Second][]][] = [
  [
    'Requests per second',
    'requests',
    [
      ['at the cache (devices)', '#1d4ed8', 'requests'],
      ['at the origin', '#b91c1c', 'originRequests'],
      ['5xx', '#f59e0b', 'serverErrors'],
    ],
  ],
  [
    'Latency seen by devices',
    'ms',
    [
      ['p50', '#15803d', 'p50ms'],
      ['p99', '#7c3aed', 'p99ms'],
    ],
  ],
  ['Hand-ins waiting for their acknowledgement', 'devices', [['queue depth', '#0f766e', 'queueDepth']]],
];

/** The HTML page. */
export function reportHtml(result: RehearsalResult): string {
  const f = result.figures;
  const bands = result.faults.map((fault) => ({
    from: fault.startMs / 1000,
    to: fault.endMs / 1000,
    label: fault.name,
  }));
  const charts = CHARTS.map(([title, unit, lines]) =>
    lineChart(
      title,
      unit,
      lines.map(([label, colour, key]) => ({ label, colour, values: f.seconds.map((x) => x[key]) })),
      bands,
    ),
  );
  const checks = result.checks
    .map(
      (c) =>
        `<tr><td>${c.ok ? 'pass' : '<strong>FAIL</strong>'}</td><td>${escape(c.name)}</td><td>${escape(String(c.value))}</td><td>${escape(c.required)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cartable rehearsal ${escape(result.date)}</title>
<style>body{font-family:sans-serif;max-width:820px;margin:2rem auto;color:#111}th{text-align:left;padding-right:1rem}td,th{padding:2px 8px}table{border-collapse:collapse;margin:1rem 0}</style></head>
<body>
<h1>Rehearsal of ${escape(result.url)}</h1>
<p>${escape(result.date)} · ${number(result.pupils)} pupils in ${result.classes} classes · morning window ${result.windowSeconds} s · run ${escape(result.runTag)}</p>
<h2>Checks</h2>
<table><tr><th>result</th><th>check</th><th>measured</th><th>required</th></tr>${checks}</table>
<h2>Figures</h2>
${table([
  ['requests at the cache / at the origin', `${number(f.requests)} / ${number(f.originRequests)}`],
  ['bytes at the cache / at the origin', `${megabytes(f.bytes)} / ${megabytes(f.originBytes)}`],
  [
    'peak requests/s at the cache / at the origin',
    `${number(f.peakRequestsPerSecond)} / ${number(f.peakOriginRequestsPerSecond)}`,
  ],
  [
    'peak bytes/s at the cache / at the origin',
    `${megabytes(f.peakBytesPerSecond)} / ${megabytes(f.peakOriginBytesPerSecond)}`,
  ],
  [
    'cache hit ratio (packs and media) / packs',
    `${(f.cacheHitRatio * 100).toFixed(1)} % / ${(f.packHitRatio * 100).toFixed(1)} %`,
  ],
  [
    '5xx seen by devices (all retried) / network errors',
    `${number(f.serverErrors)} / ${number(f.networkErrors)}`,
  ],
  ['latency p50 / p99 (all requests)', `${f.p50ms} ms / ${f.p99ms} ms`],
  ['hand-in latency p50 / p99', `${f.handInP50ms} ms / ${f.handInP99ms} ms`],
  ['drain: morning start to last acknowledgement', `${f.drainSeconds} s`],
  ['steady origin rate (median, before faults)', `${f.steadyOriginRate} requests/s`],
  [
    'hand-ins acknowledged / stored (teacher API)',
    `${number(result.exactlyOnce.acknowledged)} / ${number(result.exactlyOnce.stored)}`,
  ],
  ['retries / 5xx received', `${number(result.retries.retries)} / ${number(result.retries.serverErrors)}`],
])}
${result.faults.length ? `<h2>Faults</h2>${table(result.faults.map((x) => [x.name, `at ${(x.startMs / 1000).toFixed(1)} s, down ${(x.downMs / 1000).toFixed(1)} s`] as [string, string]))}` : ''}
<h2>Over time</h2>
${charts.join('\n')}
</body></html>
`;
}

/** Writes rehearsal.json and rehearsal.html into `dir`; returns their paths. */
export function writeReport(result: RehearsalResult, dir: string): { json: string; html: string } {
  mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'rehearsal.json');
  const html = path.join(dir, 'rehearsal.html');
  writeFileSync(json, JSON.stringify(result, null, 2));
  writeFileSync(html, reportHtml(result));
  return { json, html };
}
