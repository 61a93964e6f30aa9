/**
 * Where the teacher's session token lives: IndexedDB (cartable-teacher), not
 * localStorage, so it sits beside the drafts and outbox it authorises and a
 * service-worker sender could read it later (workers have no localStorage).
 * Either store is readable by script on our origin; the strict CSP is the
 * defence against that, and the token expires after a school day.
 */
import { openTeacherDb, type SessionRecord } from './teacher-db.ts';

/** The stored session, or null when signed out. */
export async function loadSession(): Promise<SessionRecord | null> {
  return (await (await openTeacherDb()).get('session', 'current')) ?? null;
}

export async function saveSession(session: SessionRecord): Promise<void> {
  await (await openTeacherDb()).put('session', session, 'current');
}

/** Forget the token only: drafts and waiting requests stay for the next sign-in. */
export async function clearSession(): Promise<void> {
  await (await openTeacherDb()).delete('session', 'current');
}
