/** A class's pupils: add one or a pasted list, rename, remove, new join code, linked devices. */
import { useEffect, useRef, useState } from 'preact/hooks';
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
import { ClassNav, ClassTitle, useClassName } from './class-nav.tsx';
import { FamilyFile } from './family-file.tsx';
import { PupilDevices } from './pupil-devices.tsx';
import { isolate, Name } from './names.tsx';
import { Icon } from '../ui/icon.tsx';
import { duplicateNames, withoutDuplicates } from './duplicate-names.ts';

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
      <ScreenHeading title={<ClassTitle screen={tt('pupilsTitle')} className={className} />} />
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
        existing={pupils.value?.map((p) => p.name) ?? []}
        added={added}
        onAdd={async (names) => {
          setAdded(null);
          const ok = await run(() => addPupils(classId, names));
          if (ok) setAdded(names.length);
          return ok;
        }}
      />
    </section>
  );
}

function AddPupils(props: {
  existing: string[];
  added: number | null;
  onAdd: (names: string[]) => Promise<boolean>;
}) {
  const [one, setOne] = useState('');
  const [list, setList] = useState('');
  // Names about to be added twice wait for the teacher's word; `clear` empties the field they came from.
  const [pending, setPending] = useState<{ names: string[]; repeated: string[]; clear: () => void } | null>(
    null,
  );
  const result = useRef<HTMLDivElement>(null);
  // The outcome is said next to the forms, where the teacher is looking, and read out.
  useEffect(() => {
    if (props.added !== null || pending) result.current?.focus();
  }, [props.added, pending]);

  const add = async (names: string[], clear: () => void, checked = false) => {
    const repeated = checked ? [] : duplicateNames(names, props.existing);
    if (repeated.length > 0) return setPending({ names, repeated, clear });
    setPending(null);
    if (names.length > 0 && (await props.onAdd(names))) clear();
  };

  return (
    <div class="card">
      <form
        class="inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          if (one.trim()) await add([one.trim()], () => setOne(''));
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
          await add(namesFromList(list), () => setList(''));
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
      <div ref={result} tabIndex={-1} class="add-result">
        {pending && (
          <div role="alert" class="note warn">
            <p>{tt('duplicatePupils', { n: pending.repeated.length })}</p>
            <ul>
              {pending.repeated.map((name, i) => (
                <li key={i}>
                  <Name>{name}</Name>
                </li>
              ))}
            </ul>
            <div class="actions">
              <button
                type="button"
                class="secondary"
                onClick={() => void add(pending.names, pending.clear, true)}
              >
                {tt('addAnyway')}
              </button>
              <button
                type="button"
                class="primary"
                onClick={() =>
                  void add(withoutDuplicates(pending.names, props.existing), pending.clear, true)
                }
              >
                {tt('addWithoutDuplicates')}
              </button>
            </div>
          </div>
        )}
        {!pending && props.added !== null && (
          <p role="status" class="note">
            {tt('addedPupils', { n: props.added })}
          </p>
        )}
      </div>
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
      <FamilyFile pupil={pupil} />
    </li>
  );
}
