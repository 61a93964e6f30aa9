/** Gzip sizes of what the pupil's browser downloads before the first screen (read from dist/). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FirstLoad {
  files: string[];
  jsGzipBytes: number;
  cssGzipBytes: number;
  htmlGzipBytes: number;
}

/** Entry script, its static imports and stylesheets referenced by dist/index.html. */
export function firstLoadSizes(dist = join(import.meta.dirname, '../dist')): FirstLoad | null {
  if (!existsSync(join(dist, 'index.html'))) return null;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const js = new Set(refs.filter((r) => r.endsWith('.js')));
  for (const file of js) {
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      js.add(`/assets/${m[1]}`);
    }
  }
  const css = refs.filter((r) => r.endsWith('.css'));
  const gz = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
  return {
    files: [...js, ...css],
    jsGzipBytes: [...js].reduce((sum, f) => sum + gz(f), 0),
    cssGzipBytes: css.reduce((sum, f) => sum + gz(f), 0),
    htmlGzipBytes: gzipSync(html, { level: 9 }).length,
  };
}
