/** Dates on the teacher's screens, on the school's clocks (whatever the computer's own zone). */
import { formatDateTime } from '../app/i18n.ts';
import { schoolTimeZone } from './teacher-session.ts';

/** "demain à 08:30", "jeudi 26 novembre à 16:30", in the school's time zone. */
export function formatSchoolTime(iso: string | number): string {
  return formatDateTime(iso, Date.now(), schoolTimeZone.value);
}
