/** The teacher's class names kept on this device, so a screen's title names its class with the server down. */
import type { TeacherClass } from '../../protocol/teacher-api.ts';
import { openTeacherDb, type KnownClass } from './teacher-db.ts';

/** Remember the names the server just listed (a renamed class replaces its old name). */
export async function rememberClassNames(teacherId: string, classes: TeacherClass[]): Promise<void> {
  const db = await openTeacherDb();
  const tx = db.transaction('classes', 'readwrite');
  await Promise.all([
    ...classes.map((k) => tx.store.put({ id: k.id, teacherId, name: k.name, archived: k.archived })),
    tx.done,
  ]);
}

/** The class's last known name for this teacher, or null. */
export async function knownClassName(teacherId: string, classId: string): Promise<string | null> {
  const known = await (await openTeacherDb()).get('classes', classId);
  return known && known.teacherId === teacherId ? known.name : null;
}

/** This teacher's classes as last listed by the server (to publish to with the server away). */
export async function knownClasses(teacherId: string): Promise<KnownClass[]> {
  const all = await (await openTeacherDb()).getAll('classes');
  return all.filter((k) => k.teacherId === teacherId);
}
