/** "Cette semaine": what opens which day, what is due, what is handed in, on the device's calendar. */
import { describe, expect, it } from 'vitest';
import { weekPlan } from '../../../src/pupil/week-plan.ts';
import type { LessonRecord } from '../../../src/store/records.ts';

const PARIS = 'Europe/Paris';

function lesson(
  id: string,
  availableFrom: string,
  dueAt: string | null,
  extra: Partial<LessonRecord> = {},
): LessonRecord {
  return {
    profileId: 'p',
    lessonId: id,
    version: 1,
    title: id,
    packHash: 'a'.repeat(64),
    size: 1,
    availableFrom,
    dueAt,
    state: 'ready',
    bytesDone: 1,
    sequence: null,
    ...extra,
  };
}

describe('week plan', () => {
  // Wednesday 7 April 2027, 12:00 in Paris.
  const now = Date.parse('2027-04-07T10:00:00.000Z');
  const lessons = [
    lesson('s1', '2027-04-06T06:30:00.000Z', '2027-04-06T16:00:00.000Z'),
    lesson('s2', '2027-04-08T06:30:00.000Z', '2027-04-08T16:00:00.000Z'),
    lesson('s3', '2027-04-09T06:30:00.000Z', '2027-04-12T16:00:00.000Z'),
    lesson('gone', '2027-04-08T06:30:00.000Z', null, { withdrawn: true }),
    lesson('old', '2027-03-29T06:30:00.000Z', null),
  ];

  it('lists Monday to Friday of this week with what opens, is due and was handed in each day', () => {
    const days = weekPlan(lessons, new Map([['s1', '2027-04-06T15:00:00.000Z']]), now, PARIS);
    expect(days.map((d) => d.date)).toEqual([
      '2027-04-05',
      '2027-04-06',
      '2027-04-07',
      '2027-04-08',
      '2027-04-09',
    ]);
    expect(days.find((d) => d.isToday)!.date).toBe('2027-04-07');
    const summary = days.map((d) => d.events.map((e) => `${e.kind}:${e.lesson.lessonId}`));
    expect(summary).toEqual([
      [],
      ['opens:s1', 'handedIn:s1'], // handed in: no longer "due"
      [],
      ['opens:s2', 'due:s2'], // a withdrawn lesson is not announced
      ['opens:s3'], // due next Monday: outside this week
    ]);
  });

  it('shows the weekend only when something happens then, on the school’s calendar', () => {
    const late = lesson('sat', '2027-04-10T22:30:00.000Z', null); // Sunday 00:30 in Paris, Saturday in UTC
    const days = weekPlan([late], new Map(), now, PARIS);
    expect(days.map((d) => d.date).at(-1)).toBe('2027-04-11');
    expect(days).toHaveLength(6);
  });
});
