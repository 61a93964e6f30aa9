import { describe, expect, it } from 'vitest';
import { needsHomeScreenHint, type BrowserFacts } from '../../../src/pupil/home-screen-hint.ts';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const MAC_SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';

const facts = (overrides: Partial<BrowserFacts>): BrowserFacts => ({
  userAgent: IPHONE_SAFARI,
  platform: 'iPhone',
  maxTouchPoints: 5,
  standalone: false,
  displayModeStandalone: false,
  ...overrides,
});

describe('needsHomeScreenHint', () => {
  it('iPhone Safari in a tab: yes', () => {
    expect(needsHomeScreenHint(facts({}))).toBe(true);
  });
  it('iPadOS pretending to be a Mac (touch screen): yes', () => {
    expect(needsHomeScreenHint(facts({ userAgent: MAC_SAFARI, platform: 'MacIntel' }))).toBe(true);
  });
  it('opened from the home screen: no', () => {
    expect(needsHomeScreenHint(facts({ standalone: true }))).toBe(false);
    expect(needsHomeScreenHint(facts({ displayModeStandalone: true }))).toBe(false);
  });
  it('a real Mac or an Android phone: no', () => {
    expect(
      needsHomeScreenHint(facts({ userAgent: MAC_SAFARI, platform: 'MacIntel', maxTouchPoints: 0 })),
    ).toBe(false);
    expect(
      needsHomeScreenHint(
        facts({ userAgent: ANDROID_CHROME, platform: 'Linux armv8l', standalone: undefined }),
      ),
    ).toBe(false);
  });
});
