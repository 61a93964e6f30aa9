/** A class's sequences, and a new one: the teacher's unit of work (made on the device, sent by the outbox). */
import { useEffect, useState } from 'preact/hooks';
import { newUuid } from '../../../protocol/hash.ts';
import { navigate } from '../../app/router.ts';
import { ClassNav, ClassTitle, useClassName } from '../class-nav.tsx';
import type { LocalSequence } from '../../store/teacher-db.ts';
import { listLocalSequences, saveSequenceEdit } from '../../store/teacher-sequences.ts';
import { refreshOutbox, sendOutboxNow } from '../outbox-state.ts';
import { session } from '../teacher-session.ts';
import { teacherPaths } from '../teacher-routes.ts';
import { ApiErrorNote, ScreenHeading } from '../teacher-ui.tsx';
import { useServerData } from '../use-server-data.ts';
import { listSequences } from './sequence-calls.ts';
import { st } from './sequence-i18n.ts';

export function SequenceListScreen({ classId }: { classId: string }) {
  const className = useClassName(classId);
  const sequences = useServerData(listSequences, []);
  const [title, setTitle] = useState('');
  const teacherId = session.value?.teacher.id ?? '';
  const [onDevice, setOnDevice] = useState<LocalSequence[]>([]);
  useEffect(() => void listLocalSequences(classId, teacherId).then(setOnDevice), [classId, teacherId]);
  const fromServer = sequences.value?.sequences.filter((s) => s.classId === classId) ?? [];
  // The server's list, and the sequences this device made or changed that it does not have yet.
  const mine = [
    ...fromServer.map((s) => ({
      id: s.id,
      title: onDeviceTitle(onDevice, s.id) ?? s.title,
      count: s.seances.length,
    })),
    ...onDevice
      .filter((l) => !fromServer.some((s) => s.id === l.sequenceId))
      .map((l) => ({ id: l.sequenceId, title: l.title, count: l.lessonIds.length })),
  ];
  const create = async (event: Event) => {
    event.preventDefault();
    const id = newUuid();
    await saveSequenceEdit(
      { sequenceId: id, classId, teacherId },
      { title: title.trim(), description: '', lessonIds: [] },
    );
    await refreshOutbox();
    void sendOutboxNow();
    navigate(teacherPaths.sequence(classId, id));
  };
  return (
    <main data-screen="teacher-sequences">
      <ScreenHeading title={<ClassTitle screen={st('sequencesTitle')} className={className} />} />
      <ClassNav classId={classId} current="sequences" />
      {onDevice.length === 0 && <ApiErrorNote error={sequences.error} onRetry={sequences.reload} />}
      {mine.length === 0 && !sequences.loading && <p class="hint">{st('noSequences')}</p>}
      <ul role="list" class="card-list">
        {mine.map((s) => (
          <li key={s.id} class="card">
            <a href={teacherPaths.sequence(classId, s.id)}>{s.title}</a>{' '}
            <span class="hint">{st('seanceCount', { count: s.count })}</span>
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
      </form>
    </main>
  );
}

/** The title of a sequence edited on this device and not yet saved on the server, if any. */
function onDeviceTitle(onDevice: LocalSequence[], sequenceId: string): string | null {
  const local = onDevice.find((l) => l.sequenceId === sequenceId);
  return local && local.serverHasEditOf !== local.editedAt ? local.title : null;
}
