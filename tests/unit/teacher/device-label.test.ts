/** A pupil's devices as the teacher reads them: "Chrome sur Android · vu il y a 2 h". */
import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../src/app/i18n.ts';
import { deviceLabels, timeAgo } from '../../../src/teacher/device-label.ts';

afterEach(() => setLocale('fr'));

describe('deviceLabels', () => {
  it('puts browser and system in a sentence, numbers devices the server could not name, and tells twins apart', async () => {
    expect(
      deviceLabels([
        { browser: 'Chrome', system: 'Android' },
        { browser: null, system: null },
        {},
        { browser: 'Safari', system: 'iPad' },
        { browser: 'Chrome', system: 'Android' },
        { browser: null, system: 'Windows' },
      ]),
    ).toEqual([
      'Chrome sur Android (1)',
      'Appareil 2',
      'Appareil 3',
      'Safari sur iPad',
      'Chrome sur Android (2)',
      'Windows',
    ]);
    await setLocale('en');
    expect(deviceLabels([{ browser: 'Firefox', system: 'Linux' }, {}])).toEqual([
      'Firefox on Linux',
      'Device 2',
    ]);
  });
});

describe('timeAgo', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  // Intl keeps the number and its unit together with a no-break space; compared here as plain spaces.
  const ago = (ms: number) => timeAgo(new Date(now - ms).toISOString(), now).replace(/[\u00a0\u202f]/g, ' ');

  it('says how long ago, shortly, in the teacher’s language', async () => {
    expect(ago(20_000)).toBe('à l’instant');
    expect(ago(5 * 60_000)).toBe('il y a 5 min');
    expect(ago(2 * 3_600_000 + 10 * 60_000)).toBe('il y a 2 h');
    expect(ago(26 * 3_600_000)).toBe('hier');
    expect(ago(3 * 86_400_000)).toBe('il y a 3 j');
    await setLocale('en');
    expect(ago(2 * 3_600_000)).toBe('2 hr. ago');
  });

  it('gives the date past a week', () => {
    expect(ago(10 * 86_400_000)).toMatch(/14 novembre/);
  });
});
