/** A lesson as the teacher writes it, before publishing: the protocol's draft, shared with the editor. */
export type { DraftStep, LessonDraft, PublishProblem } from '../../protocol/lesson-draft.ts';
export { LessonDraftSchema, publishProblems } from '../../protocol/lesson-draft.ts';
