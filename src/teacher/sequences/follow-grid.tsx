/** Pupils × séances for one class (ready offline, started, handed in, late, score) and the one-line count. */
import type { FollowGrid } from '../../../protocol/sequence-api.ts';
import { listClasses } from '../teacher-resources.ts';
import { ApiErrorNote } from '../teacher-ui.tsx';
import { useServerData } from '../use-server-data.ts';
import { getFollowGrid } from './sequence-calls.ts';
import { st, type SequenceMessageKey } from './sequence-i18n.ts';

const STATE_TEXT: Record<
  NonNullable<FollowGrid['pupils'][number]['cells'][number]>['state'],
  SequenceMessageKey
> = {
  notReady: 'stateNotReady',
  readyOffline: 'stateReadyOffline',
  started: 'stateStarted',
  handedIn: 'stateHandedIn',
  late: 'stateLate',
};

export function FollowGridView({ sequenceId, classId }: { sequenceId: string; classId: string }) {
  const grid = useServerData(() => getFollowGrid(sequenceId, classId), [sequenceId, classId]);
  const classes = useServerData(listClasses, []);
  const name = classes.value?.find((k) => k.id === classId)?.name ?? '';
  const headingId = `follow-${classId}`;
  if (!grid.value) return <ApiErrorNote error={grid.error} onRetry={grid.reload} />;
  const { seances, pupils, readyPupils, pupilCount } = grid.value;
  return (
    <section class="card follow-grid" aria-labelledby={headingId} data-follow-class={classId}>
      <h2 id={headingId}>
        {st('followTitle')} — {name}
      </h2>
      <p data-testid="follow-line">{st('followLine', { ready: readyPupils, total: pupilCount })}</p>
      {seances.length === 0 ? (
        <p class="hint">{st('noFollow')}</p>
      ) : (
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{st('pupil')}</th>
                {seances.map((s, i) => (
                  <th key={s.lessonId} scope="col">
                    {i + 1}. {s.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {pupils.map((pupil) => (
                <tr key={pupil.id}>
                  <th scope="row">{pupil.name}</th>
                  {pupil.cells.map((cell, i) => (
                    <td key={seances[i]!.lessonId} data-state={cell?.state ?? 'none'}>
                      {cell ? st(STATE_TEXT[cell.state]) : st('notForPupil')}
                      {cell?.score && ` · ${st('score', cell.score)}`}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
