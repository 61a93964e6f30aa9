/** Load something from the server for a screen, with its error kept for display and a reload. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { TeacherApiError } from './teacher-api-client.ts';

export interface ServerData<T> {
  value: T | null;
  error: TeacherApiError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

export function useServerData<T>(load: () => Promise<T>, deps: unknown[]): ServerData<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<TeacherApiError | null>(null);
  const [loading, setLoading] = useState(true);
  // `deps` decide when to reload, as with useEffect: `load` itself is a new closure every render.
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setValue(await load());
      setError(null);
    } catch (e) {
      setError(e instanceof TeacherApiError ? e : new TeacherApiError(0, 'unknown', String(e)));
    } finally {
      setLoading(false);
    }
  }, deps);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, loading, reload };
}
