/**
 * The pupil's first download, measured from the real build output (dist/):
 * everything index.html pulls in before the first screen, gzipped.
 * Teacher screens are lazy chunks and must not be part of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '../../dist');
const KB = 1000;

function firstLoad() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  // Follow static imports between chunks: the browser needs them before the first render.
  const js = new Set(refs.filter((r) => r.endsWith('.js')));
  for (const file of js) {
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      js.add(`/assets/${m[1]}`);
    }
  }
  const css = refs.filter((r) => r.endsWith('.css'));
  const gz = (path: string) => gzipSync(readFileSync(join(DIST, path)), { level: 9 }).length;
  return {
    files: [...js, ...css],
    js: [...js].reduce((sum, f) => sum + gz(f), 0),
    css: css.reduce((sum, f) => sum + gz(f), 0),
    html: gzipSync(html, { level: 9 }).length,
  };
}

describe('pupil first-load budget (gzip)', () => {
  it('has a build to measure', () => {
    expect(existsSync(join(DIST, 'index.html')), 'run `npm run build` first').toBe(true);
  });

  it('keeps JavaScript ≤ 60 KB and JS + CSS + HTML ≤ 80 KB', () => {
    const load = firstLoad();
    console.log(
      `first load: JS ${(load.js / KB).toFixed(1)} KB, CSS ${(load.css / KB).toFixed(1)} KB, HTML ${(load.html / KB).toFixed(1)} KB — ${load.files.join(', ')}`,
    );
    expect(load.js).toBeGreaterThan(1 * KB); // measuring something real
    expect(load.js).toBeLessThanOrEqual(60 * KB);
    expect(load.js + load.css + load.html).toBeLessThanOrEqual(80 * KB);
  });

  it('does not put teacher screens in the first load', () => {
    const load = firstLoad();
    for (const file of load.files) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code, `${file} contains teacher screens`).not.toMatch(/data-screen="teacher/);
    }
  });
});
