/** Background Sync and Periodic Background Sync events: not in TypeScript's WebWorker lib. */

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  /** The browser will not retry after this attempt. */
  readonly lastChance: boolean;
}

interface PeriodicSyncEvent extends ExtendableEvent {
  readonly tag: string;
}

interface ServiceWorkerGlobalScopeEventMap {
  sync: SyncEvent;
  periodicsync: PeriodicSyncEvent;
}
