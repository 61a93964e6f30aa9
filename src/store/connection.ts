/**
 * One IndexedDB connection per database and runtime (page or service worker), opened on
 * first use and shared. When a newer app version needs to upgrade, or the browser closes
 * the connection, it is dropped and reopened on next use; a failed open is not cached.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

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

export function lazyConnection<S extends DBSchema>(
  name: string,
  version: number,
  upgrade: NonNullable<OpenDBCallbacks<S>['upgrade']>,
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
      opening ??= openDB<S>(name, version, { upgrade, ...callbacks })
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
