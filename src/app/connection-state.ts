/** How the pupil's device stands with their server, as signals (see sync/server-contact.ts). */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Profile } from '../store/records.ts';
import { onContactChange } from '../sync/server-contact.ts';

/**
 * How the pupil's device stands with their server: 'offline' (the browser says so),
 * 'unreachable' (the latest request got no answer), 'online' (it got one), 'unknown' (no
 * request yet on this page).
 */
export type Connection = 'offline' | 'unreachable' | 'online' | 'unknown';

/** The browser's online flag and the connection to the active pupil's server, kept current. */
export function createConnectionState(activeProfile: ReadonlySignal<Profile | null>) {
  const online = signal(navigator.onLine);
  /** Whether each server answered this page's latest request. */
  const answered = signal<ReadonlyMap<string, boolean>>(new Map());
  const connection = computed((): Connection => {
    if (!online.value) return 'offline';
    const server = activeProfile.value?.server;
    const latest = server === undefined ? undefined : answered.value.get(server);
    return latest === undefined ? 'unknown' : latest ? 'online' : 'unreachable';
  });
  onContactChange((server, ok) => (answered.value = new Map(answered.value).set(server, ok)));
  addEventListener('online', () => (online.value = true));
  addEventListener('offline', () => (online.value = false));
  return { online, connection };
}
