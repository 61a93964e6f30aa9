/** For one class of a publication: which pupils get each séance (none ticked: the whole class). */
import type { Sequence } from '../../../protocol/sequence-api.ts';
import { listPupils } from '../teacher-resources.ts';
import { useServerData } from '../use-server-data.ts';
import { st } from './sequence-i18n.ts';

/** Per class id, per séance lesson id: the chosen pupils. */
export type Chosen = Record<string, Record<string, string[]>>;

export function ClassAssignments(props: {
  classId: string;
  seances: Sequence['seances'];
  chosen: Record<string, string[]>;
  onChange: (next: Record<string, string[]>) => void;
}) {
  const pupils = useServerData(() => listPupils(props.classId), [props.classId]);
  return (
    <details class="class-assignments">
      <summary>{st('forPupils')}</summary>
      {props.seances.map((seance, i) => {
        const picked = props.chosen[seance.lessonId] ?? [];
        return (
          <fieldset key={seance.lessonId} data-assign-seance={i + 1}>
            <legend>
              {i + 1}. {seance.title}
            </legend>
            {(pupils.value ?? []).map((pupil) => (
              <label key={pupil.id} class="check">
                <input
                  type="checkbox"
                  checked={picked.includes(pupil.id)}
                  onChange={(e) =>
                    props.onChange({
                      ...props.chosen,
                      [seance.lessonId]: e.currentTarget.checked
                        ? [...picked, pupil.id]
                        : picked.filter((id) => id !== pupil.id),
                    })
                  }
                />{' '}
                {pupil.name}
              </label>
            ))}
          </fieldset>
        );
      })}
    </details>
  );
}
