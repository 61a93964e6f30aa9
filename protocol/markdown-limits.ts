/**
 * Bounds on teacher Markdown, checked in one linear pass before any parsing.
 * The parser (micromark) is super-linear on some inputs: thousands of
 * emphasis delimiters held the server's event loop for seconds, and nesting
 * thousands deep overflowed the stack. These bounds are far above what a
 * lesson needs, and low enough that the worst text they let through converts
 * in a few milliseconds. Shared by the editor (which shows them) and the
 * server (which refuses with 422 and the same codes).
 */

export const MARKDOWN_LIMITS = {
  /** Characters in one lesson field (a text step, a prompt, a caption). */
  lessonField: 20_000,
  /** Characters in one feedback. */
  feedback: 5_000,
  /** Quotes, list items and indentation levels (two spaces each) opened on one line. */
  maxDepth: 16,
  /** Runs of emphasis characters (`*` or `_`) and code spans (`` ` ``) in one field. */
  maxMarkup: 2_000,
  /** Square brackets open at once (links and images inside links and images). */
  maxBrackets: 16,
} as const;

/** Why a Markdown text is refused, as a stable code the apps translate. */
export type MarkdownRefusal = 'markdown_too_long' | 'markdown_too_deep' | 'markdown_too_complex';

export const MARKDOWN_REFUSALS: readonly MarkdownRefusal[] = [
  'markdown_too_long',
  'markdown_too_deep',
  'markdown_too_complex',
];

/** The first bound this text breaks, or null when it may be converted. Linear in the text's length. */
export function markdownRefusal(text: string, maxLength: number): MarkdownRefusal | null {
  if (text.length > maxLength) return 'markdown_too_long';
  let markup = 0;
  let brackets = 0;
  let previous = '';
  let lineStart = true;
  let depth = 0;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      depth = 0;
      indent = 0;
      previous = ch;
      continue;
    }
    if (lineStart) {
      // Container prefixes of this line: indentation, `>`, `-`/`*`/`+` and `1.`/`1)` markers.
      if (ch === ' ' || ch === '\t') {
        // Leading indentation nests; the spaces after a marker only separate it from the text.
        if (depth === 0) indent += ch === '\t' ? 4 : 1;
        if (depth + Math.floor(indent / 2) > MARKDOWN_LIMITS.maxDepth) return 'markdown_too_deep';
        continue;
      }
      const marker = containerMarker(text, i);
      if (marker > 0) {
        depth += 1;
        if (depth + Math.floor(indent / 2) > MARKDOWN_LIMITS.maxDepth) return 'markdown_too_deep';
        i += marker - 1;
        previous = text[i]!;
        continue;
      }
      lineStart = false;
    }
    if (ch === '*' || ch === '_' || ch === '`') {
      if (ch !== previous && ++markup > MARKDOWN_LIMITS.maxMarkup) return 'markdown_too_complex';
    } else if (ch === '[') {
      if (++brackets > MARKDOWN_LIMITS.maxBrackets) return 'markdown_too_complex';
    } else if (ch === ']') {
      if (brackets > 0) brackets--;
    }
    previous = ch;
  }
  return null;
}

/** Length of the container marker (with its space) starting at i, or 0. */
function containerMarker(text: string, i: number): number {
  const ch = text[i]!;
  if (ch === '>') return 1;
  const after = (j: number) => j >= text.length || text[j] === ' ' || text[j] === '\t' || text[j] === '\n';
  if ((ch === '-' || ch === '*' || ch === '+') && after(i + 1)) return 1;
  let j = i;
  while (j < text.length && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
  if (j > i && (text[j] === '.' || text[j] === ')') && after(j + 1)) return j + 1 - i;
  return 0;
}

/** The English sentence a server sends with each code (the apps show their own words). */
export const MARKDOWN_REFUSAL_MESSAGES: Record<MarkdownRefusal, string> = {
  markdown_too_long: 'This text is longer than the limit for this field.',
  markdown_too_deep: `This text nests quotes, lists or indentation more than ${MARKDOWN_LIMITS.maxDepth} levels deep.`,
  markdown_too_complex: 'This text holds too much emphasis or too many nested links to be shown safely.',
};
