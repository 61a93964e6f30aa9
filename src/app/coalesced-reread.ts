/** Re-reads that arrive in a burst (download progress, chunk by chunk) folded into few. */

/**
 * `soon(key)` runs `reread(key)` now, and once more after `pauseMs` if asked again meanwhile:
 * one re-read at a time per key, whatever the number of requests.
 */
export function coalescedReread(reread: (key: string) => Promise<void>, pauseMs: number) {
  let running: { key: string; again: boolean } | null = null;
  return function soon(key: string): void {
    if (running?.key === key) {
      running.again = true;
      return;
    }
    const current = { key, again: true };
    running = current;
    void (async () => {
      try {
        while (current.again) {
          current.again = false;
          await reread(key);
          await new Promise((resolve) => setTimeout(resolve, pauseMs));
        }
      } finally {
        if (running === current) running = null;
      }
    })();
  };
}
