/**
 * The lesson editor. Every change is saved on this device at once (IndexedDB),
 * so the editor works with the server dead and survives a closed tab; "save to
 * server" and "publish" go through the teacher outbox.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createLatestWriter } from '../../store/latest-writer.ts';
import type { DraftStep, LessonDraft } from '../../../protocol/lesson-draft.ts';
import { tt } from '../teacher-i18n.ts';
import { session } from '../teacher-session.ts';
import type { LocalLesson } from '../../store/teacher-db.ts';
import { dropIfBlank, getLocalLesson, saveLocalDraft } from '../../store/teacher-lessons.ts';
import { queuePublish, queueSave } from '../../store/teacher-outbox.ts';
import { outboxItems, refreshOutbox, sendOutboxNow } from '../outbox-state.ts';
import { ScreenHeading } from '../teacher-ui.tsx';
import { ClassNav } from '../class-nav.tsx';
import { DateTimeField } from './date-time-field.tsx';
import { DeliveryStatus } from './delivery-status.tsx';
import { editorProblems, problemsAt, ProblemList, type EditorProblem } from './draft-problems.tsx';
import { ProblemSummary } from './problem-summary.tsx';
import { LessonPreview } from './lesson-preview.tsx';
import { newStep, STEP_KINDS, type StepKind } from './new-step.ts';
import { openLesson } from './lesson-on-device.ts';
import { StepEditor } from './step-editor.tsx';
import { newUuid } from '../../../protocol/hash.ts';

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; lesson: LocalLesson };

export function LessonEditorScreen({ classId, lessonId }: { classId: string; lessonId: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const teacherId = session.value!.teacher.id;

  useEffect(() => {
    let live = true;
    void openLesson(classId, lessonId, teacherId).then((lesson) => {
      if (live) setLoaded(lesson ? { kind: 'ready', lesson } : { kind: 'missing' });
    });
    return () => {
      live = false;
    };
  }, [classId, lessonId, teacherId]);

  return (
    <section data-screen="teacher-editor" class="teacher-screen editor">
      <ClassNav classId={classId} current="lessons" />
      <ScreenHeading title={tt('editorTitle')} />
      {loaded.kind === 'loading' && <p role="status">{tt('loading')}</p>}
      {loaded.kind === 'missing' && <p role="alert">{tt('lessonNotFound')}</p>}
      {loaded.kind === 'ready' && <Editor initial={loaded.lesson} />}
    </section>
  );
}

/** The lesson's two dates, each with the problem shown under it. */
const LESSON_DATES = [
  { id: 'opens', legend: 'opensAt', field: 'availableFrom', problem: 'no_opening_date' },
  { id: 'due', legend: 'dueAt', field: 'dueAt', problem: 'opens_after_due' },
] as const;

