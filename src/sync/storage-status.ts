/** How safe the device's storage is: persisted or evictable, and how full. */
import type { DeviceStatus } from '../../protocol/index.ts';

/** navigator.storage.persisted()/estimate() where the runtime has them. */
export async function storageStatus(): Promise<DeviceStatus['storage']> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage) return { persisted: false };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => false),
    storage.estimate().catch(() => ({}) as StorageEstimate),
  ]);
  const status: DeviceStatus['storage'] = { persisted };
  if (estimate.usage !== undefined) status.usage = estimate.usage;
  if (estimate.quota !== undefined) status.quota = estimate.quota;
  return status;
}

/**
 * Ask the browser not to evict our lessons and unsent work (page only: workers have
 * no persist()). Resolves to whether storage is persistent; never throws.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = (typeof navigator !== 'undefined' ? navigator.storage : undefined) as
    (StorageManager & { persist?: () => Promise<boolean> }) | undefined;
  if (!storage?.persist) return false;
  return storage.persist().catch(() => false);
}
