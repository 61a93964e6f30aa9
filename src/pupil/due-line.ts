/**
 * The "when" line of a lesson card. Work handed in after the due date reads "rendu en retard",
 * never like work still missing; only work not handed in once the due date passed is
 * "pas rendu, en retard". The same rule as the teacher's dashboard (protocol/lateness.ts).
 */
import { isLate } from '../../protocol/lateness.ts';
import { formatDateTime, t } from '../app/i18n.ts';

export type DueState = 'due' | 'missingLate' | 'handedIn' | 'handedInLate';

/** Where the lesson stands against its due date; null when there is nothing to say. */
export function dueState(dueAt: string | null, handedInAt: string | undefined, now: number): DueState | null {
  if (handedInAt !== undefined) return isLate(handedInAt, dueAt) ? 'handedInLate' : 'handedIn';
  if (dueAt === null) return null;
  return Date.parse(dueAt) < now ? 'missingLate' : 'due';
}

/** The line itself, in the pupil's language. */
export function dueText(state: DueState, dueAt: string | null, handedInAt: string | undefined): string {
  switch (state) {
    case 'handedInLate':
      return t('handedInLate', { date: formatDateTime(handedInAt!), due: formatDateTime(dueAt!) });
    case 'handedIn':
      return t('handedInOn', { date: formatDateTime(handedInAt!) });
    case 'missingLate':
      return t('overdue', { date: formatDateTime(dueAt!) });
    case 'due':
      return t('dueAt', { date: formatDateTime(dueAt!) });
  }
}
