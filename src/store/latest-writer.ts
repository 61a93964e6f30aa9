/**
 * Writes a value that changes at every keystroke (a draft) without piling up writes:
 * at most one write in flight, and the latest value always written last. A backlog of
 * one write per keystroke can lag seconds behind on a slow device, and whatever is
 * still queued when the tab closes is lost.
 *
 * A failed write never drops anything: the value (or the newer one that replaced it)
 * stays queued and is tried again after a growing pause, at every `flush`, until it is
 * stored. Each failure is reported through `onError` so the page can say so.
 */
export interface LatestWriter<T> {
  /** Queue this value; resolves when it (or a later one) is stored, however many tries that takes. */
  save(value: T): Promise<void>;
  /**
   * Write whatever is queued now (without waiting for a scheduled retry) and resolve once it is
   * stored; rejects with the error if this try fails (the value stays queued and is retried).
   */
  flush(): Promise<void>;
  /** A value is still being written or waits to be (including after a failure). */
  readonly busy: boolean;
  /** The last failure, while the latest value is not stored; null otherwise. */
  readonly error: unknown;
}

export interface LatestWriterOptions {
  /** Called after every failed try (the value is kept and retried). */
  onError?: (error: unknown) => void;
  /** Pause before retry number `failures` (1, 2, …); default 0.5 s doubling up to 30 s. */
  retryDelayMs?: (failures: number) => number;
}

export function defaultRetryDelayMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}

export function createLatestWriter<T, R>(
  write: (value: T) => Promise<R>,
  onWritten?: (result: R) => void,
  options: LatestWriterOptions = {},
): LatestWriter<T> {
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  let pending: { value: T } | null = null;
  /** A drain is running (set and cleared synchronously, so a save never misses its end). */
  let running = false;
  /** The last drain; resolves true when everything queued is stored, false after a failure. */
  let writing: Promise<boolean> = Promise.resolve(true);
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let lastError: unknown = null;
  let waiters: Array<() => void> = [];

  function start(): Promise<boolean> {
    if (retryTimer !== null) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
    running = true;
    writing = drain();
    return writing;
  }

  function scheduleRetry() {
    if (retryTimer !== null) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (!running && pending) void start();
    }, retryDelayMs(failures));
  }

  /** Ends by clearing `running` synchronously, before anyone waiting on it resumes. */
  async function drain(): Promise<boolean> {
    for (;;) {
      const current = pending;
      if (!current) {
        running = false;
        return true;
      }
      let result: R;
      try {
        result = await write(current.value);
      } catch (error) {
        // Keep the value (or the newer one queued meanwhile): nothing typed is dropped.
        running = false;
        failures++;
        lastError = error ?? new Error('write failed');
        scheduleRetry();
        options.onError?.(lastError);
        return false;
      }
      if (pending === current) pending = null;
      failures = 0;
      lastError = null;
      if (!pending) {
        running = false;
        const done = waiters;
        waiters = [];
        for (const resolve of done) resolve();
        onWritten?.(result);
        return true;
      }
      onWritten?.(result);
    }
  }

  return {
    save(value) {
      pending = { value };
      const stored = new Promise<void>((resolve) => waiters.push(resolve));
      // While a retry waits, the new value simply replaces the old one: the retry writes it.
      if (!running && retryTimer === null) void start();
      return stored;
    },
    async flush() {
      for (;;) {
        if (running) {
          if (!(await writing)) throw lastError;
        } else if (pending) {
          if (!(await start())) throw lastError;
        } else return;
      }
    },
    get busy() {
      return running || pending !== null;
    },
    get error() {
      return lastError;
    },
  };
}
