/**
 * Whether each server answered this runtime's latest request. Any HTTP answer counts, even a
 * 503 (the network works, the server is busy); a network error or a timeout does not. The
 * pupil's page says "offline" from it: `navigator.onLine` stays true on a school Wi-Fi whose
 * server is down, and that is when a pupil most needs to know their work has not left.
 */

type ContactListener = (server: string, answered: boolean) => void;

const latest = new Map<string, boolean>();
const listeners = new Set<ContactListener>();

/** Record how the latest request to `server` went; listeners hear only changes. */
export function noteContact(server: string, answered: boolean): void {
  if (latest.get(server) === answered) return;
  latest.set(server, answered);
  for (const listener of listeners) listener(server, answered);
}

/** Whether `server` answered the latest request, or undefined before any. */
export function serverAnswered(server: string): boolean | undefined {
  return latest.get(server);
}

/** Hear every change of a server's contact; returns unsubscribe. */
export function onContactChange(listener: ContactListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
