/**
 * A lesson as the teacher writes it, before publishing: text fields are Markdown
 * (turned into the closed content tree by the server at publish). Shared by the
 * teacher's editor (which autosaves it on the device) and the server.
 */
import * as v from 'valibot';
import { StepIdSchema as StepId } from './step-id.ts';
import { MediaRefSchema } from './lesson-pack.ts';
import { mediaFitsStep } from './media-kinds.ts';
import { MARKDOWN_LIMITS, markdownRefusal, type MarkdownRefusal } from './markdown-limits.ts';
import { TEXT_FIELDS } from './step-text.ts';

const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Markdown = v.pipe(v.string(), v.maxLength(MARKDOWN_LIMITS.lessonField));
const ShortText = v.pipe(v.string(), v.maxLength(500));
const IsoDate = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 timestamp'));

export const DraftStepSchema = v.variant('kind', [
  v.object({ id: StepId, kind: v.literal('text'), body: Markdown }),
  v.object({
    id: StepId,
    kind: v.literal('image'),
    media: MediaRefSchema,
    alt: ShortText,
    caption: v.optional(Markdown),
  }),
  v.object({ id: StepId, kind: v.literal('audio'), media: MediaRefSchema, transcript: v.optional(Markdown) }),
  v.object({ id: StepId, kind: v.literal('video'), media: MediaRefSchema, caption: v.optional(Markdown) }),
  v.object({ id: StepId, kind: v.literal('pdf'), media: MediaRefSchema, title: ShortText }),
  v.object({
    id: StepId,
    kind: v.literal('quiz'),
    question: v.picklist(['single', 'multiple', 'short']),
    prompt: Markdown,
    choices: v.pipe(v.array(v.object({ id: Id, label: ShortText })), v.maxLength(20)),
    /** Choice ids, or accepted answers for a short answer (matched ignoring case and accents). */
    correct: v.pipe(v.array(ShortText), v.maxLength(20)),
  }),
  v.object({ id: StepId, kind: v.literal('freeText'), prompt: Markdown, maxLength: v.optional(v.number()) }),
  v.object({ id: StepId, kind: v.literal('photo'), prompt: Markdown }),
  v.object({
    id: StepId,
    kind: v.literal('recording'),
    prompt: Markdown,
    maxSeconds: v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600)),
  }),
]);
export type DraftStep = v.InferOutput<typeof DraftStepSchema>;

/** Any draft may be saved (half-written is normal); publishing checks `publishProblems`. */
export const LessonDraftSchema = v.object({
  title: ShortText,
  /** Empty until the teacher schedules it. */
  availableFrom: v.nullable(IsoDate),
  dueAt: v.nullable(IsoDate),
  /** Put quiz keys in the pack so the device corrects offline; otherwise only the teacher sees them. */
  showCorrection: v.boolean(),
  steps: v.pipe(v.array(DraftStepSchema), v.maxLength(100)),
});
export type LessonDraft = v.InferOutput<typeof LessonDraftSchema>;

/** What stops a draft from being published, as machine codes the editor translates. */
export type PublishProblem =
  | { code: 'no_title' }
  | { code: 'no_steps' }
  | { code: 'no_opening_date' }
  | { code: 'opens_after_due' }
  | { code: 'quiz_without_answer'; stepId: string }
  | { code: 'quiz_answer_not_a_choice'; stepId: string }
  | { code: 'quiz_single_with_many_answers'; stepId: string }
  | { code: 'quiz_too_few_choices'; stepId: string }
  | { code: 'empty_text'; stepId: string }
  | { code: 'media_wrong_kind'; stepId: string }
  /** Nested too deep or too much markup to convert safely (protocol/markdown-limits.ts). */
  | { code: MarkdownRefusal; stepId: string };

/** Every reason this draft cannot be published yet (empty when it can). Same rules on device and server. */
export function publishProblems(draft: LessonDraft): PublishProblem[] {
  const problems: PublishProblem[] = [];
  if (!draft.title.trim()) problems.push({ code: 'no_title' });
  if (draft.steps.length === 0) problems.push({ code: 'no_steps' });
  if (!draft.availableFrom) problems.push({ code: 'no_opening_date' });
  if (draft.availableFrom && draft.dueAt && Date.parse(draft.availableFrom) >= Date.parse(draft.dueAt)) {
    problems.push({ code: 'opens_after_due' });
  }
  for (const step of draft.steps) {
    const refusal = markdownFieldsOf(step)
      .map((markdown) => markdownRefusal(markdown, MARKDOWN_LIMITS.lessonField))
      .find((r) => r !== null);
    if (refusal) problems.push({ code: refusal, stepId: step.id });
    if (step.kind === 'text' && !step.body.trim()) problems.push({ code: 'empty_text', stepId: step.id });
    if ('media' in step && step.media.size > 0 && !mediaFitsStep(step.kind, step.media.mime))
      problems.push({ code: 'media_wrong_kind', stepId: step.id });
    if (step.kind !== 'quiz') continue;
    const correct = step.correct.filter((c) => c.trim());
    if (correct.length === 0) problems.push({ code: 'quiz_without_answer', stepId: step.id });
    if (step.question !== 'short') {
      if (step.choices.length < 2) problems.push({ code: 'quiz_too_few_choices', stepId: step.id });
      const ids = new Set(step.choices.map((c) => c.id));
      if (correct.some((c) => !ids.has(c)))
        problems.push({ code: 'quiz_answer_not_a_choice', stepId: step.id });
      if (step.question === 'single' && correct.length > 1) {
        problems.push({ code: 'quiz_single_with_many_answers', stepId: step.id });
      }
    }
  }
  return problems;
}

/** The Markdown texts of one step (body, prompt, caption, transcript). */
export function markdownFieldsOf(step: DraftStep): string[] {
  const fields = step as Partial<Record<(typeof TEXT_FIELDS)[number], string>>;
  return TEXT_FIELDS.flatMap((field) => fields[field] ?? []);
}
