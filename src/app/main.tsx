/** Entry point of the pupil app. */
import { render } from 'preact';
import { App } from './app.tsx';
import { AppStateContext, createAppState } from './app-state.ts';
import { startLocale } from './i18n.ts';
import { listenForLaunchedFiles } from './launch-files.ts';
import { warmPupilScreens } from './lazy-screen.tsx';
import { onWorkerMessage, registerWorker } from './sw-bridge.ts';
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

void app.refresh().then(() => {
  registerWorker();
  // The worker (Background Sync) and other tabs tell us when the store changed.
  onWorkerMessage(() => void app.refresh());
  app.start();
  warmPupilScreens();
});
