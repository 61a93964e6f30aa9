/** A class's pupils: add one or a pasted list, rename, remove, new join code, linked devices. */
import { useState } from 'preact/hooks';
import type { TeacherPupil } from '../../protocol/teacher-api.ts';
import { tt } from './teacher-i18n.ts';
import {
  addPupils,
  listPupils,
  namesFromList,
  regenerateCode,
  removePupil,
  renamePupil,
} from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { TeacherApiError } from './teacher-api-client.ts';
import { ApiErrorNote, ConfirmButton, RenameForm, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { ClassNav, useClassName } from './class-nav.tsx';
import { PupilDevices } from './pupil-devices.tsx';
import { isolate, Name } from './names.tsx';
import { Icon } from '../ui/icon.tsx';

export function PupilListScreen({ classId }: { classId: string }) {
  const className = useClassName(classId);
  const pupils = useServerData(() => listPupils(classId), [classId]);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const [added, setAdded] = useState<number | null>(null);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      setError(null);
      await pupils.reload();
      return true;
    } catch (e) {
      if (e instanceof TeacherApiError) setError(e);
      return false;
    }
  };

  return (
    <section data-screen="teacher-pupils" class="teacher-screen">
      <ClassNav classId={classId} current="pupils" />
      <ScreenHeading
        title={
          <>
            {tt('pupilsTitle')} — <Name>{className ?? ''}</Name>
          </>
        }
      />
      <ApiErrorNote error={pupils.error ?? error} onRetry={() => void pupils.reload()} />
      <p>
        <a class="button secondary" href={teacherPaths.codes(classId)}>
          <Icon name="print" /> {tt('printCodes')}
        </a>
      </p>
      {pupils.value?.length === 0 && <p>{tt('noPupils')}</p>}
      <ul class="rows" role="list">
        {pupils.value?.map((pupil) => (
          <PupilRow key={pupil.id} pupil={pupil} run={run} />
        ))}
      </ul>
      <AddPupils
        onAdd={async (names) => {
          const ok = await run(() => addPupils(classId, names));
          if (ok) setAdded(names.length);
          return ok;
        }}
      />
      {added !== null && (
        <p role="status" class="note">
          {tt('addedPupils', { n: added })}
        </p>
      )}
    </section>
  );
}

function AddPupils({ onAdd }: { onAdd: (names: string[]) => Promise<boolean> }) {
  const [one, setOne] = useState('');
  const [list, setList] = useState('');
  return (
    <div class="card">
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (one.trim() && (await onAdd([one.trim()]))) setOne('');
        }}
      >
        <label class="field">
          <span>{tt('addPupil')}</span>
          <input value={one} maxLength={120} onInput={(e) => setOne(e.currentTarget.value)} />
        </label>
        <button type="submit" class="primary">
          {tt('add')}
        </button>
      </form>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const names = namesFromList(list);
          if (names.length > 0 && (await onAdd(names))) setList('');
        }}
      >
        <label class="field">
          <span>{tt('pasteList')}</span>
          <textarea rows={6} value={list} onInput={(e) => setList(e.currentTarget.value)} />
        </label>
        <button type="submit" class="secondary">
          {tt('addList')}
        </button>
      </form>
    </div>
  );
}

function PupilRow({
  pupil,
  run,
}: {
  pupil: TeacherPupil;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const [renaming, setRenaming] = useState(false);
  const [showDevices, setShowDevices] = useState(false);
  return (
    <li class="row card" data-pupil={pupil.name}>
      {renaming ? (
        <RenameForm
          label={tt('pupilName')}
          initial={pupil.name}
          onSave={async (name) => {
            if (await run(() => renamePupil(pupil.id, name))) setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <h2>
          <Name>{pupil.name}</Name>
        </h2>
      )}
      <p class="meta">
        {tt('joinCode')} : <code class="join-code">{pupil.code}</code> · {tt('devices')} : {pupil.devices}
      </p>
      <div class="actions">
        {!renaming && (
          <button type="button" class="secondary" onClick={() => setRenaming(true)}>
            {tt('rename')}
          </button>
        )}
        <button
          type="button"
          class="secondary"
          aria-expanded={showDevices}
          onClick={() => setShowDevices(!showDevices)}
        >
          {tt('devices')}
        </button>
        <ConfirmButton
          label={tt('regenerateCode')}
          question={tt('confirmRegenerate', { name: isolate(pupil.name) })}
          onConfirm={() => void run(() => regenerateCode(pupil.id))}
        />
        <ConfirmButton
          label={tt('remove')}
          class="danger"
          question={tt('confirmRemovePupil', { name: isolate(pupil.name) })}
          onConfirm={() => void run(() => removePupil(pupil.id))}
        />
      </div>
      {showDevices && <PupilDevices pupil={pupil} />}
    </li>
  );
}
