/**
 * An SVG of one issue-14 run, so a reader sees the ratios at a glance: durable hand-ins per
 * second and their p99 against the minimal durable server of the same run, origin requests and
 * bytes per pupil at 8 a.m. (Cartable against the online-only baseline of the same run), and
 * join-to-ready time by lesson count. Pure string building; no dependency.
 */

interface Run {
  commit: string;
  date: string;
  ingest: {
    cartableSqlite: { perSecond: number; p99ms: number };
    cartablePostgres: { perSecond: number; p99ms: number } | { skipped: string };
    baseline: { perSecond: number; p99ms: number };
    baselineGroupCommit: { perSecond: number; p99ms: number };
    ofBaseline: number;
  };
  morning: {
    devices: number;
    cartable: { requests: number; bytes: number };
    onlineOnly: { requests: number; bytes: number };
    fewerRequests: number;
    fewerBytes: number;
  };
  joinToReady: { lessons: number; seconds: number }[];
}

/** Text made safe inside SVG or HTML. */
export const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Two horizontal bars (Cartable, online-only) scaled to the larger, with their values. */
function barPair(
  y: number,
  title: string,
  cartable: number,
  online: number,
  unit: string,
  ratio: number,
): string {
  const width = 360;
  const max = Math.max(cartable, online) || 1;
  const bar = (row: number, label: string, value: number, colour: string) =>
    `<text x="10" y="${row + 14}" font-size="12">${label}</text>` +
    `<rect x="110" y="${row}" width="${Math.max(1, (value / max) * width)}" height="18" fill="${colour}"/>` +
    `<text x="${116 + Math.max(1, (value / max) * width)}" y="${row + 14}" font-size="12">${escape(value.toLocaleString('en'))} ${unit}</text>`;
  return (
    `<text x="10" y="${y}" font-size="14" font-weight="bold">${escape(title)} — ${ratio}× fewer</text>` +
    bar(y + 8, 'Cartable', cartable, '#1d4ed8') +
    bar(y + 32, 'online-only', online, '#9ca3af')
  );
}

/** Hand-ins per second and p99, one bar per server, scaled to the fastest. */
function ingestBars(y: number, ingest: Run['ingest']): string {
  const rows: [string, { perSecond: number; p99ms: number }, string][] = [
    ['Cartable SQLite', ingest.cartableSqlite, '#1d4ed8'],
    ...('skipped' in ingest.cartablePostgres
      ? []
      : [
          ['Cartable PostgreSQL', ingest.cartablePostgres, '#1e40af'] as [
            string,
            { perSecond: number; p99ms: number },
            string,
          ],
        ]),
    ['minimal durable', ingest.baseline, '#9ca3af'],
    ['minimal + group', ingest.baselineGroupCommit, '#d1d5db'],
  ];
  const max = Math.max(...rows.map(([, f]) => f.perSecond)) || 1;
  return (
    `<text x="10" y="${y}" font-size="14" font-weight="bold">Durable hand-ins per second (target ≥ 2,000, p99 ≤ 50 ms) — ${ingest.ofBaseline}× the minimal server</text>` +
    rows
      .map(([label, f, colour], i) => {
        const row = y + 8 + i * 24;
        const w = Math.max(1, (f.perSecond / max) * 300);
        return (
          `<text x="10" y="${row + 14}" font-size="12">${escape(label)}</text>` +
          `<rect x="140" y="${row}" width="${w}" height="18" fill="${colour}"/>` +
          `<text x="${146 + w}" y="${row + 14}" font-size="12">${f.perSecond.toLocaleString('en')}/s · p99 ${f.p99ms} ms</text>`
        );
      })
      .join('')
  );
}

/** The whole chart for one run. */
export function issue14Chart(run: Run): string {
  const { morning } = run;
  const perPupil = (n: number) => Math.round((n / morning.devices) * 100) / 100;
  const joins = run.joinToReady;
  const maxSeconds = Math.max(10, ...joins.map((j) => j.seconds));
  // Everything below the ingest block moves down by its height.
  const top = 40 + (('skipped' in run.ingest.cartablePostgres ? 3 : 4) * 24 + 30);
  const joinBars = joins
    .map((j, i) => {
      const y = top + 250 + i * 24;
      const w = (j.seconds / maxSeconds) * 360;
      return (
        `<text x="10" y="${y + 14}" font-size="12">${j.lessons} lessons</text>` +
        `<rect x="110" y="${y}" width="${w}" height="18" fill="#15803d"/>` +
        `<text x="${116 + w}" y="${y + 14}" font-size="12">${j.seconds} s</text>`
      );
    })
    .join('');
  const target = 110 + (10 / maxSeconds) * 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${top + 270 + joins.length * 24}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="20" font-size="12" fill="#555">commit ${escape(run.commit)} · ${escape(run.date)} · ${morning.devices} pupils</text>
${ingestBars(50, run.ingest)}
${barPair(top + 50, 'Origin requests per pupil at 8 a.m.', perPupil(morning.cartable.requests), perPupil(morning.onlineOnly.requests), '', morning.fewerRequests)}
${barPair(top + 130, 'Origin bytes per pupil at 8 a.m.', Math.round(morning.cartable.bytes / morning.devices), Math.round(morning.onlineOnly.bytes / morning.devices), 'B', morning.fewerBytes)}
<text x="10" y="${top + 238}" font-size="14" font-weight="bold">Join to every lesson ready (target ≤ 10 s for 300)</text>
${joinBars}
<line x1="${target}" y1="${top + 244}" x2="${target}" y2="${top + 250 + joins.length * 24}" stroke="#b91c1c" stroke-dasharray="4 3"/>
</svg>
`;
}
