/**
 * One IndexedDB connection per database and runtime (page or service worker), opened on
 * first use and shared. When a newer app version needs to upgrade, or the browser closes
 * the connection, it is dropped and reopened on next use; a failed open is not cached.
 */
import { openDB, type DBSchema, type IDBPDatabase, type OpenDBCallbacks } from 'idb';

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
  return {
    open() {
      opening ??= openDB<S>(name, version, {
        upgrade,
        blocking() {
          // A newer version of the app wants to upgrade: let it, and reopen on next use.
          void opening?.then((db) => db.close());
          opening = null;
        },
        terminated() {
          opening = null;
        },
      }).catch((error: unknown) => {
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
