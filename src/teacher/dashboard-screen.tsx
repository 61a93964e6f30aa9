/** Who is ready offline and who has handed in, per pupil and lesson, with the one-glance count. */
import type { ComponentChildren } from 'preact';
import type { Dashboard } from '../../protocol/teacher-api.ts';
import { formatSchoolTime } from './school-clock.ts';
import { handedInStatus } from './handed-in-status.ts';
import { tt } from './teacher-i18n.ts';
import { getDashboard } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { ApiErrorNote, ScreenHeading } from './teacher-ui.tsx';
import { useServerData } from './use-server-data.ts';
import { ClassNav, ClassTitle, useClassName } from './class-nav.tsx';
import { ExportButtons } from './export-buttons.tsx';
import { WorkFileImport } from './work-file-import.tsx';
import { Name } from './names.tsx';
import { Icon } from '../ui/icon.tsx';

type DashboardLesson = Dashboard['lessons'][number];
type DashboardPupil = Dashboard['pupils'][number];

/** The lesson a teacher most wants to know about: the next to open, else the latest opened. */
export function focusLesson(lessons: DashboardLesson[], now = Date.now()): DashboardLesson | undefined {
  const upcoming = lessons
    .filter((l) => Date.parse(l.availableFrom) > now)
    .sort((a, b) => a.availableFrom.localeCompare(b.availableFrom));
  return upcoming[0] ?? [...lessons].sort((a, b) => b.availableFrom.localeCompare(a.availableFrom))[0];
}

export function DashboardScreen({ classId }: { classId: string }) {
  const className = useClassName(classId);
  const dashboard = useServerData(() => getDashboard(classId), [classId]);
  const data = dashboard.value;
  const focus = data ? focusLesson(data.lessons) : undefined;
  return (
    <section data-screen="teacher-dashboard" class="teacher-screen wide">
      <ClassNav classId={classId} current="dashboard" />
      <ScreenHeading title={<ClassTitle screen={tt('dashboardTitle')} className={className} />} />
      <ApiErrorNote error={dashboard.error} onRetry={() => void dashboard.reload()} />
      {data && focus && (
        <p class="ready-count card" data-testid="ready-count">
          {tt('readyCount', {
            ready: data.pupils.filter((p) => p.ready[focus.id]).length,
            // Only the pupils the lesson is for: a lesson for some pupils has no entry for the others.
            total: data.pupils.filter((p) => Object.hasOwn(p.ready, focus.id)).length,
            lesson: focus.title,
          })}
        </p>
      )}
      {data && data.lessons.length === 0 && <p>{tt('noPublishedLessons')}</p>}
      {data && data.lessons.length > 0 && (
        <div class="grid-scroll" role="region" tabIndex={0} aria-label={tt('dashboardTitle')}>
          <table class="dashboard-grid">
            <thead>
              <tr>
                <th scope="col">{tt('pupil')}</th>
                {data.lessons.map((lesson) => (
                  <th scope="col" key={lesson.id}>
                    {lesson.title}
                    <span class="meta"> v{lesson.version}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.pupils.map((pupil) => (
                <tr key={pupil.id} data-pupil={pupil.name}>
                  <th scope="row">
                    <Name>{pupil.name}</Name>
                    <span class="meta">
                      {pupil.lastSyncAt
                        ? tt('lastSync', { date: formatSchoolTime(pupil.lastSyncAt) })
                        : tt('deviceNeverSynced')}
                    </span>
                  </th>
                  {data.lessons.map((lesson) => (
                    <Cell key={lesson.id} pupil={pupil} lesson={lesson} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ExportButtons classId={classId} className={className ?? ''} />
      <WorkFileImport onImported={() => void dashboard.reload()} />
    </section>
  );
}

/** A pupil's state for a lesson as a badge coloured by its tone; `status` names the state for the tests. */
function StatusBadge(props: {
  tone: 'good' | 'warn' | 'bad' | null;
  testId: string;
  status: string;
  children: ComponentChildren;
}) {
  return (
    <span
      class={props.tone ? `badge ${props.tone}` : 'badge'}
      data-testid={props.testId}
      data-status={props.status}
    >
      {props.children}
    </span>
  );
}

function Cell({ pupil, lesson }: { pupil: DashboardPupil; lesson: DashboardLesson }) {
  const ready = pupil.ready[lesson.id] === true;
  const work = pupil.work[lesson.id];
  const status = handedInStatus(work, lesson.dueAt, Date.now());
  // A lesson given to other pupils only: nothing to count here.
  if (!Object.hasOwn(pupil.ready, lesson.id) && !work)
    return (
      <td data-lesson={lesson.title} class="hint">
        {tt('notAssigned')}
      </td>
    );
  return (
    <td data-lesson={lesson.title}>
      <span class={ready ? 'badge good' : 'badge'}>
        {ready ? (
          <>
            <Icon name="check" /> {tt('readyOffline')}
          </>
        ) : (
          tt('notReady')
        )}
      </span>
      {work ? (
        <>
          <StatusBadge
            tone={status === 'handedInLate' ? 'warn' : 'good'}
            testId="work-status"
            status={status}
          >
            {status === 'handedInLate' ? tt('late') : tt('handedIn')}
          </StatusBadge>
          <span class="meta">{formatSchoolTime(work.handedInAt)}</span>
          {work.receivedByFile && (
            <span class="meta" data-testid="received-by-file">
              {tt('receivedByFile')}
            </span>
          )}
          {work.score && (
            <span class="score" data-testid="score">
              {tt('score', { correct: work.score.correct, total: work.score.total })}
            </span>
          )}
          <a href={teacherPaths.submission(work.submissionId)}>
            {tt('review')}
            <span class="visually-hidden">
              {' '}
              — <Name>{pupil.name}</Name>, <bdi>{lesson.title}</bdi>
            </span>
          </a>
        </>
      ) : (
        <StatusBadge tone={status === 'missingLate' ? 'bad' : null} testId="not-handed-in" status={status}>
          {status === 'missingLate' ? tt('missingLate') : tt('notYet')}
        </StatusBadge>
      )}
    </td>
  );
}
