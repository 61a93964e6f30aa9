/** Entry point of the pupil app. */
// First: the device database opens while the modules below are evaluated.
import '../store/open-at-start.ts';
import { render } from 'preact';
import { App } from './app.tsx';
import { AppStateContext, createAppState } from '../app/app-state.ts';
import { startLocale } from '../app/i18n.ts';
import { listenForLaunchedFiles } from '../app/launch-files.ts';
import { warmPupilScreens } from './lazy-screen.tsx';
import { onWorkerMessage, registerWorker } from '../app/sw-bridge.ts';
import './styles.css';

// Whether the pupil is using keys (then focus moved by the app is framed) or touch and mouse (then
// it is not): styles.css reads the attribute.
// Set once, not at every keystroke: the answer's keystrokes stay cheap.
const root = document.documentElement;
addEventListener(
  'keydown',
  () => root.hasAttribute('data-keyboard') || root.setAttribute('data-keyboard', ''),
  true,
);
addEventListener('pointerdown', () => root.removeAttribute('data-keyboard'), true);

const app = createAppState();
listenForLaunchedFiles();
// English words come from their own (cached) chunk: there before the first screen.
void startLocale().finally(() =>
  render(
    <AppStateContext.Provider value={app}>
      <App />
    </AppStateContext.Provider>,
    document.getElementById('app')!,
  ),
);

/**
 * Runs `work` once the screen just drawn has been painted: the pupil sees the lessons first, and
 * the rest of the start (worker, sync, content check) follows. A hidden tab paints no frame: there
 * it runs shortly after instead.
 */
function afterPaint(work: () => void): void {
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    work();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 250);
}

const started = app.refresh();
void started.then(() =>
  afterPaint(() => {
    registerWorker();
    // The worker (Background Sync) and other tabs tell us when the store changed.
    onWorkerMessage(() => void app.refresh());
    app.start();
    warmPupilScreens();
  }),
);
