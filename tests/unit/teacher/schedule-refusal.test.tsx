/**
 * The schedule shows a parked publication's refusal where the teacher fixes it: the server's
 * reason under the séance's dates and the class's result; while a publication waits, it says so.
 */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Sequence } from '../../../protocol/sequence-api.ts';
import { locale } from '../../../src/app/i18n.ts';
import type { ClassPublicationResult } from '../../../src/store/teacher-db.ts';
import { SchedulePanel } from '../../../src/teacher/sequences/schedule-panel.tsx';

const sequence: Sequence = {
  id: 'fractions',
  classId: 'class-1',
  title: 'Les fractions',
  description: '',
  updatedAt: '2027-04-01T10:00:00.000Z',
  seances: [
    { lessonId: 'l1', title: 'Comparer', pupilIds: null },
    { lessonId: 'l2', title: 'Additionner', pupilIds: null },
  ],
  classes: [],
};
const refused: ClassPublicationResult[] = [
  {
    classId: 'class-1',
    status: 'refused',
    error: 'schedule_day_off',
    problems: [{ index: 1, code: 'schedule_day_off' }],
  },
];
const render = (waiting: boolean, results: ClassPublicationResult[] | null) =>
  renderToString(
    <SchedulePanel
      sequence={sequence}
      onPublish={async () => undefined}
      waiting={waiting}
      results={results}
    />,
  );
/** The markup of one séance's dates (its `li`). */
const seance = (html: string, n: number) => html.split(`data-seance="${n}"`)[1]!.split('</li>')[0]!;

describe('a refused publication on the schedule', () => {
  it('puts the server’s reason under the dates of the séance it is about, and in the class result', () => {
    locale.value = 'fr';
    const html = render(false, refused);
    expect(seance(html, 2)).toContain('role="alert"');
    expect(seance(html, 1)).not.toContain('role="alert"');
    expect(html).toContain('data-class-result="refused"');
    expect(html).toContain('Séance 2 :');
  });

  it('says the publication waits for the network instead of showing an older result', () => {
    const html = render(true, refused);
    expect(html).toContain('data-testid="publish-waiting"');
    expect(html).not.toContain('data-class-result');
    expect(render(false, null)).not.toContain('publish-waiting');
  });
});
