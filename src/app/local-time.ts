/**
 * Dates on the device's own clock, written without Intl. Building the first Intl.DateTimeFormat
 * makes the browser load its date and time-zone data: about 250 ms of a cold start on a slow
 * phone (measured at 4× CPU throttle), before the first lesson card. The pupil's screens only ever
 * show the device's own time in French or English, which Date's local getters and two lists of
 * names give exactly as Intl would ("mardi 8 décembre", "Tuesday 8 December", "08:30").
 */

const names = {
  fr: {
    days: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    months: [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ],
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  },
} as const;

export type DateLanguage = keyof typeof names;

const two = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD on the device's calendar. */
export function localDate(instant: Date | string | number): string {
  const d = new Date(instant);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "08:30" on the device's clock (24-hour in both languages). */
export function localTime(instant: Date | string | number): string {
  const d = new Date(instant);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "mardi 8 décembre" / "Tuesday 8 December" for a YYYY-MM-DD calendar day. */
export function dayName(date: string, language: DateLanguage): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${names[language].days[weekday]} ${d} ${names[language].months[m - 1]}`;
}
