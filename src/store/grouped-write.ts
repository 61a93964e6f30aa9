/**
 * Writes that arrive while one is being written share the next transaction. A device draining a
 * long outbox after an outage has several hand-ins acknowledged at once; one IndexedDB readwrite
 * transaction each made them wait in line for one another (IndexedDB runs readwrite transactions
 * on the same stores one at a time), and the reads of the next hand-ins to send waited behind
 * them. The first write starts at once; the ones that arrive meanwhile go together after it.
 *
 * If a shared write fails, each of its items is written again alone, so one item cannot fail
 * its neighbours; each caller learns its own item's outcome.
 */
export interface GroupedWrite<I> {
  /** Resolves once the item is written (with others, or alone after a shared failure). */
  add(item: I): Promise<void>;
}

interface Pending<I> {
  item: I;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function groupedWrite<I>(writeAll: (items: I[]) => Promise<void>): GroupedWrite<I> {
  let pending: Pending<I>[] = [];
  let writing = false;

  const writeGroups = async () => {
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        await writeAll(group.map((p) => p.item));
        for (const p of group) p.resolve();
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else for (const p of group) await writeAll([p.item]).then(p.resolve, p.reject);
      }
    }
    writing = false;
  };

  return {
    add(item) {
      return new Promise<void>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (writing) return;
        writing = true;
        void writeGroups();
      });
    },
  };
}
