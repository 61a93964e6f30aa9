/** The true state of a pupil's work, in words (and a data attribute tests can read). */
import type { WorkState } from '../app/app-state.ts';
import { formatDateTime, t } from '../app/i18n.ts';
import { pupilRefusalText } from './refusal-text.ts';

export function workStateText(state: WorkState | undefined): string {
  switch (state?.kind) {
    case 'handedIn':
      return t('stateHandedIn');
    case 'waiting':
      return state.nextAttemptAt > Date.now()
        ? t('stateWaitingNext', { date: formatDateTime(state.nextAttemptAt) })
        : t('stateWaiting');
    case 'needsAttention':
      // From the code: the server's `message` is English, kept on the device for support only.
      return t('stateNeedsAttention', { reason: pupilRefusalText(state.reason) });
    case 'relink':
      return t('stateRelink');
    case 'saved':
      return t('stateSaved');
    default:
      return t('stateNotStarted');
  }
}

export function WorkStateLabel({ state }: { state: WorkState | undefined }) {
  const kind = state?.kind ?? 'notStarted';
  return (
    <span class={`badge work-${kind}`} data-work-state={kind}>
      {workStateText(state)}
    </span>
  );
}
