/** A class's lessons: drafts, scheduled and published ones, those only on this device; new, duplicate, delete. */
import { useEffect, useState } from 'preact/hooks';
import type { TeacherLesson } from '../../protocol/teacher-api.ts';
import { formatSchoolTime } from './school-clock.ts';
import { navigate } from '../app/router.ts';
import { tt } from './teacher-i18n.ts';
import { deleteLesson, duplicateLesson, listLessons } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, ConfirmButton, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { ClassNav, ClassTitle, useClassName } from './class-nav.tsx';
import {
  deleteLocalLesson,
  dropIfBlank,
  isBlankDraft,
  listLocalLessons,
  NEW_LESSON,
} from '../store/teacher-lessons.ts';
import type { LocalLesson } from '../store/teacher-db.ts';
import { session } from './teacher-session.ts';
import { deliveries } from './outbox-state.ts';
import { newUuid } from '../../protocol/hash.ts';

export function LessonListScreen({ classId }: { classId: string }) {
  const className = useClassName(classId);
  const teacherId = session.value!.teacher.id;
  const server = useServerData(() => listLessons(classId), [classId, deliveries.value]);
  const [local, setLocal] = useState<LocalLesson[]>([]);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const reloadLocal = () =>
    void listLocalLessons(classId, teacherId)
      .then(async (lessons) => {
        // A blank lesson only this device has (a "Nouvelle leçon" left at once, even by an older version) goes.
        const dropped = await Promise.all(
          lessons.map((l) => isBlankDraft(l.draft) && l.serverHasEditOf === null && dropIfBlank(l.lessonId)),
        );
        return lessons.filter((_, i) => !dropped[i]);
      })
      .then(setLocal);
  useEffect(reloadLocal, [classId, teacherId]);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
    }
    await server.reload();
    reloadLocal();
  };

  // Nothing is stored yet: the lesson exists once the teacher writes in it (on the device first,
  // so the server may be down), and backing out of a blank one leaves no "Leçon sans titre".
  const newLesson = () => navigate(teacherPaths.editor(classId, newUuid()), { state: NEW_LESSON });

  const serverIds = new Set(server.value?.map((l) => l.id));
  const onlyHere = local.filter((l) => !serverIds.has(l.lessonId));

  return (
    <section data-screen="teacher-lessons" class="teacher-screen">
      <ClassNav classId={classId} current="lessons" />
      <ScreenHeading title={<ClassTitle screen={tt('lessonsTitle')} className={className} />} />
      <p>
        <button type="button" class="primary" onClick={newLesson}>
          + {tt('newLesson')}
        </button>
      </p>
      <ApiErrorNote error={server.error ?? error} onRetry={() => void server.reload()} />
      {server.value?.length === 0 && onlyHere.length === 0 && <p>{tt('noLessons')}</p>}
      <ul class="rows" role="list">
        {onlyHere.map((l) => (
          <li key={l.lessonId} class="row card" data-lesson={l.draft.title}>
            <h2>
              <a href={teacherPaths.editor(classId, l.lessonId)}>{l.draft.title || tt('untitled')}</a>
            </h2>
            <p class="meta">
              {tt('stateDraft')} · {tt('onlyOnDevice')}
            </p>
            <div class="actions">
              <ConfirmButton
                label={tt('delete')}
                class="danger"
                question={tt('confirmDeleteDraft', { title: l.draft.title || tt('untitled') })}
                onConfirm={() => run(() => deleteLocalLesson(l.lessonId))}
              />
            </div>
          </li>
        ))}
        {server.value?.map((lesson) => (
          <ServerLessonRow
            key={lesson.id}
            lesson={lesson}
            onDuplicate={() => run(() => duplicateLesson(classId, lesson.id))}
            onDelete={() =>
              run(async () => {
                await deleteLesson(classId, lesson.id);
                await deleteLocalLesson(lesson.id);
              })
            }
          />
        ))}
      </ul>
    </section>
  );
}

function lessonStateText(lesson: TeacherLesson): string {
  const published = lesson.published;
  if (!published) return tt('stateDraft');
  const base =
    Date.parse(published.availableFrom) > Date.now()
      ? `${tt('statePublished', { version: published.version })} · ${tt('stateScheduled', { date: formatSchoolTime(published.availableFrom) })}`
      : tt('statePublished', { version: published.version });
  return lesson.hasUnpublishedChanges ? `${base} · ${tt('stateUnpublishedChanges')}` : base;
}

function ServerLessonRow(props: { lesson: TeacherLesson; onDuplicate: () => void; onDelete: () => void }) {
  const { lesson } = props;
  const title = lesson.draft.title || tt('untitled');
  return (
    <li class="row card" data-lesson={lesson.draft.title}>
      <h2>
        <a href={teacherPaths.editor(lesson.classId, lesson.id)}>{title}</a>
      </h2>
      <p class="meta" data-testid="lesson-state">
        {lessonStateText(lesson)}
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onDuplicate}>
          {tt('duplicate')}
        </button>
        {!lesson.published && (
          <ConfirmButton
            label={tt('delete')}
            class="danger"
            question={tt('confirmDeleteDraft', { title })}
            onConfirm={props.onDelete}
          />
        )}
      </div>
    </li>
  );
}
