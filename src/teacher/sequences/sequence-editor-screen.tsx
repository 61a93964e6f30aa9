/**
 * One sequence: its title and séances (add, reorder, take out), its schedule and publication, and
 * its follow grid. Like the lesson editor, every change is stored on this device at once and
 * queued in the teacher outbox, so the editor works with the server dead; the publication goes
 * through the outbox too, under its client UUID.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { newUuid } from '../../../protocol/hash.ts';
import type { PublishSequenceRequest, Sequence } from '../../../protocol/sequence-api.ts';
import { createLatestWriter } from '../../store/latest-writer.ts';
import type { LocalSequence } from '../../store/teacher-db.ts';
import { saveLocalDraft } from '../../store/teacher-lessons.ts';
import { queueSave } from '../../store/teacher-outbox.ts';
import {
  getLocalSequence,
  queueSequencePublish,
  rememberServerView,
  saveSequenceEdit,
} from '../../store/teacher-sequences.ts';
import { ClassNav, useClassName } from '../class-nav.tsx';
import { DeliveryStatus } from '../editor/delivery-status.tsx';
import { emptyDraft } from '../editor/new-step.ts';
import { deliveries, outboxItems, refreshOutbox, sendOutboxNow } from '../outbox-state.ts';
import { tt } from '../teacher-i18n.ts';
import { session } from '../teacher-session.ts';
import { ScreenHeading } from '../teacher-ui.tsx';
import { FollowGridView } from './follow-grid.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { SeanceList } from './seance-list.tsx';
import { getSequence } from './sequence-calls.ts';
import { st } from './sequence-i18n.ts';
import {
  classLessonChoices,
  openSequence,
  queueUnsentSeances,
  type LessonChoice,
} from './sequence-on-device.ts';
import { SequenceDuplicate } from './sequence-duplicate.tsx';

type Fields = Pick<LocalSequence, 'title' | 'description' | 'lessonIds'>;

/** The screen: opens the sequence from the device or the server, then the editor. */
export function SequenceEditorScreen({ classId, sequenceId }: { classId: string; sequenceId: string }) {
  const teacherId = session.value!.teacher.id;
  const [loaded, setLoaded] = useState<LocalSequence | 'loading' | 'missing'>('loading');
  useEffect(() => {
    let live = true;
    void openSequence(sequenceId, teacherId).then((found) => live && setLoaded(found ?? 'missing'));
    return () => {
      live = false;
    };
  }, [sequenceId, teacherId]);

  if (typeof loaded === 'string')
    return (
      <main data-screen="teacher-sequence">
        <ClassNav classId={classId} current="sequences" />
        {loaded === 'loading' ? (
          <p role="status">{tt('loading')}</p>
        ) : (
          <p role="alert">{tt('errorSequenceNotFound')}</p>
        )}
      </main>
    );
  return <SequenceEditor key={loaded.sequenceId} initial={loaded} />;
}

