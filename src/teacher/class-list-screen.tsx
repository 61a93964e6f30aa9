/** The teacher's classes: create, rename, archive, open. */
import { useState } from 'preact/hooks';
import type { TeacherClass } from '../../protocol/teacher-api.ts';
import { tt } from './teacher-i18n.ts';
import { createClass, listClasses, updateClass } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, RenameForm, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { Name } from './names.tsx';

export function ClassListScreen() {
  const classes = useServerData(listClasses, []);
  const [name, setName] = useState('');
  const [error, setError] = useState<TeacherApiError | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setError(null);
      await classes.reload();
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
    }
  };

  return (
    <section data-screen="teacher-classes" class="teacher-screen">
      <ScreenHeading title={tt('classesTitle')} />
      <ApiErrorNote error={classes.error ?? error} onRetry={() => void classes.reload()} />
      {classes.value?.length === 0 && <p>{tt('noClasses')}</p>}
      <ul class="rows" role="list">
        {classes.value?.map((k) => (
          <ClassRow key={k.id} teacherClass={k} onChange={(change) => run(() => updateClass(k.id, change))} />
        ))}
      </ul>
      <form
        class="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          void run(() => createClass(name.trim())).then(() => setName(''));
        }}
      >
        <label class="field">
          <span>{tt('newClass')}</span>
          <input value={name} required maxLength={120} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {tt('create')}
        </button>
      </form>
    </section>
  );
}

function ClassRow({
  teacherClass: k,
  onChange,
}: {
  teacherClass: TeacherClass;
  onChange: (change: { name?: string; archived?: boolean }) => Promise<void>;
}) {
  const [renaming, setRenaming] = useState(false);
  return (
    <li class={k.archived ? 'row card archived' : 'row card'}>
      {renaming ? (
        <RenameForm
          label={tt('className')}
          initial={k.name}
          onSave={(name) => onChange({ name }).then(() => setRenaming(false))}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <h2>
            <a href={teacherPaths.lessons(k.id)}>
              <Name>{k.name}</Name>
            </a>
          </h2>
          <p class="meta">
            {tt('pupilCount', { n: k.pupilCount })}
            {k.archived && ` · ${tt('archived')}`}
          </p>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setRenaming(true)}>
              {tt('rename')}
            </button>
            <button type="button" class="secondary" onClick={() => void onChange({ archived: !k.archived })}>
              {k.archived ? tt('unarchive') : tt('archive')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
