/** The signed-in teacher as signals, loaded from and saved to this device. */
import { computed, signal } from '@preact/signals';
import { DEFAULT_SCHOOL_TIME_ZONE } from '../../protocol/school-time.ts';
import { LoginRequestSchema, LoginResponseSchema, TEACHER_API } from '../../protocol/teacher-api.ts';
import * as v from 'valibot';
import { defaultFetch, exchange } from '../sync/api-client.ts';
import { clearSession, loadSession, saveSession } from '../store/teacher-session.ts';
import type { SessionRecord } from '../store/teacher-db.ts';

export const session = signal<SessionRecord | null>(null);
/** The server refused the token (expired, signed out elsewhere): ask to sign in again, keep everything. */
export const sessionExpired = signal(false);
export const sessionLoaded = signal(false);
/** The school's time zone: the editor's dates and times are on the school's clocks. */
export const schoolTimeZone = computed(() => session.value?.school?.timeZone ?? DEFAULT_SCHOOL_TIME_ZONE);

export async function restoreSession(): Promise<void> {
  session.value = await loadSession();
  sessionLoaded.value = true;
}

export function sessionRefused(): void {
  if (session.value) sessionExpired.value = true;
}

export type SignInResult =
  { ok: true } | { ok: false; reason: 'credentials' | 'rateLimited' | 'network' | 'server' };

/** POST the e-mail and password; on success keep the session on this device. */
export async function signIn(email: string, password: string): Promise<SignInResult> {
  // Read as the server reads it: what it would refuse (400) is said without asking it.
  const body = v.safeParse(LoginRequestSchema, { email, password });
  if (!body.success) return { ok: false, reason: 'credentials' };
  const result = await exchange(defaultFetch(), { server: location.origin }, TEACHER_API.session, {
    method: 'POST',
    json: body.output,
  });
  if (result.kind !== 'response') return { ok: false, reason: 'network' };
  const status = result.response.status;
  if (status === 401 || status === 400) return { ok: false, reason: 'credentials' };
  if (status === 429) return { ok: false, reason: 'rateLimited' };
  if (!result.response.ok) return { ok: false, reason: 'server' };
  const parsed = v.safeParse(LoginResponseSchema, JSON.parse(new TextDecoder().decode(result.bytes)));
  if (!parsed.success) return { ok: false, reason: 'server' };
  const record: SessionRecord = parsed.output;
  // A different teacher signing in on this device must not inherit the previous one's session.
  await saveSession(record);
  session.value = record;
  sessionExpired.value = false;
  return { ok: true };
}

/** Tell the server (best effort: offline sign-out still forgets the token here) and forget the token. */
export async function signOut(): Promise<void> {
  const token = session.value?.token;
  if (token) {
    await exchange(defaultFetch(), { server: location.origin, token }, TEACHER_API.session, {
      method: 'DELETE',
      timeoutMs: 5_000,
    });
  }
  await clearSession();
  session.value = null;
  sessionExpired.value = false;
}
