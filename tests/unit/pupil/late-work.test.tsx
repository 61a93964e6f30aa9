/**
 * Late work does not read as missing (issue 10, point 9): "rendu en retard" for work handed
 * in after the due date, "pas rendu, en retard" only for work not handed in, on the pupil's
 * cards and on the teacher's dashboard alike.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handIn } from '../../../src/store/hand-in.ts';
import { markReady, upsertFromManifest } from '../../../src/store/lessons.ts';
import { acknowledge } from '../../../src/store/outbox.ts';
import { dueState, dueText } from '../../../src/pupil/due-line.ts';
import { LessonList } from '../../../src/pupil/lesson-list.tsx';
import { handedInStatus } from '../../../src/teacher/handed-in-status.ts';
import { tt } from '../../../src/teacher/teacher-i18n.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { loadedAppState, renderInApp } from '../client/support/app-render.tsx';
import { publishLesson } from '../client/support/lesson-fixtures.ts';

const DUE = '2021-04-05T15:30:00.000Z';
const NOW = Date.parse('2021-04-06T09:00:00.000Z');

beforeAll(() => {
  Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true });
  globalThis.addEventListener ??= () => undefined;
});
beforeEach(async () => {
  await freshDevice();
});

describe("the pupil's card", () => {
  it('tells handed in late from not handed in and late', () => {
    expect(dueState(DUE, '2021-04-05T18:00:00.000Z', NOW)).toBe('handedInLate');
    expect(dueState(DUE, '2021-04-05T14:00:00.000Z', NOW)).toBe('handedIn');
    expect(dueState(DUE, undefined, NOW)).toBe('missingLate');
    expect(dueState(DUE, undefined, Date.parse(DUE) - 1)).toBe('due');
    expect(dueState(null, undefined, NOW)).toBeNull();
    expect(dueState(null, '2021-04-05T18:00:00.000Z', NOW)).toBe('handedIn');

    expect(dueText('handedInLate', DUE, '2021-04-05T18:00:00.000Z')).toMatch(
      /^Rendu en retard, .+ \(à rendre .+\)$/,
    );
    expect(dueText('missingLate', DUE, undefined)).toMatch(/^Pas rendu, en retard : c’était à rendre /);
  });

  it('a lesson handed in after its due date no longer says "À rendre …" but "Rendu en retard"', async () => {
    const lea = await linkedProfile('lea');
    const late = await publishLesson('lecture');
    const missing = await publishLesson('calcul');
    const due = new Date(Date.now() - 3_600_000).toISOString();
    await upsertFromManifest(lea.id, [
      { ...late.entry, dueAt: due },
      { ...missing.entry, dueAt: due },
    ]);
    await markReady(lea.id, 'lecture', late.pack);
    await markReady(lea.id, 'calcul', missing.pack);
    const work = await handIn(lea, { lessonId: 'lecture', version: 1 }, {});
    await acknowledge(work.submission.id, new Date().toISOString());
    const html = renderInApp(await loadedAppState(), <LessonList />);
    const card = (id: string) =>
      html
        .split('class="lesson-card"')
        .slice(1)
        .find((c) => c.includes(`data-lesson-id="${id}"`))!;
    expect(card('lecture')).toContain('data-due-state="handedInLate"');
    expect(card('lecture')).toContain('Rendu en retard');
    expect(card('lecture')).not.toContain('À rendre');
    expect(card('calcul')).toContain('data-due-state="missingLate"');
    expect(card('calcul')).toContain('Pas rendu, en retard');
  });
});

describe("the teacher's dashboard", () => {
  const work = (status: 'handedIn' | 'late') => ({
    status,
    submissionId: '0b6f1c1e-3a53-4a7e-9d5e-6a1c2f3b4d5e',
    handedInAt: '2021-04-05T18:00:00.000Z',
    receivedAt: '2021-04-05T18:00:01.000Z',
    score: null,
  });

  it('names late work "Rendu en retard" and missing work past its due date "Pas rendu, en retard"', () => {
    expect(handedInStatus(work('late'), DUE, NOW)).toBe('handedInLate');
    expect(handedInStatus(work('handedIn'), DUE, NOW)).toBe('handedIn');
    expect(handedInStatus(undefined, DUE, NOW)).toBe('missingLate');
    expect(handedInStatus(undefined, DUE, Date.parse(DUE) - 1)).toBe('notYet');
    expect(handedInStatus(undefined, null, NOW)).toBe('notYet');
    expect(tt('late')).toBe('Rendu en retard');
    expect(tt('missingLate')).toBe('Pas rendu, en retard');
  });
});
