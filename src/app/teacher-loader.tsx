/**
 * Loads the teacher's workspace on first visit to a /teacher path. A plain
 * dynamic import (no preact/compat) keeps it, and everything it pulls in, out
 * of the pupil's first download.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n.ts';

type TeacherApp = FunctionComponent<{ path: string }>;
let loaded: TeacherApp | null = null;

export function TeacherLoader({ path }: { path: string }) {
  const [App, setApp] = useState<TeacherApp | null>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (App) return;
    import('../teacher/teacher-app.tsx').then(
      (module) => {
        loaded = module.default;
        setApp(() => module.default);
      },
      // Offline before the worker cached the chunk: say so rather than show nothing.
      () => setFailed(true),
    );
  }, [App]);
  if (App) return <App path={path} />;
  return failed ? <p role="alert">{t('teacherLoadFailed')}</p> : <p role="status">…</p>;
}
