/**
 * The installed app opened with a `.cartable` file (File Handling API: `file_handlers` in the
 * web app manifest, `launchQueue` in the page). The file waits here for the "open a lessons
 * file" card, which the device screen (or the join screen, with no pupil yet) shows.
 */
import { signal } from '@preact/signals';
import { navigate } from './router.ts';

/** A lessons file the app was launched with, not yet opened. */
export const launchedFile = signal<File | null>(null);

interface LaunchQueue {
  setConsumer(consumer: (params: { files: readonly FileSystemFileHandle[] }) => void): void;
}

/** Start listening (Chromium-based browsers with the app installed; elsewhere nothing happens). */
export function listenForLaunchedFiles(): void {
  const queue = (globalThis as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    const [handle] = params.files;
    if (!handle) return;
    void handle.getFile().then((file) => {
      launchedFile.value = file;
      navigate('/device');
    });
  });
}
