/**
 * The lesson pack: one published lesson version as one immutable JSON
 * document, served at /packs/<sha256 of its bytes>.
 */
import * as v from 'valibot';
import { StepIdSchema as StepId } from './step-id.ts';
import { ContentSchema } from './content.ts';
import { Sha256Schema } from './hash.ts';

export const PACK_FORMAT = 'cartable.lesson/1';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const IsoDate = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 timestamp'));
const ShortText = v.pipe(v.string(), v.maxLength(500));

/** A reference to published media, fetched from /blobs/<sha256>. */
export const MediaRefSchema = v.object({
  blob: Sha256Schema,
  mime: v.pipe(v.string(), v.maxLength(100)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Data-saver mode may skip optional media. */
  optional: v.optional(v.boolean(), false),
});
export type MediaRef = v.InferOutput<typeof MediaRefSchema>;

const ChoiceSchema = v.object({ id: Id, label: ShortText });

export const StepSchema = v.variant('kind', [
  v.object({ id: StepId, kind: v.literal('text'), body: ContentSchema }),
  v.object({
    id: StepId,
    kind: v.literal('image'),
    media: MediaRefSchema,
    alt: ShortText,
    caption: v.optional(ContentSchema),
  }),
  v.object({
    id: StepId,
    kind: v.literal('audio'),
    media: MediaRefSchema,
    transcript: v.optional(ContentSchema),
  }),
  v.object({
    id: StepId,
    kind: v.literal('video'),
    media: MediaRefSchema,
    caption: v.optional(ContentSchema),
  }),
  v.object({ id: StepId, kind: v.literal('pdf'), media: MediaRefSchema, title: ShortText }),
  v.object({
    id: StepId,
    kind: v.literal('quiz'),
    question: v.picklist(['single', 'multiple', 'short']),
    prompt: ContentSchema,
    /** Choices for single and multiple questions; empty for short answers. */
    choices: v.array(ChoiceSchema),
    /**
     * The key: choice ids, or accepted answers for a short answer. Absent when
     * the teacher keeps the correction for herself (the pack is public).
     */
    correct: v.optional(v.array(ShortText)),
  }),
  v.object({
    id: StepId,
    kind: v.literal('freeText'),
    prompt: ContentSchema,
    maxLength: v.optional(v.number()),
  }),
  v.object({ id: StepId, kind: v.literal('photo'), prompt: ContentSchema }),
  v.object({ id: StepId, kind: v.literal('recording'), prompt: ContentSchema, maxSeconds: v.number() }),
]);
export type Step = v.InferOutput<typeof StepSchema>;
export type StepKind = Step['kind'];
export type QuizStep = Extract<Step, { kind: 'quiz' }>;

export const LessonPackSchema = v.object({
  format: v.literal(PACK_FORMAT),
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: ShortText,
  classId: Id,
  availableFrom: IsoDate,
  dueAt: v.nullable(IsoDate),
  steps: v.pipe(v.array(StepSchema), v.minLength(1)),
});
export type LessonPack = v.InferOutput<typeof LessonPackSchema>;

/** Media a pack needs on the device, in step order, without repeats. */
export function packMedia(pack: LessonPack): MediaRef[] {
  const seen = new Set<string>();
  const media: MediaRef[] = [];
  for (const step of pack.steps) {
    if ('media' in step && !seen.has(step.media.blob)) {
      seen.add(step.media.blob);
      media.push(step.media);
    }
  }
  return media;
}
