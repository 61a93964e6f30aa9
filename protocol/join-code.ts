/**
 * The join code's form, shared by the pupil's device (to say what is wrong before asking the
 * server) and the server (to refuse a malformed code): typed by children, so short and
 * unambiguous (no 0/O, 1/I/L). Nine characters from a 31-letter alphabet give 31^9 ≈ 2^44.6 codes.
 */

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 9;

const WELL_FORMED = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** What the child typed, without case, spaces or dashes. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐‑–—_.]/g, '');
}

/** Whether a normalised code has the right length and alphabet. */
export function isWellFormedJoinCode(code: string): boolean {
  return WELL_FORMED.test(code);
}

/** What is wrong with a typed code, as the pupil can fix it; `null` when it is well formed. */
export type JoinCodeProblem =
  | { kind: 'empty' }
  /** Letters and digits of the alphabet, but not nine of them: `length` is how many there are. */
  | { kind: 'tooShort'; length: number }
  | { kind: 'tooLong'; length: number }
  /** Characters no code holds (the first one, as typed, upper-cased), such as O, 0, I, 1 or L. */
  | { kind: 'notInCodes'; character: string };

/** The pupil's typo, named before the server is asked (the server refuses the same codes with 400). */
export function joinCodeProblem(typed: string): JoinCodeProblem | null {
  const code = normaliseJoinCode(typed);
  if (code.length === 0) return { kind: 'empty' };
  // By code point, so an emoji or an accented letter is named whole.
  const stray = [...code].find((c) => !JOIN_CODE_ALPHABET.includes(c));
  if (stray !== undefined) return { kind: 'notInCodes', character: stray };
  if (code.length < JOIN_CODE_LENGTH) return { kind: 'tooShort', length: code.length };
  if (code.length > JOIN_CODE_LENGTH) return { kind: 'tooLong', length: code.length };
  return null;
}
