/** The class's name and its tabs: lessons, pupils, progress; with the way back to the classes. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { tt } from './teacher-i18n.ts';
import { listClasses } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { useServerData } from './use-server-data.ts';
import { knownClassName, rememberClassNames } from '../store/teacher-classes.ts';
import { session } from './teacher-session.ts';
import { Name } from './names.tsx';

export type ClassTab = 'lessons' | 'pupils' | 'dashboard' | 'sequences';

/** The class's name: the server's, else the one this device last saw (server down), else null. */
export function useClassName(classId: string): string | null {
  const teacherId = session.value?.teacher.id ?? '';
  const [known, setKnown] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void knownClassName(teacherId, classId).then((name) => live && setKnown(name));
    return () => {
      live = false;
    };
  }, [teacherId, classId]);
  const classes = useServerData(listClasses, []);
  useEffect(() => {
    if (classes.value) void rememberClassNames(teacherId, classes.value);
  }, [classes.value, teacherId]);
  return classes.value?.find((k) => k.id === classId)?.name ?? known;
}

/** "Suivi de la classe — CM1 B", or the screen's name alone while the class's is unknown: never a dangling dash. */
export function ClassTitle({ screen, className }: { screen: string; className: string | null }) {
  const parts: ComponentChildren = className ? (
    <>
      {screen} — <Name>{className}</Name>
    </>
  ) : (
    screen
  );
  return <>{parts}</>;
}

export function ClassNav({ classId, current }: { classId: string; current: ClassTab }) {
  const tabs: [ClassTab, string, string][] = [
    ['lessons', tt('tabLessons'), teacherPaths.lessons(classId)],
    ['pupils', tt('tabPupils'), teacherPaths.pupils(classId)],
    ['dashboard', tt('tabDashboard'), teacherPaths.dashboard(classId)],
    ['sequences', tt('tabSequences'), teacherPaths.sequences(classId)],
  ];
  return (
    <nav class="class-tabs" aria-label={tt('teacherSpace')}>
      <a href={teacherPaths.classes()}>{tt('backToClasses')}</a>
      <ul role="list">
        {tabs.map(([tab, label, href]) => (
          <li key={tab}>
            <a href={href} aria-current={tab === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
