/**
 * What stops publishing, for the editor: the shared rules (publishProblems) plus
 * media steps whose file was never uploaded, each placed next to its field.
 */
import { publishProblems, type LessonDraft, type PublishProblem } from '../../../protocol/lesson-draft.ts';
import { MARKDOWN_LIMITS } from '../../../protocol/markdown-limits.ts';
import { tt, type TeacherMessageKey } from '../teacher-i18n.ts';
import { refusalByCode } from '../api-error-text.ts';
import { hasMedia } from './new-step.ts';
import { Icon } from '../../ui/icon.tsx';

export type EditorProblem = PublishProblem | { code: 'media_missing'; stepId: string };

export function editorProblems(draft: LessonDraft): EditorProblem[] {
  const problems: EditorProblem[] = publishProblems(draft);
  for (const step of draft.steps) {
    if ('media' in step && !hasMedia(step.media)) problems.push({ code: 'media_missing', stepId: step.id });
  }
  return problems;
}

const PROBLEM_TEXT: Record<EditorProblem['code'], TeacherMessageKey> = {
  no_title: 'problem_no_title',
  no_steps: 'problem_no_steps',
  no_opening_date: 'problem_no_opening_date',
  opens_after_due: 'problem_opens_after_due',
  quiz_without_answer: 'problem_quiz_without_answer',
  quiz_answer_not_a_choice: 'problem_quiz_answer_not_a_choice',
  quiz_single_with_many_answers: 'problem_quiz_single_with_many_answers',
  quiz_too_few_choices: 'problem_quiz_too_few_choices',
  empty_text: 'problem_empty_text',
  media_wrong_kind: 'problem_media_wrong_kind',
  markdown_too_long: 'problem_markdown_too_long',
  markdown_too_deep: 'problem_markdown_too_deep',
  markdown_too_complex: 'problem_markdown_too_complex',
  media_missing: 'noMedia',
};

/** The sentence for a problem; a code this version does not know (from a newer server) is named in a sentence. */
export function problemText(problem: { code: string }): string {
  const key = Object.hasOwn(PROBLEM_TEXT, problem.code)
    ? PROBLEM_TEXT[problem.code as EditorProblem['code']]
    : undefined;
  return key ? tt(key, { max: MARKDOWN_LIMITS.lessonField }) : tt('problem_unknown', { code: problem.code });
}

/**
 * Why the server refused an outbox item, in the teacher's language: the
 * listed problems when there are some, else the reason code's own sentence
 * (a code this version does not know is named). The server's English
 * sentence (`message`) is kept for support, never shown.
 */
export function refusalText(item: { lastError?: string; message?: string; problems?: { code: string }[] }) {
  if (item.problems && item.problems.length > 0) return item.problems.map(problemText).join(' ');
  return refusalByCode(item.lastError ?? 'unknown');
}

/** Problems about one step, or about the lesson itself (stepId undefined). */
export function problemsAt(problems: EditorProblem[], stepId?: string): EditorProblem[] {
  return problems.filter((p) => ('stepId' in p ? p.stepId : undefined) === stepId);
}

/** Inline list of problems next to a field. */
export function ProblemList({ problems, id }: { problems: { code: string }[]; id?: string }) {
  if (problems.length === 0) return null;
  return (
    <ul class="problems" id={id} role="list">
      {problems.map((p, i) => (
        <li key={i} data-problem={p.code}>
          <Icon name="warning" /> {problemText(p)}
        </li>
      ))}
    </ul>
  );
}
