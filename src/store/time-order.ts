/**
 * Order by the ISO 8601 times the app stores (`toISOString()`, one format): their text order is
 * their time order, so a plain comparison does. `localeCompare` would give the same order but
 * builds a collator first, a cost paid on the way to the lesson list at every start.
 */

/** Sort callback: earliest first. */
export function earliestFirst(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort callback: latest first. */
export function latestFirst(a: string, b: string): number {
  return earliestFirst(b, a);
}
