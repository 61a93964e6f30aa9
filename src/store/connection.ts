/**
 * One IndexedDB connection per database and runtime (page or service worker), opened on
 * first use and shared. When a newer app version needs to upgrade, or the browser closes
 * the connection, it is dropped and reopened on next use; a failed open is not cached.
 */
import { openDB, wrap, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

/**
 * Why this runtime's connection changed: `newerVersion` when a newer app version (another tab,
 * an update) upgraded the database past the version this code knows; `closed` when the
 * browser closed the connection. The page tells the pupil and offers to reload.
 */
export type DatabaseChange = 'newerVersion' | 'closed';
const listeners = new Set<(change: DatabaseChange) => void>();

/** Listen for connection changes; returns the function that stops listening. */
export function onDatabaseChanged(listener: (change: DatabaseChange) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announce(change: DatabaseChange): void {
  for (const listener of listeners) listener(change);
}

function isVersionError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'VersionError';
}

export interface Connection<S extends DBSchema> {
  open(): Promise<IDBPDatabase<S>>;
  /** Close and forget the connection (tests start each on a fresh IDBFactory). */
  close(): Promise<void>;
}

/**
 * The connection an open started before the app's code (public/open-db.js) gives, with the
 * callbacks `openDB` would have set; rejects when that open failed or was left to the app (an
 * upgrade), and the app opens as usual.
 */
function adopt<S extends DBSchema>(
  request: IDBOpenDBRequest,
  callbacks: { blocking(): void; terminated(): void },
): Promise<IDBPDatabase<S>> {
  return new Promise<IDBPDatabase<S>>((resolve, reject) => {
    const settle = () => {
      if (request.error || !request.result) return reject(request.error);
      const db = request.result;
      db.addEventListener('versionchange', callbacks.blocking);
      db.addEventListener('close', callbacks.terminated);
      resolve(wrap(db) as unknown as IDBPDatabase<S>);
    };
    if (request.readyState === 'done') settle();
    else {
      request.addEventListener('success', settle);
      request.addEventListener('error', (event) => {
        event.preventDefault();
        reject(request.error);
      });
    }
  });
}

export function lazyConnection<S extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<S>['upgrade']>,
  /** Takes an open of this database already under way, if there is one. */
  early?: () => IDBOpenDBRequest | undefined,
): Connection<S> {
  let opening: Promise<IDBPDatabase<S>> | null = null;
  const callbacks = {
    blocking() {
      // A newer version of the app wants to upgrade: let it, and reopen on next use.
      void opening?.then((db) => db.close());
      opening = null;
    },
    terminated() {
      opening = null;
      announce('closed');
    },
  };
  return {
    open() {
      const fresh = () => openDB<S>(name, version, { upgrade, ...callbacks });
      const started = opening ? undefined : early?.();
      opening ??= (started ? adopt<S>(started, callbacks).catch(fresh) : fresh())
        .catch((error: unknown) => {
          if (!isVersionError(error)) throw error;
          // A newer app version upgraded the database ("requested version is less than the
          // existing version"). Upgrades only add, so open it as it is: what the pupil types
          // in this old tab is still stored, and the page asks to reload.
          announce('newerVersion');
          return openDB<S>(name, undefined, callbacks);
        })
        .catch((error: unknown) => {
          opening = null;
          throw error;
        });
      return opening;
    },
    async close() {
      const current = opening;
      opening = null;
      if (current) (await current.catch(() => null))?.close();
    },
  };
}
