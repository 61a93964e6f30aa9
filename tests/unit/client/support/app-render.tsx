/** The pupil app's state as it starts on this device, and server-side renders inside it. */
import type { ComponentChild } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { AppStateContext, createAppState, type AppState } from '../../../../src/app/app-state.ts';

/** A fresh app state that has read the device's store, as the app does when it opens. */
export async function loadedAppState(): Promise<AppState> {
  const app = createAppState();
  await app.refresh();
  return app;
}

/** Renders a piece of the pupil app to HTML inside the given app state. */
export const renderInApp = (app: AppState, node: ComponentChild): string =>
  renderToString(<AppStateContext.Provider value={app}>{node}</AppStateContext.Provider>);
