/**
 * A pupil's work on a lesson as the dashboard names it. "Late" alone read as "missing":
 * work handed in after the due date is there and says so ("Rendu en retard"), and only work
 * not handed in once the due date passed is "Pas rendu, en retard".
 */
import type { Dashboard } from '../../protocol/teacher-api.ts';

type Work = Dashboard['pupils'][number]['work'][string];

export type HandedInStatus = 'handedIn' | 'handedInLate' | 'missingLate' | 'notYet';

/** The status of `work` (absent: nothing handed in) for a lesson due at `dueAt`, at `now`. */
export function handedInStatus(work: Work | undefined, dueAt: string | null, now: number): HandedInStatus {
  if (work) return work.status === 'late' ? 'handedInLate' : 'handedIn';
  return dueAt !== null && Date.parse(dueAt) < now ? 'missingLate' : 'notYet';
}
