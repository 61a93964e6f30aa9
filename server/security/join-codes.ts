/**
 * Join codes: typed by children, so short and unambiguous (no 0/O, 1/I/L).
 * Nine characters from a 31-letter alphabet give 31^9 ≈ 2^44.6 codes.
 */
import { createHash, randomInt } from 'node:crypto';

export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 9;

const WELL_FORMED = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A new random code, normalised (no dashes). */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What the child typed, without case, spaces or dashes. */
export function normaliseJoinCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐‑–—_.]/g, '');
}

/** Whether a normalised code has the right length and alphabet. */
export function isWellFormedJoinCode(code: string): boolean {
  return WELL_FORMED.test(code);
}

/** The code grouped for reading aloud or copying: ABC-DEF-GHJ. */
export function formatJoinCode(code: string): string {
  return code.match(/.{1,3}/g)?.join('-') ?? code;
}

/** What the database keeps instead of the code. */
export function hashJoinCode(code: string): string {
  return createHash('sha256').update(`cartable-join:${code}`, 'utf8').digest('hex');
}
