/**
 * "Cette semaine": for each day of the current week (Monday to Friday, and the weekend when
 * something happens then), what opens, what is due and what was handed in, from what the device
 * holds. Pure: the page passes its corrected clock, so it works offline and unlocks on time.
 */
import { addDays, schoolDate } from '../../protocol/school-time.ts';
import { weekdayOf } from '../../protocol/sequence-schedule.ts';
import { localDate } from '../app/local-time.ts';
import type { LessonRecord } from '../store/records.ts';
import { earliestFirst } from '../store/time-order.ts';

export type WeekEvent =
  | { kind: 'opens'; at: string; lesson: LessonRecord }
  | { kind: 'due'; at: string; lesson: LessonRecord }
  | { kind: 'handedIn'; at: string; lesson: LessonRecord };

export interface WeekDay {
  /** YYYY-MM-DD on the device's calendar. */
  date: string;
  isToday: boolean;
  events: WeekEvent[];
}

/** The week around `now`, each day's events in time order, on the device's calendar unless a zone is given. */
export function weekPlan(
  lessons: readonly LessonRecord[],
  handedInAt: ReadonlyMap<string, string>,
  now: number,
  timeZone?: string,
): WeekDay[] {
  const dayOf = (at: string | number) => (timeZone ? schoolDate(at, timeZone) : localDate(at));
  const today = dayOf(now);
  const monday = addDays(today, 1 - weekdayOf(today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const events = lessons
    .filter((lesson) => !lesson.withdrawn)
    .flatMap((lesson): WeekEvent[] => {
      const handed = handedInAt.get(lesson.lessonId);
      return [
        { kind: 'opens', at: lesson.availableFrom, lesson },
        ...(lesson.dueAt && !handed ? [{ kind: 'due' as const, at: lesson.dueAt, lesson }] : []),
        ...(handed ? [{ kind: 'handedIn' as const, at: handed, lesson }] : []),
      ];
    });
  return days
    .map((date) => ({
      date,
      isToday: date === today,
      events: events.filter((e) => dayOf(e.at) === date).sort((a, b) => earliestFirst(a.at, b.at)),
    }))
    .filter((day, i) => i < 5 || day.events.length > 0);
}
