/** Demo dates relative to the day of seeding, on the school's clocks (CARTABLE_TIMEZONE). */
import { addDays, instantOnDate, schoolDate } from '../../protocol/school-time.ts';

/** `days` after the school day of `from`, at hours:minutes school time, as ISO UTC. */
export function schoolDayAt(
  from: Date,
  days: number,
  hours: number,
  minutes: number,
  timeZone: string,
): string {
  const date = addDays(schoolDate(from, timeZone), days);
  const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
  return instantOnDate(date, time, timeZone).toISOString();
}
