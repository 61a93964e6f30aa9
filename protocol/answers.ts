/** What a pupil answers, step by step; the same shape in drafts and submissions. */
import * as v from 'valibot';
import { Sha256Schema } from './hash.ts';
import { hasNoReservedKey } from './step-id.ts';

export const AnswerSchema = v.variant('kind', [
  v.object({
    kind: v.literal('choice'),
    selected: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50)),
  }),
  v.object({ kind: v.literal('text'), text: v.pipe(v.string(), v.maxLength(20_000)) }),
  /** A photo or recording, uploaded first by hash, then referenced here. */
  v.object({
    kind: v.literal('attachment'),
    blob: Sha256Schema,
    mime: v.pipe(v.string(), v.maxLength(100)),
    size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
]);
export type Answer = v.InferOutput<typeof AnswerSchema>;

/** Answers by step id; a reserved key is refused, never dropped (see step-id.ts). */
export const AnswersSchema = v.pipe(
  v.unknown(),
  v.check(hasNoReservedKey, 'an answer is keyed by a reserved step id (__proto__, constructor, prototype)'),
  v.record(v.pipe(v.string(), v.maxLength(64)), AnswerSchema),
);
export type Answers = v.InferOutput<typeof AnswersSchema>;

/**
 * The form in which short answers are compared: case, accents, typographic apostrophes and spacing
 * do not count ("3 / 8" is "3/8", "L’eau" is "l'eau", "Jouons " is "jouons"). The same on the
 * pupil's device and for the teacher's score.
 */
export function normaliseShortAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u02bc\u2032`´]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/ ?([/'-]) ?/g, '$1')
    .trim();
}
