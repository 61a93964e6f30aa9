/** One sequence: its title and séances (add, reorder, take out), its schedule and publication, and its follow grid. */
import { useEffect, useState } from 'preact/hooks';
import type { Sequence } from '../../../protocol/sequence-api.ts';
import { ClassNav } from '../class-nav.tsx';
import { listLessons } from '../teacher-resources.ts';
import { TeacherApiError } from '../teacher-api-client.ts';
import { ApiErrorNote, ScreenHeading } from '../teacher-ui.tsx';
import { useServerData } from '../use-server-data.ts';
import { FollowGridView } from './follow-grid.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { addNewSeance, getSequence, removeSeance, saveSequence } from './sequence-calls.ts';
import { st } from './sequence-i18n.ts';

export function SequenceEditorScreen({ classId, sequenceId }: { classId: string; sequenceId: string }) {
  const loaded = useServerData(() => getSequence(sequenceId), [sequenceId]);
  const lessons = useServerData(() => listLessons(classId), [classId]);
  const [sequence, setSequence] = useState<Sequence | null>(null);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const [note, setNote] = useState('');
  const [pick, setPick] = useState('');
  const [newTitle, setNewTitle] = useState('');
  useEffect(() => setSequence(loaded.value), [loaded.value]);

  const run = async (change: () => Promise<Sequence>, saved = false) => {
    try {
      setSequence(await change());
      setError(null);
      setNote(saved ? st('saved') : '');
    } catch (e) {
      setError(e as TeacherApiError);
    }
  };
  if (!sequence) return <ApiErrorNote error={loaded.error} onRetry={loaded.reload} />;
  const ids = sequence.seances.map((s) => s.lessonId);
  const save = (lessonIds = ids) =>
    run(
      () =>
        saveSequence(sequenceId, {
          classId,
          title: sequence.title,
          description: sequence.description,
          lessonIds,
        }),
      true,
    );
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    void save(next);
  };
  const others = (lessons.value ?? []).filter((l) => !ids.includes(l.id));

  return (
    <main data-screen="teacher-sequence">
      <ScreenHeading title={sequence.title} />
      <ClassNav classId={classId} current="sequences" />
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label class="field">
          <span>{st('sequenceTitle')}</span>
          <input
            required
            maxLength={200}
            value={sequence.title}
            onInput={(e) => setSequence({ ...sequence, title: e.currentTarget.value })}
          />
        </label>
        <label class="field">
          <span>{st('description')}</span>
          <textarea
            maxLength={1000}
            value={sequence.description}
            onInput={(e) => setSequence({ ...sequence, description: e.currentTarget.value })}
          />
        </label>
        <button type="submit">{st('save')}</button>
        <p role="status">{note}</p>
      </form>
      <ApiErrorNote error={error} />
      <section class="card" aria-labelledby="seances-title">
        <h2 id="seances-title">
          {st('seances')} ({st('seanceCount', { count: ids.length })})
        </h2>
        {ids.length === 0 && <p class="hint">{st('noSeances')}</p>}
        <ol class="seance-list">
          {sequence.seances.map((s, i) => (
            <li key={s.lessonId} data-lesson-id={s.lessonId}>
              <span>{s.title}</span>{' '}
              <button
                type="button"
                class="secondary"
                disabled={i === 0}
                onClick={() => move(i, i - 1)}
                aria-label={st('moveUp', { title: s.title })}
              >
                ↑
              </button>
              <button
                type="button"
                class="secondary"
                disabled={i === ids.length - 1}
                onClick={() => move(i, i + 1)}
                aria-label={st('moveDown', { title: s.title })}
              >
                ↓
              </button>
              <button
                type="button"
                class="secondary"
                onClick={() => void run(() => removeSeance(sequenceId, s.lessonId))}
                aria-label={st('remove', { title: s.title })}
              >
                ×
              </button>
            </li>
          ))}
        </ol>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (pick) void save([...ids, pick]).then(() => setPick(''));
          }}
        >
          <label class="field">
            <span>{st('addExisting')}</span>
            <select value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
              <option value="">{st('chooseLesson')}</option>
              {others.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.draft.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!pick}>
            {st('add')}
          </button>
        </form>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => addNewSeance(sequenceId, newTitle.trim())).then(() => setNewTitle(''));
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
      <SchedulePanel sequence={sequence} onPublished={() => void loaded.reload()} />
      {sequence.classes.map((c) => (
        <FollowGridView key={c.classId} sequenceId={sequenceId} classId={c.classId} />
      ))}
    </main>
  );
}
