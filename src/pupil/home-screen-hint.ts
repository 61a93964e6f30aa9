/**
 * Safari deletes the storage of sites not opened for 7 days, lessons and unsent
 * work included, unless the app was added to the home screen. Detect iOS/iPadOS
 * Safari running in a tab, where the pupil should be told.
 */

export interface BrowserFacts {
  userAgent: string;
  platform: string;
  maxTouchPoints: number;
  /** navigator.standalone (iOS only): true when opened from the home screen. */
  standalone: boolean | undefined;
  /** matchMedia('(display-mode: standalone)').matches */
  displayModeStandalone: boolean;
}

/** Whether to suggest adding the app to the home screen. */
export function needsHomeScreenHint(facts: BrowserFacts): boolean {
  if (facts.standalone === true || facts.displayModeStandalone) return false;
  const iPhoneOrOldIPad = /iPhone|iPad|iPod/.test(facts.userAgent);
  // iPadOS 13+ claims to be a Mac; a Mac has no touch screen.
  const newIPad = facts.platform === 'MacIntel' && facts.maxTouchPoints > 1;
  // Every iOS browser is WebKit with the same 7-day rule, Chrome (CriOS) and Firefox (FxiOS) included.
  return iPhoneOrOldIPad || newIPad;
}

/** The facts of this browser. */
export function browserFacts(): BrowserFacts {
  return {
    userAgent: navigator.userAgent,
    platform: navigator.platform,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone: (navigator as { standalone?: boolean }).standalone,
    displayModeStandalone: globalThis.matchMedia?.('(display-mode: standalone)').matches ?? false,
  };
}
