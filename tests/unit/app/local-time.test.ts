/** The device's dates written without Intl read exactly as Intl writes them, in both languages. */
import { describe, expect, it } from 'vitest';
import { dayName, localDate, localTime } from '../../../src/app/local-time.ts';

const intl = (language: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(language, options);

describe('local time without Intl', () => {
  // Every 7 h 13 min for a year: all weekdays, months, hours, and both daylight-saving changes.
  const instants = Array.from({ length: 1300 }, (_, i) => Date.UTC(2027, 0, 1) + i * 433 * 60_000);

  it('gives the calendar day and the time the device shows', () => {
    const day = intl('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    const time = intl('fr-FR', { hour: '2-digit', minute: '2-digit' });
    for (const at of instants) {
      expect(localDate(at)).toBe(day.format(at));
      expect(localTime(at)).toBe(time.format(at));
    }
  });

  it('names the day as Intl does in French and English', () => {
    const options = { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' } as const;
    for (const [language, tag] of [
      ['fr', 'fr-FR'],
      ['en', 'en-GB'],
    ] as const) {
      const format = intl(tag, options);
      for (let i = 0; i < 366; i++) {
        const date = new Date(Date.UTC(2028, 0, 1 + i));
        expect(dayName(date.toISOString().slice(0, 10), language)).toBe(format.format(date));
      }
    }
  });
});
