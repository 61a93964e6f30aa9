/**
 * Names as people see them (classes, pupils, teachers): what is typed or
 * pasted may carry characters that are invisible yet change what is shown.
 * Bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) can make
 * "Léa‮txt.exe" read backwards or reorder the text around a name; zero-width
 * spaces, soft hyphens and tag characters make two names look identical.
 */
import * as v from 'valibot';

/**
 * Invisible format characters (Unicode Cf) except ZWNJ and ZWJ (U+200C, U+200D),
 * which Persian, Indic scripts and emoji need to spell correctly.
 */
const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;
/** Control characters and line or paragraph separators: a name is one line. */
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]/gu;

/** A name without invisible format characters, on one line, composed (NFC), spaces collapsed and trimmed. */
export function cleanName(typed: string): string {
  return typed
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(LINE_BREAKING, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A class, pupil or teacher name as stored: cleaned, then 1–120 characters. */
export const NameSchema = v.pipe(
  v.string(),
  v.transform(cleanName),
  v.minLength(1, 'a name is required'),
  v.maxLength(120),
);
