/**
 * A screen loaded on first use: a plain dynamic import (no preact/compat) keeps it, and everything
 * it pulls in, out of the pupil's first download. The shell's loaders and the screens' own lazy
 * parts (the week view) share it.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from './i18n.ts';

/** A component that shows `load`'s screen once loaded, and `failed`'s words if it cannot be. */
export function lazyScreen<P extends object>(
  load: () => Promise<FunctionComponent<P>>,
  failed: MessageKey,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failure, setFailure] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (screen) => {
          loaded = screen;
          setScreen(() => screen);
        },
        // Offline before the worker cached the chunk: say so rather than show nothing.
        () => setFailure(true),
      );
    }, [Screen]);
    if (Screen) return <Screen {...props} />;
    return failure ? <p role="alert">{t(failed)}</p> : <p role="status">…</p>;
  };
}
