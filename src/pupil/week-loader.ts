/** The week view, loaded after the list (precached, so it opens offline). */
import { lazyScreen } from '../app/lazy-screen.tsx';

export const WeekLoader = lazyScreen(
  () => import('./week-view.tsx').then((module) => module.WeekView),
  'screenLoadFailed',
);
