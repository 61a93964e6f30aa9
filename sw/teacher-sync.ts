/**
 * The worker's side of the teacher's outbox: Background Sync sends saves and publishes
 * queued while the server was unreachable, even after the teacher closed the tab,
 * with the session kept on the device.
 */
import { defaultFetch, exchange } from '../src/sync/api-client.ts';
import { sendTeacherOutbox } from '../src/sync/teacher-outbox-sender.ts';
import { loadSession } from '../src/store/teacher-session.ts';
import { listTeacherOutbox } from '../src/store/teacher-outbox.ts';

declare let self: ServiceWorkerGlobalScope;

/** Send what is due; reject while work still waits so that the browser tries again later. */
export async function drainTeacherOutbox(lastChance: boolean): Promise<void> {
  const session = await loadSession();
  // Signed out or expired: nothing may be sent; the editor asks the teacher to sign in again.
  if (!session || Date.parse(session.expiresAt) <= Date.now()) return;
  const caller = { server: self.location.origin, token: session.token };
  await sendTeacherOutbox(session.teacher.id, (path, options) =>
    exchange(defaultFetch(), caller, path, options),
  );
  const waiting = (await listTeacherOutbox()).filter(
    (item) => item.teacherId === session.teacher.id && item.state === 'waiting',
  );
  if (waiting.length > 0 && !lastChance) {
    throw new Error(`${waiting.length} teacher item(s) still waiting; asking the browser to retry`);
  }
}
