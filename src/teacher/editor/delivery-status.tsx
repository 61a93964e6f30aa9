/** The true state of a lesson for the teacher: on this device, waiting for the network, refused, published. */
import { formatSchoolTime } from '../school-clock.ts';
import { tt } from '../teacher-i18n.ts';
import type { LocalLesson, LocalSequence } from '../../store/teacher-db.ts';
import { lessonDeliveryState, sequenceDeliveryState } from '../lesson-status.ts';
import { outboxItems, retryOutboxNow } from '../outbox-state.ts';
import { dropItem } from '../../store/teacher-outbox.ts';
import { refreshOutbox } from '../outbox-state.ts';
import { ProblemList, refusalText } from './draft-problems.tsx';

/** The marks of a lesson (with its published version) or of a sequence. */
export function DeliveryStatus({
  lesson,
  sequence,
  storing = false,
}: {
  storing?: boolean;
} & ({ lesson: LocalLesson; sequence?: undefined } | { lesson?: undefined; sequence: LocalSequence })) {
  // Until the latest keystroke is stored, saying "saved on this device" would be a lie.
  const delivery = lesson
    ? lessonDeliveryState(lesson, outboxItems.value)
    : sequenceDeliveryState(sequence, outboxItems.value);
  const state = storing && delivery.kind === 'savedOnDevice' ? { kind: 'storing' as const } : delivery;
  return (
    <div class="delivery" role="status" aria-live="polite">
      <p data-testid="editor-state" data-state={state.kind}>
        {state.kind === 'storing' && tt('storingOnDevice')}
        {state.kind === 'savedOnDevice' && tt('savedOnDevice')}
        {state.kind === 'savedOnServer' && tt('savedOnServer')}
        {state.kind === 'signIn' && tt('needsSignIn')}
        {state.kind === 'waiting' &&
          (state.publish
            ? tt('publishWaiting')
            : state.attempts > 0
              ? tt('waitingNetworkNext', { date: formatSchoolTime(state.nextAttemptAt) })
              : tt('waitingNetwork'))}
        {state.kind === 'needsAttention' &&
          // The problems themselves are listed just below.
          tt('needsAttention', { message: refusalText({ ...state.item, problems: [] }) })}
        {lesson && lesson.publishedVersion !== null && (
          <span data-testid="published-version">
            {' '}
            · {tt('publishedVersion', { version: lesson.publishedVersion })}
          </span>
        )}
      </p>
      {state.kind === 'waiting' && (
        <button type="button" class="secondary" onClick={() => void retryOutboxNow()}>
          {tt('sendNow')}
        </button>
      )}
      {state.kind === 'needsAttention' && (
        <>
          <ProblemList problems={state.item.problems ?? []} />
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await dropItem(state.item.id);
              await refreshOutbox();
            }}
          >
            {tt('discard')}
          </button>
        </>
      )}
    </div>
  );
}
