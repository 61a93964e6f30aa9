/** How the teacher tells a pupil's devices apart: "Chrome sur Android", "vu il y a 2 h". */
import { locale } from '../app/i18n.ts';
import { formatSchoolTime } from './school-clock.ts';
import { tt } from './teacher-i18n.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Each device's name, in link order: its browser and system when the server knows them, else
 * "Appareil 2" (devices linked before the server kept them); two alike are numbered.
 */
export function deviceLabels(devices: { browser?: string | null; system?: string | null }[]): string[] {
  const named = devices.map((d, i) => {
    if (d.browser && d.system) return tt('deviceAgent', { browser: d.browser, system: d.system });
    return d.browser ?? d.system ?? tt('deviceNumber', { n: i + 1 });
  });
  return named.map((label, i) => {
    const alike = named.filter((other) => other === label).length;
    if (alike === 1) return label;
    const rank = named.slice(0, i + 1).filter((other) => other === label).length;
    return `${label} (${rank})`;
  });
}

/** "il y a 5 min", "il y a 2 h", "hier", "il y a 3 j"; past a week, the date on the school's clocks. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const elapsed = Math.max(0, now - Date.parse(iso));
  if (elapsed >= 7 * DAY) return formatSchoolTime(iso);
  if (elapsed < MINUTE) return tt('justNow');
  const format = new Intl.RelativeTimeFormat(locale.value, { numeric: 'auto', style: 'short' });
  if (elapsed < HOUR) return format.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.floor(elapsed / HOUR), 'hour');
  return format.format(-Math.floor(elapsed / DAY), 'day');
}
