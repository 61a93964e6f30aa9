/** What a pupil answers, step by step; the same shape in drafts and submissions. */
import * as v from 'valibot';
import { Sha256Schema } from './hash.ts';

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

export const AnswersSchema = v.record(v.pipe(v.string(), v.maxLength(64)), AnswerSchema);
export type Answers = v.InferOutput<typeof AnswersSchema>;

/** Case-, accent- and space-insensitive form of a short answer. */
export function normaliseShortAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
