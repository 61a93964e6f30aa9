import { describe, expect, it } from 'vitest';
import { LARGE_MEDIA_BYTES, waitsForPupil } from '../../../src/sync/data-saver.ts';

const media = (size: number, optional = false) => ({
  blob: 'a'.repeat(64),
  mime: 'video/mp4',
  size,
  optional,
});
const small = media(200_000);
const large = media(LARGE_MEDIA_BYTES + 1);
const optional = media(10_000, true);

describe('waitsForPupil', () => {
  it('never holds back small required media, whatever the setting', () => {
    expect(waitsForPupil(small, 'askFirst', { saveData: true, onWifi: false })).toBe(false);
  });

  it('holds back large or optional media when the browser’s Data Saver is on, even on Wi-Fi', () => {
    for (const ref of [large, optional])
      expect(waitsForPupil(ref, 'always', { saveData: true, onWifi: true })).toBe(true);
  });

  it('"ask first": holds them back off Wi-Fi or when the connection type is unknown, not on Wi-Fi', () => {
    expect(waitsForPupil(large, 'askFirst', { saveData: false, onWifi: false })).toBe(true);
    expect(waitsForPupil(large, 'askFirst', { saveData: false, onWifi: null })).toBe(true);
    expect(waitsForPupil(large, 'askFirst', { saveData: false, onWifi: true })).toBe(false);
  });

  it('"always" without Data Saver downloads everything', () => {
    expect(waitsForPupil(large, 'always', { saveData: false, onWifi: false })).toBe(false);
    expect(waitsForPupil(optional, 'always', { saveData: false, onWifi: null })).toBe(false);
  });

  it('the threshold is inclusive of 5 MB itself', () => {
    expect(waitsForPupil(media(LARGE_MEDIA_BYTES), 'askFirst', { saveData: true, onWifi: false })).toBe(
      false,
    );
  });
});
