/** A class's sequences, and a new one: the teacher's unit of work. */
import { useState } from 'preact/hooks';
import { newUuid } from '../../../protocol/hash.ts';
import { navigate } from '../../app/router.ts';
import { ClassNav, ClassTitle, useClassName } from '../class-nav.tsx';
import { TeacherApiError } from '../teacher-api-client.ts';
import { teacherPaths } from '../teacher-routes.ts';
import { ApiErrorNote, ScreenHeading } from '../teacher-ui.tsx';
import { useServerData } from '../use-server-data.ts';
import { listSequences, saveSequence } from './sequence-calls.ts';
import { st } from './sequence-i18n.ts';

export function SequenceListScreen({ classId }: { classId: string }) {
  const className = useClassName(classId);
  const sequences = useServerData(listSequences, []);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<TeacherApiError | null>(null);
  const mine = sequences.value?.sequences.filter((s) => s.classId === classId) ?? [];
  const create = async (event: Event) => {
    event.preventDefault();
    const id = newUuid();
    try {
      await saveSequence(id, { classId, title: title.trim(), description: '', lessonIds: [] });
      navigate(teacherPaths.sequence(classId, id));
    } catch (e) {
      setError(e as TeacherApiError);
    }
  };
  return (
    <main data-screen="teacher-sequences">
      <ScreenHeading title={<ClassTitle screen={st('sequencesTitle')} className={className} />} />
      <ClassNav classId={classId} current="sequences" />
      <ApiErrorNote error={sequences.error} onRetry={sequences.reload} />
      {mine.length === 0 && !sequences.loading && <p class="hint">{st('noSequences')}</p>}
      <ul role="list" class="card-list">
        {mine.map((s) => (
          <li key={s.id} class="card">
            <a href={teacherPaths.sequence(classId, s.id)}>{s.title}</a>{' '}
            <span class="hint">{st('seanceCount', { count: s.seances.length })}</span>
          </li>
        ))}
      </ul>
      <form class="card" onSubmit={create}>
        <h2>{st('newSequence')}</h2>
        <label class="field">
          <span>{st('sequenceTitle')}</span>
          <input required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!title.trim()}>
          {st('create')}
        </button>
        <ApiErrorNote error={error} />
      </form>
    </main>
  );
}
