/**
 * Writes that arrive while one is being written share the next transaction. A device draining a
 * long outbox after an outage has several hand-ins acknowledged at once, and a pass that finds the
 * server down writes every waiting hand-in back with its next attempt; one IndexedDB readwrite
 * transaction each made them wait in line for one another (IndexedDB runs readwrite transactions
 * on the same stores one at a time), and the reads of the next hand-ins to send waited behind
 * them. The first write starts at once; the ones that arrive meanwhile go together after it.
 *
 * If a shared write fails, each of its items is written again alone, so one item cannot fail
 * its neighbours; each caller learns its own item's outcome.
 */
export interface GroupedWrite<I, O> {
  /** Resolves with the item's result once it is written (with others, or alone after a shared failure). */
  add(item: I): Promise<O>;
}

interface Pending<I, O> {
  item: I;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
}

/** `writeAll` writes the items in one transaction and answers one result per item, in order. */
export function groupedWrite<I, O = void>(writeAll: (items: I[]) => Promise<O[]>): GroupedWrite<I, O> {
  let pending: Pending<I, O>[] = [];
  let writing = false;

  const writeGroups = async () => {
    while (pending.length > 0) {
      const group = pending;
      pending = [];
      try {
        const results = await writeAll(group.map((p) => p.item));
        group.forEach((p, i) => p.resolve(results[i]!));
      } catch (error) {
        if (group.length === 1) group[0]!.reject(error);
        else for (const p of group) await writeAll([p.item]).then(([result]) => p.resolve(result!), p.reject);
      }
    }
    writing = false;
  };

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        if (writing) return;
        writing = true;
        void writeGroups();
      });
    },
  };
}