function SequenceEditor({ initial }: { initial: LocalSequence }) {
  const { sequenceId, classId, teacherId } = initial;
  const className = useClassName(classId);
  const [fields, setFields] = useState<Fields>(initial);
  const [stored, setStored] = useState(initial);
  const [storing, setStoring] = useState(false);
  const [choices, setChoices] = useState<LessonChoice[]>([]);
  // Edits coalesce: the latest is always the one stored (see latest-writer.ts).
  const writer = useMemo(
    () =>
      createLatestWriter(
        (next: Fields) => saveSequenceEdit({ sequenceId, classId, teacherId }, next),
        setStored,
      ),
    [sequenceId, classId, teacherId],
  );

  useEffect(() => {
    void classLessonChoices(classId, teacherId).then(setChoices);
  }, [classId, teacherId, deliveries.value]);
  // A request delivered: re-read the device copy (saved on the server, the publication's results).
  useEffect(() => {
    void writer
      .flush()
      .then(() => getLocalSequence(sequenceId))
      .then((record) => record && setStored(record));
  }, [outboxItems.value]);
  // ...and the server's view: its publications name the classes whose follow grid is shown.
  useEffect(() => {
    if (deliveries.value === 0) return;
    void getSequence(sequenceId)
      .then(rememberServerView)
      .then(() => getLocalSequence(sequenceId))
      .then((record) => record && setStored(record))
      .catch(() => undefined);
  }, [deliveries.value]);

  /** Store the change on the device and queue it; `send` asks the outbox to send it now. */
  const commit = async (next: Fields, send: boolean) => {
    setFields(next);
    // A sequence has a title: a blank one is only on screen (the field says it is required).
    if (next.title.trim() === '') return;
    setStoring(true);
    await writer.save(next);
    setStoring(writer.busy);
    await refreshOutbox();
    if (send) void sendOutboxNow();
  };
  const addNew = async (title: string) => {
    // A séance made here gets its id now and goes to the server as any lesson, before the
    // sequence that names it (the outbox holds the sequence back until then).
    const lesson = await saveLocalDraft(
      { lessonId: newUuid(), classId, teacherId },
      { ...emptyDraft(), title },
    );
    await queueSave(lesson);
    setChoices([...choices, { id: lesson.lessonId, title }]);
    await commit({ ...fields, lessonIds: [...fields.lessonIds, lesson.lessonId] }, true);
  };
  const publish = async (classes: PublishSequenceRequest['classes']) => {
    await writer.flush();
    // A séance written on this device goes to the server first (the publication waits for it):
    // what is published is what the teacher wrote, even if "save to server" was never pressed.
    await queueUnsentSeances(fields.lessonIds, teacherId);
    // The client UUID makes a repeated publication (lost answer, retry) one publication.
    await queueSequencePublish(sequenceId, newUuid(), classes);
    await refreshOutbox();
    void sendOutboxNow();
  };

  const titleOf = (lessonId: string) =>
    choices.find((c) => c.id === lessonId)?.title ??
    stored.server?.seances.find((s) => s.lessonId === lessonId)?.title ??
    '';
  const mine = outboxItems.value.filter((i) => 'sequenceId' in i && i.sequenceId === sequenceId);
  const publishing = mine.filter((i) => i.kind === 'sequencePublish');
  const refused = publishing.find((i) => i.state === 'needsAttention');
  const view: Sequence = {
    id: sequenceId,
    classId,
    title: fields.title,
    description: fields.description,
    updatedAt: stored.editedAt,
    seances: fields.lessonIds.map((lessonId) => ({
      lessonId,
      title: titleOf(lessonId),
      pupilIds: stored.server?.seances.find((s) => s.lessonId === lessonId)?.pupilIds ?? null,
    })),
    classes: stored.server?.classes ?? [],
  };

  return (
    <main data-screen="teacher-sequence">
      <ScreenHeading title={fields.title} />
      <ClassNav classId={classId} current="sequences" />
      {className && (
        <p class="hint" data-testid="sequence-class">
          {st('inClass', { class: className })}
        </p>
      )}
      <div class="sticky-actions">
        <DeliveryStatus sequence={stored} storing={storing} />
      </div>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void writer.flush().then(sendOutboxNow);
        }}
      >
        <label class="field">
          <span>{st('sequenceTitle')}</span>
          <input
            required
            maxLength={200}
            value={fields.title}
            onInput={(e) => void commit({ ...fields, title: e.currentTarget.value }, false)}
            onChange={() => void writer.flush().then(sendOutboxNow)}
          />
        </label>
        <label class="field">
          <span>{st('description')}</span>
          <textarea
            maxLength={1000}
            value={fields.description}
            onInput={(e) => void commit({ ...fields, description: e.currentTarget.value }, false)}
            onChange={() => void writer.flush().then(sendOutboxNow)}
          />
        </label>
        <button type="submit">{st('save')}</button>
      </form>
      <SeanceList
        classId={classId}
        lessonIds={fields.lessonIds}
        titleOf={titleOf}
        choices={choices}
        onReorder={(lessonIds) => void commit({ ...fields, lessonIds }, true)}
        onAddNew={addNew}
      />
      <SchedulePanel
        sequence={view}
        onPublish={publish}
        waiting={publishing.some((i) => i.state !== 'needsAttention')}
        results={
          (refused?.kind === 'sequencePublish' && refused.results) || stored.lastPublication?.results || null
        }
      />
      {stored.server?.classes.map((c) => (
        <FollowGridView key={c.classId} sequenceId={sequenceId} classId={c.classId} />
      ))}
      <SequenceDuplicate sequenceId={sequenceId} classId={classId} />
    </main>
  );
}
