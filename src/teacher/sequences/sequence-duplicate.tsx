/**
 * Duplicating a sequence: to another class, or for next year (any class, its own included). The
 * copy's séances are new drafts with the same content, no dates and no chosen pupils (next
 * year's pupils differ), titled as the original; the server makes it, so this needs the server.
 */
import { useState } from 'preact/hooks';
import { navigate } from '../../app/router.ts';
import { TeacherApiError } from '../teacher-api-client.ts';
import { teacherPaths } from '../teacher-routes.ts';
import { session } from '../teacher-session.ts';
import { ApiErrorNote, SelectField } from '../teacher-ui.tsx';
import { useServerData } from '../use-server-data.ts';
import { duplicateSequence } from './sequence-calls.ts';
import { st } from './sequence-i18n.ts';
import { classesToPublishTo } from './sequence-on-device.ts';

/** The duplicate card: a class to copy into, and the two ways to copy. */
export function SequenceDuplicate({ sequenceId, classId }: { sequenceId: string; classId: string }) {
  const teacherId = session.value?.teacher.id ?? '';
  const classes = useServerData(() => classesToPublishTo(teacherId), [teacherId]);
  const [target, setTarget] = useState(classId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const open = (classes.value ?? []).filter((k) => !k.archived);

  const duplicate = async () => {
    setBusy(true);
    try {
      const copy = await duplicateSequence(sequenceId, target);
      navigate(teacherPaths.sequence(copy.classId, copy.id));
    } catch (e) {
      setError(e instanceof TeacherApiError ? e : new TeacherApiError(0, 'network', String(e)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="duplicate-title">
      <h2 id="duplicate-title">{st('duplicateTitle')}</h2>
      <p class="hint">{st('duplicateHint')}</p>
      <SelectField
        label={st('duplicateInto')}
        value={target}
        onChange={setTarget}
        choices={open.map((k) => ({ value: k.id, label: k.name }))}
      />
      <button type="button" class="secondary" disabled={busy || target === classId} onClick={duplicate}>
        {st('duplicateToClass')}
      </button>{' '}
      <button type="button" class="secondary" disabled={busy} onClick={duplicate}>
        {st('duplicateNextYear')}
      </button>
      <ApiErrorNote error={error} />
    </section>
  );
}
