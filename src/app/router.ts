/** A tiny path router: the pupil app has four screens, not worth a library. */
import { signal } from '@preact/signals';

export type Route =
  | { name: 'lessons' }
  | { name: 'join'; code: string | null }
  | { name: 'lesson'; lessonId: string }
  | { name: 'device' }
  | { name: 'teacher'; path: string };

/** Parse a location into a route. Join codes travel in the hash so they stay out of server logs. */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/join')
    return { name: 'join', code: hash.length > 1 ? decodeURIComponent(hash.slice(1)) : null };
  const lesson = /^\/lesson\/([^/]+)$/.exec(pathname);
  if (lesson?.[1]) return { name: 'lesson', lessonId: decodeURIComponent(lesson[1]) };
  if (pathname === '/device') return { name: 'device' };
  if (pathname === '/teacher' || pathname.startsWith('/teacher/')) return { name: 'teacher', path: pathname };
  return { name: 'lessons' };
}

export const route = signal<Route>(parseRoute(location.pathname, location.hash));

/**
 * Go to a path inside the app without reloading. `state` rides with that history entry (kept by
 * reload, back and forward): what the screen should know that is not in the path.
 */
export function navigate(
  path: string,
  { replace = false, state = null }: { replace?: boolean; state?: unknown } = {},
): void {
  if (replace) history.replaceState(state, '', path);
  else history.pushState(state, '', path);
  route.value = parseRoute(location.pathname, location.hash);
  // Move focus to the new screen's heading for screen-reader and keyboard users.
  queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus());
}

addEventListener('popstate', () => {
  route.value = parseRoute(location.pathname, location.hash);
});

/** Intercept clicks on same-origin links so navigation stays in the app. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.origin !== location.origin || anchor.hasAttribute('download'))
    return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.hash);
}
