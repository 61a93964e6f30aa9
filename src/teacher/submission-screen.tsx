/** One pupil's work: answers against the key, written answers, photos, recordings; and the teacher's message back. */
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import type { Answer } from '../../protocol/answers.ts';
import { LessonPackSchema, type Step } from '../../protocol/lesson-pack.ts';
import { markdownToContent } from '../../protocol/markdown.ts';
import { MARKDOWN_LIMITS, markdownRefusal } from '../../protocol/markdown-limits.ts';
import { isCorrect } from '../../protocol/quiz.ts';
import type { SubmissionDetail } from '../../protocol/teacher-api.ts';
import { formatSchoolTime } from './school-clock.ts';
import { ContentView } from '../ui/content-view.tsx';
import { tt } from './teacher-i18n.ts';
import { getSubmission, sendFeedback } from './teacher-resources.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { AttachmentView } from './attachment-view.tsx';
import { MarkdownField } from './editor/markdown-field.tsx';
import { teacherPaths } from './teacher-routes.ts';
import { ttWithName } from './names.tsx';
import { Icon } from '../ui/icon.tsx';
import { newUuid } from '../../protocol/hash.ts';

export function SubmissionScreen({ submissionId }: { submissionId: string }) {
  const submission = useServerData(() => getSubmission(submissionId), [submissionId]);
  const work = submission.value;
  const pack = work ? v.safeParse(LessonPackSchema, work.pack) : null;
  return (
    <section data-screen="teacher-submission" class="teacher-screen">
      <ScreenHeading
        title={work ? ttWithName('submissionTitle', work.pupil.name) : tt('loading')}
        back={
          pack?.success ? (
            <a href={teacherPaths.dashboard(pack.output.classId)}>← {tt('dashboardTitle')}</a>
          ) : undefined
        }
      />
      <ApiErrorNote error={submission.error} onRetry={() => void submission.reload()} />
      {work && (
        <>
          <p class="meta">
            {pack?.success && <strong>{pack.output.title} · </strong>}
            {tt('handedInAt', { date: formatSchoolTime(work.handedInAt) })},{' '}
            {tt('receivedAt', { date: formatSchoolTime(work.receivedAt) })}
            {work.receivedByFile && <> ({tt('receivedByFile')})</>}
            {work.late && <span class="badge warn"> {tt('lateBadge')}</span>}
            {work.score && (
              <span class="score" data-testid="score">
                {' '}
                · {tt('score', { correct: work.score.correct, total: work.score.total })}
              </span>
            )}
          </p>
          {pack?.success &&
            pack.output.steps.map((step, i) => (
              <StepAnswer key={step.id} n={i + 1} step={step} answer={work.answers[step.id]} work={work} />
            ))}
          <FeedbackForm work={work} onSent={() => void submission.reload()} />
        </>
      )}
    </section>
  );
}

function StepAnswer({
  n,
  step,
  answer,
  work,
}: {
  n: number;
  step: Step;
  answer: Answer | undefined;
  work: SubmissionDetail;
}) {
  if (step.kind !== 'quiz' && step.kind !== 'freeText' && step.kind !== 'photo' && step.kind !== 'recording')
    return null;
  return (
    <section
      class="card answer"
      data-step-kind={step.kind}
      aria-label={tt('stepN', { n, kind: tt(`kind_${step.kind}`) })}
    >
      <h2>{tt('stepN', { n, kind: tt(`kind_${step.kind}`) })}</h2>
      <ContentView content={step.prompt} />
      {!answer && <p class="note">{tt('noAnswer')}</p>}
      {answer && step.kind === 'quiz' && <QuizAnswer step={step} answer={answer} />}
      {answer?.kind === 'text' && step.kind === 'freeText' && <p class="pupil-text">{answer.text}</p>}
      {answer?.kind === 'attachment' && (
        <AttachmentView
          submissionId={work.id}
          sha256={answer.blob}
          mime={answer.mime}
          pupilName={work.pupil.name}
        />
      )}
    </section>
  );
}

function QuizAnswer({ step, answer }: { step: Extract<Step, { kind: 'quiz' }>; answer: Answer }) {
  const verdict = isCorrect(step, answer);
  const key = step.correct ?? [];
  const label = (id: string) => step.choices.find((c) => c.id === id)?.label ?? id;
  const given =
    answer.kind === 'choice'
      ? answer.selected.map(label).join(', ')
      : answer.kind === 'text'
        ? answer.text
        : '';
  return (
    <div class={verdict === null ? 'result' : verdict ? 'result good' : 'result bad'}>
      <p>
        {tt('answerOf')} : <strong>{given || '—'}</strong>
        {verdict !== null && (
          <span>
            {' '}
            — <Icon name={verdict ? 'check' : 'cross'} /> {tt(verdict ? 'right' : 'wrong')}
          </span>
        )}
      </p>
      {verdict === false && step.question !== 'short' && (
        <p>{tt('expected', { answer: key.map(label).join(', ') })}</p>
      )}
      {/* Each accepted answer on its own line: a "/" between them reads as part of an answer ("3/8"). */}
      {verdict === false && step.question === 'short' && (
        <>
          <p>{tt('answersAccepted')}</p>
          <ul class="accepted-answers">
            {key.map((accepted) => (
              <li key={accepted}>{accepted}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function FeedbackForm({ work, onSent }: { work: SubmissionDetail; onSent: () => void }) {
  const [text, setText] = useState('');
  // One UUID per message: a retry after a lost answer sends the same feedback, not a second one.
  const [feedbackId, setFeedbackId] = useState(() => newUuid());
  const [error, setError] = useState<TeacherApiError | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <section class="card feedback" aria-label={tt('feedbackSection')}>
      {work.feedback.length > 0 && (
        <>
          <h2>{tt('previousFeedback')}</h2>
          <ul role="list">
            {work.feedback.map((f) => (
              <li key={f.id} class="feedback-item">
                <p class="meta">{formatSchoolTime(f.createdAt)}</p>
                <ContentView content={markdownToContent(f.markdown)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!text.trim()) return;
          setBusy(true);
          try {
            await sendFeedback(work.id, feedbackId, text);
            setText('');
            setFeedbackId(newUuid());
            setSent(true);
            setError(null);
            onSent();
          } catch (err) {
            if (err instanceof TeacherApiError) setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <MarkdownField
          id="feedback-text"
          label={tt('feedback')}
          maxLength={MARKDOWN_LIMITS.feedback}
          value={text}
          onInput={(value) => {
            setText(value);
            setSent(false);
          }}
        />
        <button
          type="submit"
          class="primary"
          disabled={busy || !text.trim() || markdownRefusal(text.trim(), MARKDOWN_LIMITS.feedback) !== null}
        >
          {tt('sendFeedback')}
        </button>
        {sent && (
          <p role="status" class="note">
            {tt('feedbackSent')}
          </p>
        )}
        <ApiErrorNote error={error} />
      </form>
    </section>
  );
}