function Editor({ initial }: { initial: LocalLesson }) {
  const [draft, setDraft] = useState<LessonDraft>(initial.draft);
  const [lesson, setLesson] = useState<LocalLesson>(initial);
  const [showProblems, setShowProblems] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [addKind, setAddKind] = useState<StepKind>('text');
  const ids = { lessonId: initial.lessonId, classId: initial.classId, teacherId: initial.teacherId };
  // Saves coalesce: the latest keystroke is always the one stored, and soon (see latest-writer.ts).
  const writer = useMemo(
    () => createLatestWriter((next: LessonDraft) => saveLocalDraft(ids, next), setLesson),
    [ids.lessonId, ids.classId, ids.teacherId],
  );
  const [storing, setStoring] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  // Leaving a lesson with nothing in it (all typed text erased) leaves no blank draft behind.
  useEffect(() => () => void writer.flush().then(() => dropIfBlank(ids.lessonId)), [writer]);

  // Re-read the device record when a request is delivered (published version, saved on server).
  useEffect(() => {
    void writer
      .flush()
      .then(() => getLocalLesson(ids.lessonId))
      .then((record) => record && setLesson(record));
  }, [outboxItems.value]);

  const change = (next: LessonDraft) => {
    setDraft(next);
    setStoring(true);
    void writer.save(next).then(() => setStoring(writer.busy));
  };
  const changeStep = (index: number, step: DraftStep) =>
    change({ ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) });
  const moveStep = (index: number, delta: -1 | 1) => {
    const steps = [...draft.steps];
    const [moved] = steps.splice(index, 1);
    steps.splice(index + delta, 0, moved!);
    change({ ...draft, steps });
    // Keep the keyboard on the moved step (the same button, or the other one at the ends).
    queueMicrotask(() => {
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(`#step-${moved!.id} [data-move]`)];
      const same = buttons.find((b) => b.dataset.move === (delta < 0 ? 'up' : 'down') && !b.disabled);
      (same ?? buttons.find((b) => !b.disabled))?.focus();
    });
  };

  const problems = editorProblems(draft);
  const shown: EditorProblem[] = showProblems ? problems : [];

  const saveToServer = async () => {
    await writer.flush();
    // Saving a lesson not yet written in is the teacher's word that it should exist.
    const record = (await getLocalLesson(ids.lessonId)) ?? (await saveLocalDraft(ids, draft));
    await queueSave(record);
    await refreshOutbox();
    void sendOutboxNow();
  };
  const publish = async () => {
    if (problems.length > 0) {
      setShowProblems(true);
      queueMicrotask(() => summary.current?.focus());
      return;
    }
    await writer.flush();
    const record = await getLocalLesson(ids.lessonId);
    if (!record) return;
    // The client UUID makes a repeated publish (lost answer, retry) one publication on the server.
    await queuePublish(record, newUuid());
    await refreshOutbox();
    void sendOutboxNow();
  };

  return (
    <div class="editor-body">
      {/* The state rides with the buttons: publishing from far down the lesson still shows "Publiée v1". */}
      <div class="sticky-actions">
        <DeliveryStatus lesson={lesson} storing={storing} />
        <div class="actions">
          <button type="button" class="secondary" onClick={() => void saveToServer()}>
            {tt('saveToServer')}
          </button>
          <button type="button" class="primary" onClick={() => void publish()}>
            {tt('publish')}
          </button>
          <button
            type="button"
            class="secondary"
            aria-pressed={previewing}
            onClick={() => setPreviewing(!previewing)}
          >
            {previewing ? tt('hidePreview') : tt('showPreview')}
          </button>
        </div>
      </div>
      <ProblemSummary problems={shown} steps={draft.steps} summary={summary} />
      {previewing ? (
        <LessonPreview draft={draft} lessonId={ids.lessonId} classId={ids.classId} />
      ) : (
        <form class="lesson-form" onSubmit={(e) => e.preventDefault()}>
          <label class="field">
            <span>{tt('lessonTitle')}</span>
            <input
              value={draft.title}
              maxLength={500}
              aria-describedby="title-problems"
              onInput={(e) => change({ ...draft, title: e.currentTarget.value })}
            />
          </label>
          <ProblemList id="title-problems" problems={shown.filter((p) => p.code === 'no_title')} />
          <fieldset class="card">
            <legend>{tt('schedule')}</legend>
            {/* Each problem right under the field it is about. */}
            {LESSON_DATES.map(({ id, legend, field, problem }) => (
              <DateTimeField
                key={id}
                id={id}
                legend={tt(legend)}
                value={draft[field]}
                problems={shown.filter((p) => p.code === problem)}
                onChange={(value) => change({ ...draft, [field]: value })}
              />
            ))}
            <label class="check">
              <input
                type="checkbox"
                checked={draft.showCorrection}
                onChange={(e) => change({ ...draft, showCorrection: e.currentTarget.checked })}
              />
              <span>{tt('showCorrection')}</span>
            </label>
          </fieldset>
          <h2>{tt('steps')}</h2>
          <ProblemList problems={shown.filter((p) => p.code === 'no_steps')} />
          <ol class="step-list" role="list">
            {draft.steps.map((step, i) => (
              <li key={step.id}>
                <StepEditor
                  step={step}
                  index={i}
                  count={draft.steps.length}
                  problems={problemsAt(shown, step.id)}
                  onChange={(s) => changeStep(i, s)}
                  onMove={(delta) => moveStep(i, delta)}
                  onDelete={() => change({ ...draft, steps: draft.steps.filter((s) => s.id !== step.id) })}
                />
              </li>
            ))}
          </ol>
          <fieldset class="card add-step">
            <legend>{tt('addStep')}</legend>
            <label class="field">
              <span>{tt('stepKind')}</span>
              <select value={addKind} onChange={(e) => setAddKind(e.currentTarget.value as StepKind)}>
                {STEP_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {tt(`kind_${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              class="primary"
              onClick={() => {
                const step = newStep(addKind);
                change({ ...draft, steps: [...draft.steps, step] });
                queueMicrotask(() =>
                  document
                    .querySelector<HTMLElement>(`#step-${step.id} input, #step-${step.id} textarea`)
                    ?.focus(),
                );
              }}
            >
              + {tt('addThisStep')}
            </button>
          </fieldset>
        </form>
      )}
    </div>
  );
}
