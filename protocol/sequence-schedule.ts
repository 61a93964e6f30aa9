/**
 * Scheduling a sequence in one go: "one séance per chosen school weekday at 08:30 from Tuesday
 * 6 April, skipping the days off", and when each séance is due. Pure functions on the school's
 * clocks (protocol/school-time.ts), shared by the teacher's editor (dates shown before
 * publishing) and the server (which checks them again), correct across daylight-saving changes.
 */
import { addDays, instantOnDate, schoolDate } from './school-time.ts';

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Primary schools in France work Monday, Tuesday, Thursday, Friday. */
export const PRIMARY_WEEKDAYS: readonly Weekday[] = [1, 2, 4, 5];
/** Secondary schools work all five weekdays. */
export const SECONDARY_WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5];

/** When a séance is due, from its own opening. */
export type DueRule =
  /** No due date. */
  | { kind: 'none' }
  /** The same school day at `time` ("the evening of the same day": 18:00). */
  | { kind: 'sameDay'; time: string }
  /** When the next séance opens; the last one is due when a further séance would have opened. */
  | { kind: 'beforeNext' };

export interface ScheduleRule {
  /** First school date a séance may open (YYYY-MM-DD, the school's calendar). */
  startDate: string;
  /** Time of day each séance opens (HH:MM on the school's clocks). */
  time: string;
  weekdays: readonly Weekday[];
  /** School dates with no séance (holidays, a trip), YYYY-MM-DD. */
  daysOff: readonly string[];
  due: DueRule;
}

/** One séance's place in the calendar: its school date and both instants as ISO strings. */
export interface ScheduledSeance {
  date: string;
  availableFrom: string;
  dueAt: string | null;
}

/** Why a séance's dates are refused (the code the server answers with, worded by the screens). */
export type ScheduleProblemCode = 'schedule_in_past' | 'schedule_day_off' | 'schedule_after_due';

export interface ScheduleProblem {
  /** Index of the séance in the sequence (0-based). */
  index: number;
  code: ScheduleProblemCode;
}

/** A YYYY-MM-DD date's ISO weekday (the calendar date, independent of any zone). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return (sunday0 === 0 ? 7 : sunday0) as Weekday;
}

/** The first `count` school dates on or after `from` that fall on a chosen weekday and are not off. */
export function schoolDays(
  from: string,
  count: number,
  weekdays: readonly Weekday[],
  daysOff: readonly string[],
): string[] {
  const chosen = new Set(weekdays);
  const off = new Set(daysOff);
  const dates: string[] = [];
  if (chosen.size === 0) return dates;
  // A year of school days is far more than a sequence holds; the bound keeps a silly rule finite.
  for (
    let date = from, scanned = 0;
    dates.length < count && scanned < 3660;
    date = addDays(date, 1), scanned++
  ) {
    if (chosen.has(weekdayOf(date)) && !off.has(date)) dates.push(date);
  }
  return dates;
}

/** The dates of `count` séances under a rule, each opening at the rule's time in `timeZone`. */
export function scheduleSeances(rule: ScheduleRule, count: number, timeZone: string): ScheduledSeance[] {
  // One date more than needed: "before the next séance" gives the last one the date a next would have.
  const dates = schoolDays(rule.startDate, count + 1, rule.weekdays, rule.daysOff);
  const opens = dates.map((date) => instantOnDate(date, rule.time, timeZone).toISOString());
  return dates.slice(0, count).map((date, i) => ({
    date,
    availableFrom: opens[i]!,
    dueAt: dueAtFor(rule.due, date, opens[i + 1] ?? null, timeZone),
  }));
}

function dueAtFor(due: DueRule, date: string, nextOpening: string | null, timeZone: string): string | null {
  switch (due.kind) {
    case 'none':
      return null;
    case 'sameDay':
      return instantOnDate(date, due.time, timeZone).toISOString();
    case 'beforeNext':
      return nextOpening;
  }
}

/**
 * Every reason the séances' dates (as the rule made them, or moved one by one by the teacher)
 * cannot be published: opening in the past, on a day off, or not before the due date.
 */
export function scheduleProblems(
  seances: readonly { availableFrom: string; dueAt: string | null }[],
  { now, daysOff, timeZone }: { now: Date; daysOff: readonly string[]; timeZone: string },
): ScheduleProblem[] {
  const off = new Set(daysOff);
  const problems: ScheduleProblem[] = [];
  seances.forEach((seance, index) => {
    const opens = Date.parse(seance.availableFrom);
    if (opens < now.getTime()) problems.push({ index, code: 'schedule_in_past' });
    if (off.has(schoolDate(opens, timeZone))) problems.push({ index, code: 'schedule_day_off' });
    if (seance.dueAt !== null && Date.parse(seance.dueAt) <= opens)
      problems.push({ index, code: 'schedule_after_due' });
  });
  return problems;
}
