/** Entry point of the pupil app. */
import { render } from 'preact';
import { App } from './app.tsx';
import { AppStateContext, createAppState } from './app-state.ts';
import { startLocale } from './i18n.ts';
import { onWorkerMessage, registerWorker } from './sw-bridge.ts';
import './styles.css';

const app = createAppState();
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
});
