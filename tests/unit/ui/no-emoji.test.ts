/**
 * School machines often lack an emoji font: a pictograph in the interface shows as an empty box.
 * Icons are inline SVG (src/ui/icon.tsx); this fails when an emoji or dingbat comes back into a
 * screen or a dictionary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const PICTOGRAPH = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B00}-\u{2BFF}\u{FE0F}]/u;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.(tsx?|css|html)$/.test(entry.name) ? [file] : [];
  });
}

describe('no emoji as UI', () => {
  it('no screen, component or dictionary carries a pictograph', () => {
    const offenders = [...sources('src'), 'index.html'].flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          PICTOGRAPH.test(line.replace(/\/\/.*$|\/\*.*?\*\//g, ''))
            ? [`${file}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offenders).toEqual([]);
  });
});
