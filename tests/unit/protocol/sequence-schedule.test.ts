/** The schedule rule: chosen weekdays, days off, due-date rules, in the school's zone across DST. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ManifestLessonSchema } from '../../../protocol/api.ts';
import { PublishSequenceSchema, ScheduleRuleSchema } from '../../../protocol/sequence-api.ts';
import {
  PRIMARY_WEEKDAYS,
  SECONDARY_WEEKDAYS,
  scheduleProblems,
  scheduleSeances,
  schoolDays,
  weekdayOf,
  type ScheduleRule,
} from '../../../protocol/sequence-schedule.ts';

const PARIS = 'Europe/Paris';

function rule(overrides: Partial<ScheduleRule> = {}): ScheduleRule {
  return {
    startDate: '2027-04-06',
    time: '08:30',
    weekdays: PRIMARY_WEEKDAYS,
    daysOff: [],
    due: { kind: 'none' },
    ...overrides,
  };
}

describe('school days', () => {
  it('knows the weekday of a calendar date', () => {
    expect(weekdayOf('2027-04-05')).toBe(1); // Monday
    expect(weekdayOf('2027-04-06')).toBe(2);
    expect(weekdayOf('2027-04-11')).toBe(7); // Sunday
  });

  it('takes only the chosen weekdays, from the start date on', () => {
    // Primary: Monday, Tuesday, Thursday, Friday. Tuesday 6 April 2027 first.
    expect(schoolDays('2027-04-06', 5, PRIMARY_WEEKDAYS, [])).toEqual([
      '2027-04-06',
      '2027-04-08',
      '2027-04-09',
      '2027-04-12',
      '2027-04-13',
    ]);
    expect(schoolDays('2027-04-06', 3, SECONDARY_WEEKDAYS, [])).toEqual([
      '2027-04-06',
      '2027-04-07',
      '2027-04-08',
    ]);
  });

  it('skips the days off the teacher marked, and never loops on a rule with no weekday', () => {
    expect(schoolDays('2027-04-06', 3, SECONDARY_WEEKDAYS, ['2027-04-07', '2027-04-08'])).toEqual([
      '2027-04-06',
      '2027-04-09',
      '2027-04-12',
    ]);
    expect(schoolDays('2027-04-06', 3, [], [])).toEqual([]);
  });
});

describe('scheduling séances', () => {
  it('opens each séance at 08:30 school time, including the week the clocks go forward', () => {
    // Paris goes to summer time on Sunday 28 March 2027: 08:30 is 07:30 UTC before, 06:30 UTC after.
    const seances = scheduleSeances(
      rule({ startDate: '2027-03-25', weekdays: SECONDARY_WEEKDAYS }),
      3,
      PARIS,
    );
    expect(seances.map((s) => [s.date, s.availableFrom])).toEqual([
      ['2027-03-25', '2027-03-25T07:30:00.000Z'],
      ['2027-03-26', '2027-03-26T07:30:00.000Z'],
      ['2027-03-29', '2027-03-29T06:30:00.000Z'],
    ]);
  });

  it('and the week the clocks go back in late October', () => {
    const seances = scheduleSeances(
      rule({ startDate: '2027-10-29', weekdays: SECONDARY_WEEKDAYS }),
      2,
      PARIS,
    );
    expect(seances.map((s) => s.availableFrom)).toEqual([
      '2027-10-29T06:30:00.000Z',
      '2027-11-01T07:30:00.000Z',
    ]);
  });

  it('gives the due date of "the evening of the same day" on the school clocks', () => {
    const seances = scheduleSeances(
      rule({
        startDate: '2027-03-26',
        weekdays: SECONDARY_WEEKDAYS,
        due: { kind: 'sameDay', time: '18:00' },
      }),
      2,
      PARIS,
    );
    expect(seances.map((s) => s.dueAt)).toEqual(['2027-03-26T17:00:00.000Z', '2027-03-29T16:00:00.000Z']);
  });

  it('"before the next séance": due when the next one opens; the last when a further one would', () => {
    const seances = scheduleSeances(rule({ due: { kind: 'beforeNext' }, daysOff: ['2027-04-12'] }), 3, PARIS);
    expect(seances.map((s) => [s.availableFrom, s.dueAt])).toEqual([
      ['2027-04-06T06:30:00.000Z', '2027-04-08T06:30:00.000Z'],
      ['2027-04-08T06:30:00.000Z', '2027-04-09T06:30:00.000Z'],
      // Monday 12 is off: the next school day is Tuesday 13.
      ['2027-04-09T06:30:00.000Z', '2027-04-13T06:30:00.000Z'],
    ]);
    expect(scheduleSeances(rule(), 2, PARIS).map((s) => s.dueAt)).toEqual([null, null]);
  });

  it('works on the clocks of another school zone', () => {
    const [first] = scheduleSeances(rule(), 1, 'Indian/Reunion'); // UTC+4, no DST
    expect(first!.availableFrom).toBe('2027-04-06T04:30:00.000Z');
  });
});

describe('refusing a schedule', () => {
  const context = { now: new Date('2027-04-07T12:00:00.000Z'), daysOff: ['2027-04-09'], timeZone: PARIS };

  it('names each séance that opens in the past, on a day off, or not before its due date', () => {
    expect(
      scheduleProblems(
        [
          { availableFrom: '2027-04-06T06:30:00.000Z', dueAt: null },
          { availableFrom: '2027-04-08T06:30:00.000Z', dueAt: '2027-04-08T16:00:00.000Z' },
          { availableFrom: '2027-04-09T06:30:00.000Z', dueAt: null },
          { availableFrom: '2027-04-12T06:30:00.000Z', dueAt: '2027-04-12T06:30:00.000Z' },
        ],
        context,
      ),
    ).toEqual([
      { index: 0, code: 'schedule_in_past' },
      { index: 2, code: 'schedule_day_off' },
      { index: 3, code: 'schedule_after_due' },
    ]);
  });

  it('reads a day off on the school calendar, not UTC (00:30 in Paris is the day before in UTC)', () => {
    const problems = scheduleProblems([{ availableFrom: '2027-04-08T22:30:00.000Z', dueAt: null }], context);
    expect(problems).toEqual([{ index: 0, code: 'schedule_day_off' }]);
  });
});

describe('schemas', () => {
  it('an older server’s manifest entry without `sequence` is still valid, and so is one with it', () => {
    const entry = {
      id: 'l1',
      version: 1,
      title: 'Les fractions',
      pack: 'a'.repeat(64),
      size: 10,
      availableFrom: '2027-04-06T06:30:00.000Z',
      dueAt: null,
    };
    expect(v.is(ManifestLessonSchema, entry)).toBe(true);
    expect(v.is(ManifestLessonSchema, { ...entry, sequence: null })).toBe(true);
    expect(
      v.is(ManifestLessonSchema, {
        ...entry,
        sequence: { id: 's', title: 'Fractions', position: 2, count: 5 },
      }),
    ).toBe(true);
    expect(
      v.is(ManifestLessonSchema, { ...entry, sequence: { id: 's', title: 'F', position: 0, count: 5 } }),
    ).toBe(false);
  });

  it('a rule needs a weekday, a real date and an HH:MM time', () => {
    expect(v.is(ScheduleRuleSchema, rule())).toBe(true);
    expect(v.is(ScheduleRuleSchema, rule({ weekdays: [] }))).toBe(false);
    expect(v.is(ScheduleRuleSchema, rule({ startDate: '2027-02-30' }))).toBe(false);
    expect(v.is(ScheduleRuleSchema, rule({ time: '8:30' }))).toBe(false);
    expect(v.is(ScheduleRuleSchema, rule({ time: '24:00' }))).toBe(false);
  });

  it('a publication names at least one class; assignments name at least one pupil', () => {
    expect(v.is(PublishSequenceSchema, { classes: [] })).toBe(false);
    const one = { classId: 'c', seances: [] };
    expect(v.parse(PublishSequenceSchema, { classes: [one] }).classes[0]).toEqual({
      ...one,
      daysOff: [],
      assignments: [],
    });
    expect(
      v.is(PublishSequenceSchema, { classes: [{ ...one, assignments: [{ lessonId: 'l1', pupilIds: [] }] }] }),
    ).toBe(false);
  });
});
