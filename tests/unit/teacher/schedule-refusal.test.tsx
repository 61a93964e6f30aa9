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
/** The server refusing séance 2 for two reasons at once. */
const refusedTwice: ClassPublicationResult[] = [
  {
    classId: 'class-1',
    status: 'refused',
    error: 'schedule_day_off',
    problems: [
      { index: 1, code: 'schedule_day_off' },
      { index: 1, code: 'schedule_in_past' },
    ],
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
/** Every value of one attribute in the markup (a list attribute split into its ids). */
const attributeValues = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].flatMap((m) => m[1]!.split(/\s+/));
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

  it('gives each reason under a séance its own id, and the séance’s dates are described by every one', () => {
    const html = render(false, refusedTwice);
    const ids = attributeValues(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    const references = ['aria-describedby', 'aria-labelledby', 'aria-errormessage', 'for'].flatMap((name) =>
      attributeValues(html, name),
    );
    expect(references.filter((id) => !ids.includes(id))).toEqual([]);
    // Both reasons are under séance 2, each read with its date fields.
    const lines = [...seance(html, 2).matchAll(/<p [^>]*id="([^"]+)"[^>]*role="alert"/g)].map((m) => m[1]!);
    expect(lines).toHaveLength(2);
    for (const describedBy of attributeValues(seance(html, 2), 'aria-describedby')) {
      expect(lines).toContain(describedBy);
    }
    expect(attributeValues(seance(html, 2), 'aria-describedby')).toHaveLength(4);
  });
});
