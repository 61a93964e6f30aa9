/**
 * Writes a value that changes at every keystroke (a draft) without piling up writes:
 * at most one write in flight, and the latest value always written last. A backlog of
 * one write per keystroke can lag seconds behind on a slow device, and whatever is
 * still queued when the tab closes is lost.
 */
export interface LatestWriter<T> {
  /** Queue this value; resolves when it (or a later one) is stored. */
  save(value: T): Promise<void>;
  /** Wait until every queued value is stored. */
  flush(): Promise<void>;
  /** A value is still being written or waits to be. */
  readonly busy: boolean;
}

export function createLatestWriter<T, R>(
  write: (value: T) => Promise<R>,
  onWritten?: (result: R) => void,
): LatestWriter<T> {
  let pending: { value: T } | null = null;
  let writing: Promise<void> | null = null;

  async function drain(): Promise<void> {
    try {
      while (pending) {
        const { value } = pending;
        pending = null;
        const result = await write(value);
        onWritten?.(result);
      }
    } finally {
      writing = null;
    }
  }

  return {
    save(value) {
      pending = { value };
      writing ??= drain();
      return writing;
    },
    async flush() {
      while (writing) await writing;
    },
    get busy() {
      return writing !== null;
    },
  };
}
