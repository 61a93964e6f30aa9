/**
 * The fields of a step that hold text: Markdown in a draft, a content tree in a pack. Publishing
 * converts them one way (`draftToPack`), rebuilding a draft from an old pack the other way
 * (`draftFromPack`); every other field of a step is the same on both sides.
 */
import type { Content } from './content.ts';
import type { DraftStep } from './lesson-draft.ts';
import type { Step } from './lesson-pack.ts';

/** Every field that holds a step's text, whatever its kind (each kind has at most one of them). */
export const TEXT_FIELDS = ['body', 'caption', 'transcript', 'prompt'] as const;

/** The step with each of its text fields passed through `convert`, the rest kept as it is. */
export function convertStepText<S extends DraftStep>(
  step: S,
  convert: (markdown: string) => Content,
): Extract<Step, { kind: S['kind'] }>;
export function convertStepText<S extends Step>(
  step: S,
  convert: (content: Content) => string,
): Extract<DraftStep, { kind: S['kind'] }>;
export function convertStepText(
  step: Record<string, unknown>,
  convert: (text: never) => unknown,
): Record<string, unknown> {
  const converted = { ...step };
  for (const field of TEXT_FIELDS)
    if (step[field] !== undefined) converted[field] = convert(step[field] as never);
  return converted;
}
