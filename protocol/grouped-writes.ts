/**
 * Writes that arrive while others are being written go together in the next one: one transaction
 * (one fsync on the server, one IndexedDB readwrite transaction on a device) for a group instead
 * of one each. The server's hand-ins (server/db/group-commit.ts) and a device's outbox
 * (src/store/outbox.ts) share this one mechanism.
 *
 * A group that fails is written again item by item, so one bad item cannot fail its neighbours;
 * each caller learns its own item's outcome. The writer must touch only what it is given (a group
 * may be written again alone).
 */
export interface GroupedWrites<I, O> {
  /** Resolves with the item's result once it is written (with others, or alone after a failed group). */
  add(item: I): Promise<O>;
}

export interface GroupedWritesOptions {
  /**
   * Starts a write once an item arrives: at once (the default), or later (the server waits for the
   * next turn of its event loop, so the requests read in this one join the group).
   */
  schedule?: (start: () => void) => void;
  /** Groups being written at once (default 1: the next group waits for the one being written). */
  concurrency?: number;
  /** The most items in one group (default: all that wait). */
  maxGroup?: number;
}

interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/** `writeAll` writes the items together and answers one result per item, in order. */
export function groupedWrites<I, O = void>(
  writeAll: (items: I[]) => Promise<O[]>,
  {
    schedule = (start) => start(),
    concurrency = 1,
    maxGroup = Number.POSITIVE_INFINITY,
  }: GroupedWritesOptions = {},
): GroupedWrites<I, O> {
  const waiting: Pending<I, O>[] = [];
  let scheduled = false;
  let writing = 0;

  const write = async (group: Pending<I, O>[]): Promise<void> => {
    try {
      const results = await writeAll(group.map((p) => p.item));
      if (results.length !== group.length) throw new Error('a grouped write must answer every item');
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      else for (const p of group) await write([p]);
    }
  };
  // Starts groups while items wait and there is room; each group that ends starts the next.
  const start = () => {
    scheduled = false;
    while (waiting.length > 0 && writing < concurrency) {
      writing += 1;
      void write(waiting.splice(0, maxGroup)).finally(() => {
        writing -= 1;
        start();
      });
    }
  };

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        schedule(start);
      });
    },
  };
}
