/**
 * A written answer's length limit: what fits of a paste, and when the pupil is told the limit is
 * near. Lengths count UTF-16 code units, as the textarea's maxlength and the protocol's schema do.
 */

/** The protocol's cap on a text answer (protocol/answers.ts): no teacher's limit goes above it. */
export const TEXT_ANSWER_MAX = 20_000;

/** How far back a cut looks for a space, so that a paste does not end in the middle of a word. */
const WORD_LOOKBACK = 30;

/** The step's limit, or the protocol's when the teacher set none (or one beyond it). */
export function answerLimit(stepMaxLength: number | undefined): number {
  if (stepMaxLength === undefined || !(stepMaxLength >= 1)) return TEXT_ANSWER_MAX;
  return Math.min(Math.floor(stepMaxLength), TEXT_ANSWER_MAX);
}

/**
 * What of `inserted` to add when only `room` characters are left: all of it if it fits, otherwise
 * the beginning, cut before the last word that would not fit whole (unless that word is very long)
 * and never inside a surrogate pair. `dropped` is how many characters were left out.
 */
export function fitInsertion(inserted: string, room: number): { kept: string; dropped: number } {
  // The textarea stores line breaks as one character: count them as it will.
  const text = inserted.replace(/\r\n?/g, '\n');
  if (text.length <= room) return { kept: text, dropped: 0 };
  let cut = Math.max(0, room);
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
  if (cut > 0 && /\S/.test(text[cut]!) && /\S/.test(text[cut - 1]!)) {
    const space = text.slice(Math.max(0, cut - WORD_LOOKBACK), cut).search(/\s\S*$/);
    if (space >= 0) cut = Math.max(0, cut - WORD_LOOKBACK) + space;
  }
  const kept = text.slice(0, cut);
  return { kept, dropped: text.length - kept.length };
}

/** How the pupil is told about the limit: quietly, then once near it, then once at it. */
export type LimitState = 'far' | 'near' | 'reached';

/** 'near' in the last tenth of the limit (at least the last 20 characters). */
export function limitState(length: number, limit: number): LimitState {
  if (length >= limit) return 'reached';
  return limit - length <= Math.max(20, Math.ceil(limit / 10)) ? 'near' : 'far';
}
