/** Dates as a pupil reads them: nearby days by name, others in full. */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, setLocale, t } from '../../../src/app/i18n.ts';
import { tt } from '../../../src/teacher/teacher-i18n.ts';

const now = new Date(2026, 10, 23, 10, 0).getTime(); // Monday 23 November 2026, 10:00 local time

afterEach(() => setLocale('fr'));

describe('formatDateTime', () => {
  it('names today, tomorrow and yesterday in French', () => {
    expect(formatDateTime(new Date(2026, 10, 23, 10, 5).getTime(), now)).toBe('aujourd’hui à 10:05');
    expect(formatDateTime(new Date(2026, 10, 24, 8, 30).toISOString(), now)).toBe('demain à 08:30');
    expect(formatDateTime(new Date(2026, 10, 22, 16, 30).getTime(), now)).toBe('hier à 16:30');
    expect(t('opensAt', { date: formatDateTime(new Date(2026, 10, 24, 8, 30).getTime(), now) })).toBe(
      'Ouvre demain à 08:30',
    );
  });

  it('writes other days in full, and speaks English when asked', async () => {
    expect(formatDateTime(new Date(2026, 10, 26, 16, 30).getTime(), now)).toBe('jeudi 26 novembre à 16:30');
    await setLocale('en');
    expect(formatDateTime(new Date(2026, 10, 24, 8, 30).getTime(), now)).toBe('tomorrow at 08:30');
    expect(formatDateTime(new Date(2026, 10, 26, 16, 30).getTime(), now)).toBe(
      'Thursday 26 November at 16:30',
    );
  });
});

describe('tt', () => {
  it('says the words teacher and pupil screens share from the one pupil dictionary, in both languages', async () => {
    expect(tt('cancel')).toBe('Annuler');
    expect(tt('sendNow')).toBe(t('sendNow'));
    await setLocale('en');
    expect(tt('cancel')).toBe('Cancel');
    expect(tt('sendNow')).toBe('Send now');
  });
});
