/** School wall-clock time: 08:30 in Paris is 08:30 there, whatever the runtime's zone, across DST. */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  instantOf,
  instantOnDate,
  isTimeZone,
  schoolDate,
  schoolDateTimeText,
  wallTimeAt,
} from '../../../protocol/school-time.ts';

const PARIS = 'Europe/Paris';

describe('school time', () => {
  it.each([
    ['2027-01-12', '08:30', '2027-01-12T07:30:00.000Z'], // winter, UTC+1
    ['2027-03-27', '08:30', '2027-03-27T07:30:00.000Z'], // Saturday before the spring change
    ['2027-03-28', '08:30', '2027-03-28T06:30:00.000Z'], // the change's Sunday, UTC+2 from 03:00
    ['2027-03-29', '08:30', '2027-03-29T06:30:00.000Z'],
    ['2027-10-30', '08:30', '2027-10-30T06:30:00.000Z'],
    ['2027-10-31', '08:30', '2027-10-31T07:30:00.000Z'], // back to UTC+1 from 03:00
    ['2027-10-31', '02:30', '2027-10-31T00:30:00.000Z'], // the repeated hour: its first occurrence
    ['2027-03-28', '02:30', '2027-03-28T01:30:00.000Z'], // skipped: lands just after the change
  ])('%s %s in Paris is %s', (date, time, iso) => {
    expect(instantOnDate(date, time, PARIS).toISOString()).toBe(iso);
  });

  it('reads back what it wrote, in other zones too', () => {
    for (const zone of ['Europe/Paris', 'America/Cayenne', 'Indian/Reunion', 'Pacific/Noumea', 'UTC']) {
      const at = instantOf({ year: 2027, month: 4, day: 6, hour: 8, minute: 30 }, zone);
      expect(wallTimeAt(at, zone)).toMatchObject({ year: 2027, month: 4, day: 6, hour: 8, minute: 30 });
    }
  });

  it('dates and texts on the school calendar', () => {
    expect(schoolDate('2027-01-12T23:30:00Z', PARIS)).toBe('2027-01-13');
    expect(schoolDateTimeText('2027-06-01T06:30:00Z', PARIS)).toBe('2027-06-01 08:30');
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
