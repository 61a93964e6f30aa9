/**
 * One sender at a time across tabs and the service worker (Web Locks), without
 * losing triggers and without piling them up.
 *
 * A caller that finds the lock busy waits for it (so work queued after the running
 * pass started is still seen), but each runtime keeps at most ONE such waiter per
 * key: further triggers join it instead of queueing more identical passes.
 * Where Web Locks are missing (old Safari, Node tests) an in-process queue gives
 * the same guarantee inside one runtime; across tabs the server's idempotent PUTs
 * keep a rare double send harmless.
 */

const waiters = new Map<string, Promise<unknown>>();
const localTails = new Map<string, Promise<unknown>>();

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && navigator.locks ? navigator.locks : null;
}

function acquire<T>(name: string, run: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (manager) return manager.request(name, run) as Promise<T>;
  const previous = localTails.get(name) ?? Promise.resolve();
  const result = previous.then(run, run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  localTails.set(name, tail);
  void tail.then(() => {
    if (localTails.get(name) === tail) localTails.delete(name);
  });
  return result;
}

/**
 * Run `task` while holding lock `name`. Calls with the same `key` made while a pass
 * is still waiting for the lock share that pass and its result.
 */
export function runExclusive<T>(name: string, key: string, task: () => Promise<T>): Promise<T> {
  const waiting = waiters.get(key);
  if (waiting) return waiting as Promise<T>;
  const pass = acquire(name, () => {
    // From here on the pass is running: a new trigger must queue a fresh pass.
    if (waiters.get(key) === pass) waiters.delete(key);
    return task();
  });
  waiters.set(key, pass);
  const forget = () => {
    if (waiters.get(key) === pass) waiters.delete(key);
  };
  pass.then(forget, forget);
  return pass;
}
