/**
 * The pupil's list gathers a sequence's séances under its heading, in séance order, in a section
 * labelled by that heading; a lesson outside any sequence stays on its own (issue 11, point 6).
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { markReady, upsertFromManifest } from '../../../src/store/lessons.ts';
import { LessonList } from '../../../src/pupil/lesson-list.tsx';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { loadedAppState, renderInApp } from '../client/support/app-render.tsx';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

beforeAll(() => {
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
});
beforeEach(async () => {
  await freshDevice();
});

const OPEN = new Date(Date.now() - 3_600_000).toISOString();
const fractions = (position: number) => ({ id: 'fractions', title: 'Les fractions', position, count: 3 });

describe("the pupil's list groups séances under their sequence", () => {
  it('shows one labelled section per sequence, séances in position order, lone lessons as before', async () => {
    const lea = await linkedProfile('lea');
    const [second, first, alone] = await Promise.all([
      publishLesson('partager'),
      publishLesson('decouvrir'),
      publishLesson('poesie'),
    ]);
    // The second séance is due first: the list's own order would put it before the first.
    await upsertFromManifest(lea.id, [
      { ...second.entry, availableFrom: OPEN, dueAt: '2099-01-01T10:00:00.000Z', sequence: fractions(2) },
      { ...alone.entry, availableFrom: OPEN, dueAt: '2099-01-02T10:00:00.000Z' },
      { ...first.entry, availableFrom: OPEN, dueAt: '2099-01-03T10:00:00.000Z', sequence: fractions(1) },
    ]);
    for (const lesson of [second, first, alone]) await markReady(lea.id, lesson.entry.id, lesson.pack);
    const html = renderInApp(await loadedAppState(), <LessonList />);

    const group = html.match(/<li class="sequence-group"[^>]*>(.*?)<\/section><\/li>/s)?.[1] ?? '';
    expect(group).toMatch(
      /<section aria-labelledby="(section-sectionToday-fractions)"><h3 id="\1">Séquence : Les fractions<\/h3>/,
    );
    const inGroup = [...group.matchAll(/data-lesson-id="([^"]+)"/g)].map((m) => m[1]);
    expect(inGroup).toEqual(['decouvrir', 'partager']);
    expect(group).toContain('<h4><a href="/lesson/decouvrir">');
    expect(group).toContain('Les fractions — séance 1 sur 3');
    // The lone lesson keeps its place after the sequence, as a card of its own with an h3.
    const order = [...html.matchAll(/data-(?:lesson|sequence)-id="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['fractions', 'decouvrir', 'partager', 'poesie']);
    expect(html).toContain('<h3><a href="/lesson/poesie">');
  });
});
