/**
 * What a teacher can tell a pupil's devices apart by: the browser and the system, read from the
 * User-Agent the device joined with. Proper names only (Chrome, Android), the same in every
 * language; the screens put them in a sentence ("Chrome sur Android"). The raw User-Agent is not
 * kept: it says more about a family's device than a teacher needs.
 */
export interface DeviceAgent {
  browser: string | null;
  system: string | null;
}

/** Longest User-Agent read: real ones are a few hundred characters. */
const MAX_AGENT = 512;

// Order matters: Edge, Opera and Samsung Internet also say "Chrome"; Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bCriOS\/|\b(?:Headless)?Chrome\//, 'Chrome'],
  [/\bChromium\//, 'Chromium'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// iPhone and iPad before macOS (they say "like Mac OS X"); Android and ChromeOS before Linux.
const SYSTEMS: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMacintosh\b|\bMac OS X\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function firstMatch(text: string, table: [RegExp, string][]): string | null {
  return table.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** The browser and system a User-Agent names; null for what it does not say. */
export function deviceAgent(userAgent: string | null | undefined): DeviceAgent {
  const text = (userAgent ?? '').slice(0, MAX_AGENT);
  return { browser: firstMatch(text, BROWSERS), system: firstMatch(text, SYSTEMS) };
}
