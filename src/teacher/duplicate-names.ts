/** Names a teacher is about to add twice: already in the class, or twice in the pasted list. */

/** The form in which two names count as the same pupil: case, accents and spacing aside. */
function sameName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The names of `adding` that repeat one of `existing` or an earlier line of `adding`, in order. */
export function duplicateNames(adding: string[], existing: string[]): string[] {
  const seen = new Set(existing.map(sameName));
  const repeated: string[] = [];
  for (const name of adding) {
    const key = sameName(name);
    if (seen.has(key)) repeated.push(name);
    seen.add(key);
  }
  return repeated;
}

/** `adding` without its duplicates (the first of each name stays, unless the class has it already). */
export function withoutDuplicates(adding: string[], existing: string[]): string[] {
  const seen = new Set(existing.map(sameName));
  return adding.filter((name) => {
    const key = sameName(name);
    const keep = !seen.has(key);
    seen.add(key);
    return keep;
  });
}
