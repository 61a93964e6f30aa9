/**
 * The pupil's first download, measured from the real build output (dist/):
 * everything index.html pulls in before the first screen, gzipped.
 * Teacher screens are lazy chunks and must not be part of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstLoadSizes } from '../../bench/first-load.ts';

const DIST = join(import.meta.dirname, '../../dist');
const KB = 1000;

describe('pupil first-load budget (gzip)', () => {
  const load = firstLoadSizes(DIST);

  it('has a build to measure', () => {
    expect(load, 'run `npm run build` first').not.toBeNull();
  });

  // Issue 14, target 5: the pupil's JavaScript stays ≤ 45 KB while features arrive.
  it('keeps JavaScript ≤ 45 KB and JS + CSS + HTML ≤ 60 KB', () => {
    const { jsGzipBytes: js, cssGzipBytes: css, htmlGzipBytes: html, files } = load!;
    console.log(
      `first load: JS ${(js / KB).toFixed(1)} KB, CSS ${(css / KB).toFixed(1)} KB, HTML ${(html / KB).toFixed(1)} KB — ${files.join(', ')}`,
    );
    expect(js).toBeGreaterThan(1 * KB); // measuring something real
    expect(js).toBeLessThanOrEqual(45 * KB);
    expect(js + css + html).toBeLessThanOrEqual(60 * KB);
  });

  // One script before the first screen: a second chunk costs a request and its own gzip dictionary.
  it('loads one JavaScript file before the first screen', () => {
    expect(load!.files.filter((file) => file.endsWith('.js'))).toHaveLength(1);
  });

  it('does not put teacher screens in the first load', () => {
    for (const file of load!.files) {
      const code = readFileSync(join(DIST, file), 'utf8');
      // Markup, or a compiled JSX prop: Vite 8 emits `"data-screen":\`teacher-…\`` with backticks.
      expect(code, `${file} contains teacher screens`).not.toMatch(/data-screen"?\s*[=:]\s*["'`]teacher/);
    }
  });

  it("does not make pupils' devices precache the teacher screens", () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    const precached = [...worker.matchAll(/"?url"?:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]!);
    expect(precached).toContain('index.html');
    expect(precached.filter((url) => url.includes('teacher'))).toEqual([]);
  });

  it('keeps the English words, the device page, the join screen and the lesson player out of the first load, but precached for offline use', () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
    for (const chunk of ['i18n-en-', 'device-status-', 'join-screen-', 'lesson-player-']) {
      expect(load!.files.some((file) => file.includes(chunk))).toBe(false);
      expect(worker).toMatch(new RegExp(`assets/${chunk}[\\w-]+\\.js`));
    }
  });
});
