/** The séances of a sequence in order: move up or down, take out, add an existing lesson or a new one. */
import { useState } from 'preact/hooks';
import { teacherPaths } from '../teacher-routes.ts';
import type { LessonChoice } from './sequence-on-device.ts';
import { st } from './sequence-i18n.ts';
import { SelectField } from '../teacher-ui.tsx';

/** The séance list with its controls; every change goes through `onReorder` or `onAddNew`. */
export function SeanceList({
  classId,
  lessonIds,
  titleOf,
  choices,
  onReorder,
  onAddNew,
}: {
  classId: string;
  lessonIds: string[];
  titleOf: (lessonId: string) => string;
  /** The class's lessons that may be added. */
  choices: LessonChoice[];
  /** The new order (also used to add an existing lesson and to take one out). */
  onReorder: (lessonIds: string[]) => void;
  onAddNew: (title: string) => Promise<void>;
}) {
  const [pick, setPick] = useState('');
  const [newTitle, setNewTitle] = useState('');
  const ids = lessonIds;
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    onReorder(next);
  };
  const others = choices.filter((l) => !ids.includes(l.id));

  return (
    <section class="card" aria-labelledby="seances-title">
      <h2 id="seances-title">
        {st('seances')} ({st('seanceCount', { count: ids.length })})
      </h2>
      {ids.length === 0 && <p class="hint">{st('noSeances')}</p>}
      <ol class="seance-list">
        {ids.map((lessonId, i) => {
          const title = titleOf(lessonId);
          return (
            <li key={lessonId} data-lesson-id={lessonId}>
              {/* The séance's content is written in the lesson editor (it works offline too). */}
              <a href={teacherPaths.editor(classId, lessonId)}>{title || st('untitledSeance')}</a>{' '}
              <button
                type="button"
                class="secondary"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={st('moveUp', { title })}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                disabled={i === ids.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={st('moveDown', { title })}
              >
                ↓
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => onReorder(ids.filter((id) => id !== lessonId))}
                aria-label={st('remove', { title })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (pick) {
            onReorder([...ids, pick]);
            setPick('');
          }
        }}
      >
        <SelectField
          label={st('addExisting')}
          value={pick}
          onChange={setPick}
          first={{ value: '', label: st('chooseLesson') }}
          choices={others.map((l) => ({ value: l.id, label: l.title }))}
        />
        <button type="submit" disabled={!pick}>
          {st('add')}
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void onAddNew(newTitle.trim()).then(() => setNewTitle(''));
        }}
      >
        <label class="field">
          <span>{st('addNew')}</span>
          <input maxLength={500} value={newTitle} onInput={(e) => setNewTitle(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!newTitle.trim()}>
          {st('add')}
        </button>
      </form>
    </section>
  );
}
