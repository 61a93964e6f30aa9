/**
 * Lookups arriving together share one query: the keys asked for in one turn of the event
 * loop are read with a single `IN (…)` statement, each caller answered from its rows. At
 * 8 a.m. a hundred devices' requests land in the same turn; a query each made the
 * database layer's own JavaScript (building, compiling, queueing on the connection) the
 * largest cost of authenticating them (issue 14). Each lookup still runs after its request
 * arrived, so nothing is stale: a device revoked before that query is refused.
 */
export type FetchMany<K, V> = (keys: K[]) => Promise<Map<K, V>>;

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

export function batchedLookup<K, V>(
  fetchMany: FetchMany<K, V>,
  { maxBatch = 500 } = {},
): (key: K) => Promise<V | undefined> {
  let gathering: Map<K, Waiter<V>[]> | null = null;

  const run = async (batch: Map<K, Waiter<V>[]>) => {
    try {
      const found = await fetchMany([...batch.keys()]);
      for (const [key, waiters] of batch) for (const w of waiters) w.resolve(found.get(key));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  };
  const closed = new WeakSet<Map<K, Waiter<V>[]>>();
  const close = (batch: Map<K, Waiter<V>[]>) => {
    // Once: a full batch closes early, and its end-of-turn close must then do nothing.
    if (closed.has(batch)) return;
    closed.add(batch);
    if (gathering === batch) gathering = null;
    void run(batch);
  };

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      let batch = gathering;
      if (!batch) {
        const fresh = new Map<K, Waiter<V>[]>();
        gathering = batch = fresh;
        // The requests read in this turn of the loop are in it by then.
        setImmediate(() => close(fresh));
      }
      const waiters = batch.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else batch.set(key, [{ resolve, reject }]);
      if (batch.size >= maxBatch) close(batch);
    });
}
