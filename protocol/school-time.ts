/**
 * Wall-clock time in the school's time zone (CARTABLE_TIMEZONE, default Europe/Paris), shared by
 * the server (demo, exports) and the teacher's editor. "08:30" means 08:30 at school whatever the
 * server's or the browser's own zone, and stays 08:30 across the daylight-saving changes.
 * Uses only Intl: no time-zone database ships with the app.
 */

/** The default school time zone. */
export const DEFAULT_SCHOOL_TIME_ZONE = 'Europe/Paris';

/** A date and time on the school's clocks. Months are 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** true when the runtime knows this IANA zone name. */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

/** What the school's clocks show at an instant. */
export function wallTimeAt(instant: Date | string | number, timeZone: string): WallTime & { second: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** Minutes the zone is ahead of UTC at an instant (Paris: 60 in winter, 120 in summer). */
function offsetMinutes(epochMs: number, timeZone: string): number {
  const w = wallTimeAt(epochMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the school's clocks show `wall`. A time skipped by the spring change
 * (02:30 on the last Sunday of March in Paris) is read with the offset from before it, so it lands
 * just after the change; a repeated autumn hour takes its first occurrence.
 */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The zone's offset half a day either side brackets any change on that day.
  const offsets = [
    ...new Set([-1, 1].map((side) => offsetMinutes(asUtc + (side * 86_400_000) / 2, timeZone))),
  ];
  const shows = (t: number) => {
    const w = wallTimeAt(t, timeZone);
    return (
      w.year === wall.year &&
      w.month === wall.month &&
      w.day === wall.day &&
      w.hour === wall.hour &&
      w.minute === wall.minute
    );
  };
  const matching = offsets.map((o) => asUtc - o * 60_000).filter(shows);
  if (matching.length > 0) return new Date(Math.min(...matching));
  // Skipped by the spring change: read with the offset from before it.
  return new Date(asUtc - offsets[0]! * 60_000);
}

/** The school's calendar date of an instant, as YYYY-MM-DD. */
export function schoolDate(instant: Date | string | number, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `days` calendar days after (or before) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`;
}

/** The instant of HH:MM on a YYYY-MM-DD school date. */
export function instantOnDate(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day, hour, minute }, timeZone);
}

/** "YYYY-MM-DD HH:MM" on the school's clocks: how exports write times. */
export function schoolDateTimeText(instant: Date | string | number, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
