/** A small SVG line chart over the rehearsal's seconds, with the faults shaded. No dependency. */
import { escape } from '../bench/chart.ts';

export interface Series {
  label: string;
  colour: string;
  values: number[];
}

const WIDTH = 760;
const HEIGHT = 220;
const LEFT = 60;
const TOP = 30;
const PLOT_W = WIDTH - LEFT - 20;
const PLOT_H = HEIGHT - TOP - 40;

/** One chart: x is the second, y from 0 to the largest value; `bands` shade [start, end] seconds. */
export function lineChart(
  title: string,
  unit: string,
  series: Series[],
  bands: { from: number; to: number; label: string }[],
): string {
  const length = Math.max(1, ...series.map((s) => s.values.length));
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (second: number) => LEFT + (second / Math.max(1, length - 1)) * PLOT_W;
  const y = (value: number) => TOP + PLOT_H - (value / max) * PLOT_H;
  const shaded = bands
    .map(
      (b) =>
        `<rect x="${x(b.from)}" y="${TOP}" width="${Math.max(2, x(b.to) - x(b.from))}" height="${PLOT_H}" fill="#fde68a" opacity="0.6"><title>${escape(b.label)}</title></rect>` +
        `<text x="${x(b.from) + 3}" y="${TOP + 12}" font-size="10" fill="#92400e">${escape(b.label)}</text>`,
    )
    .join('');
  const lines = series
    .map((s) => {
      const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      return `<polyline fill="none" stroke="${s.colour}" stroke-width="1.5" points="${points}"/>`;
    })
    .join('');
  const legend = series
    .map(
      (s, i) =>
        `<rect x="${LEFT + i * 180}" y="${HEIGHT - 18}" width="12" height="12" fill="${s.colour}"/>` +
        `<text x="${LEFT + i * 180 + 16}" y="${HEIGHT - 8}" font-size="12">${escape(s.label)}</text>`,
    )
    .join('');
  const ticks = [0, 0.5, 1]
    .map(
      (f) =>
        `<text x="${LEFT - 6}" y="${y(max * f) + 4}" font-size="11" text-anchor="end">${Math.round(max * f).toLocaleString('en')}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(title)}" font-family="sans-serif">
<rect width="100%" height="100%" fill="white"/>
<text x="${LEFT}" y="18" font-size="14" font-weight="bold">${escape(title)} (${escape(unit)})</text>
${shaded}
<line x1="${LEFT}" y1="${TOP + PLOT_H}" x2="${LEFT + PLOT_W}" y2="${TOP + PLOT_H}" stroke="#555"/>
<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${TOP + PLOT_H}" stroke="#555"/>
${ticks}
<text x="${LEFT + PLOT_W}" y="${TOP + PLOT_H + 16}" font-size="11" text-anchor="end">${length - 1} s</text>
${lines}
${legend}
</svg>`;
}
