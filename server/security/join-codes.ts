/**
 * Join codes on the server: drawing, grouping and hashing. Their form (alphabet, length,
 * normalisation) is protocol/join-code.ts, which the pupil's device checks too.
 */
import { createHash, randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../protocol/join-code.ts';

export {
  isWellFormedJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  normaliseJoinCode,
} from '../../protocol/join-code.ts';

/** A new random code, normalised (no dashes). */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The code grouped for reading aloud or copying: ABC-DEF-GHJ. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,3}/g)?.join('-') ?? code;
}

/** What the database keeps instead of the code. */
export function hashJoinCode(code: string): string {
  return createHash('sha256').update(`cartable-join:${code}`, 'utf8').digest('hex');
}
