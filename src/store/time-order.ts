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

// French letters with marks, read as their base letter for ordering (œ and æ as two letters).
const FOLD: Record<string, string> = {
  à: 'a',
  â: 'a',
  ä: 'a',
  á: 'a',
  ç: 'c',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ö: 'o',
  ó: 'o',
  ù: 'u',
  û: 'u',
  ü: 'u',
  ú: 'u',
  ÿ: 'y',
  ñ: 'n',
  œ: 'oe',
  æ: 'ae',
};
const folded = (text: string) => text.toLowerCase().replace(/[^\x20-\x7e]/g, (c) => FOLD[c] ?? c);

/**
 * Sort callback: titles in dictionary order ("Écrire" beside "ecrire", before "Fractions"), the
 * order a collator gives for French titles without building one (see above).
 */
export function alphabetical(a: string, b: string): number {
  return earliestFirst(folded(a), folded(b)) || earliestFirst(a, b);
}
