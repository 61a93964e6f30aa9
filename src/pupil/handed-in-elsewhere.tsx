/** In a handed-in lesson: the work was handed in from another of the pupil's devices, when, and on time or late. */
import { isLate } from '../../protocol/lateness.ts';
import { formatDateTime, t } from '../app/i18n.ts';

export function HandedInElsewhere({ handedInAt, dueAt }: { handedInAt: string; dueAt: string | null }) {
  const late = isLate(handedInAt, dueAt);
  return (
    <p data-testid="handed-in-elsewhere" data-due-state={late ? 'handedInLate' : 'handedIn'}>
      {late
        ? t('handedInElsewhereLate', { date: formatDateTime(handedInAt), due: formatDateTime(dueAt!) })
        : t('handedInElsewhere', { date: formatDateTime(handedInAt) })}
    </p>
  );
}
