/**
 * The teacher's workspace, loaded only when a /teacher path is opened (the
 * pupil's first download never contains it). Signs the teacher in, starts the
 * teacher outbox, and shows the screen for the path.
 */
import { useEffect } from 'preact/hooks';
import { navigate } from '../app/router.ts';
import { tt } from './teacher-i18n.ts';
import { parseTeacherPath } from './teacher-routes.ts';
import { restoreSession, session, sessionExpired, sessionLoaded, signOut } from './teacher-session.ts';
import { refreshOutbox, startOutbox } from './outbox-state.ts';
import { SignInScreen } from './sign-in-screen.tsx';
import { ClassListScreen } from './class-list-screen.tsx';
import { LessonListScreen } from './lesson-list-screen.tsx';
import { PupilListScreen } from './pupil-list-screen.tsx';
import { JoinCodeSheet } from './join-code-sheet.tsx';
import { DashboardScreen } from './dashboard-screen.tsx';
import { LessonEditorScreen } from './editor/lesson-editor-screen.tsx';
import { SubmissionScreen } from './submission-screen.tsx';
import './teacher.css';
import { ttWithName } from './names.tsx';
// In the workspace's own chunk (lazy as a whole): a separate chunk would split shared teacher
// modules out of it, and pupils' devices would precache them.
import { SequenceListScreen } from './sequences/sequence-list-screen.tsx';
import { SequenceEditorScreen } from './sequences/sequence-editor-screen.tsx';

export default function TeacherApp({ path }: { path: string }) {
  useEffect(() => {
    void restoreSession().then(refreshOutbox);
  }, []);
  const signedIn = session.value !== null && !sessionExpired.value;
  useEffect(() => {
    if (signedIn) startOutbox();
  }, [signedIn]);

  if (!sessionLoaded.value) return <p role="status">{tt('loading')}</p>;
  if (!signedIn) return <SignInScreen />;
  const route = parseTeacherPath(path);
  return (
    <div class="teacher">
      <div class="teacher-bar">
        <span>{ttWithName('signedInAs', session.value!.teacher.name)}</span>
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await signOut();
            navigate('/teacher');
          }}
        >
          {tt('signOut')}
        </button>
      </div>
      <TeacherScreenFor key={path} route={route} />
    </div>
  );
}

function TeacherScreenFor({ route }: { route: ReturnType<typeof parseTeacherPath> }) {
  switch (route.screen) {
    case 'classes':
      return <ClassListScreen />;
    case 'lessons':
      return <LessonListScreen classId={route.classId} />;
    case 'pupils':
      return <PupilListScreen classId={route.classId} />;
    case 'codes':
      return <JoinCodeSheet classId={route.classId} />;
    case 'dashboard':
      return <DashboardScreen classId={route.classId} />;
    case 'editor':
      return <LessonEditorScreen classId={route.classId} lessonId={route.lessonId} />;
    case 'sequences':
      return <SequenceListScreen classId={route.classId} />;
    case 'sequence':
      return <SequenceEditorScreen classId={route.classId} sequenceId={route.sequenceId} />;
    case 'submission':
      return <SubmissionScreen submissionId={route.submissionId} />;
  }
}
