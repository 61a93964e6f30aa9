/** The class's name and its tabs: lessons, pupils, progress; with the way back to the classes. */
import { tt } from './teacher-i18n.ts';
import { listClasses } from './teacher-resources.ts';
import { teacherPaths } from './teacher-routes.ts';
import { useServerData } from './use-server-data.ts';

export type ClassTab = 'lessons' | 'pupils' | 'dashboard';

/** The class's name (from the server), or null while unknown. */
export function useClassName(classId: string): string | null {
  const classes = useServerData(listClasses, []);
  return classes.value?.find((k) => k.id === classId)?.name ?? null;
}

export function ClassNav({ classId, current }: { classId: string; current: ClassTab }) {
  const tabs: [ClassTab, string, string][] = [
    ['lessons', tt('tabLessons'), teacherPaths.lessons(classId)],
    ['pupils', tt('tabPupils'), teacherPaths.pupils(classId)],
    ['dashboard', tt('tabDashboard'), teacherPaths.dashboard(classId)],
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
