/** The pupil's "Cette semaine": what opens which day, what is due, what is handed in (lazy chunk). */
import { isHandedIn, useAppState } from '../app/app-state.ts';
import { locale, t } from '../app/i18n.ts';
import { dayName, localTime } from '../app/local-time.ts';
import { weekPlan, type WeekEvent } from './week-plan.ts';

function EventLine({ event, open }: { event: WeekEvent; open: boolean }) {
  const { sequence } = event.lesson;
  const title = sequence
    ? t('weekSeance', {
        lesson: event.lesson.title,
        sequence: sequence.title,
        position: sequence.position,
        count: sequence.count,
      })
    : event.lesson.title;
  const params = { time: localTime(event.at), title };
  const text =
    event.kind === 'opens'
      ? t(open ? 'weekOpened' : 'weekOpens', params)
      : event.kind === 'due'
        ? t('weekDue', params)
        : t('weekHandedIn', params);
  return (
    <li
      class={`week-event week-${event.kind}`}
      data-week-event={event.kind}
      data-lesson-id={event.lesson.lessonId}
    >
      {text}
    </li>
  );
}

/** The week around the corrected clock; each séance reads "open" once its time has come. */
export function WeekView() {
  const app = useAppState();
  const handedIn = new Map<string, string>();
  for (const h of app.handedIn.value) {
    const at = handedIn.get(h.submission.lessonId);
    if (!at || h.submission.handedInAt > at) handedIn.set(h.submission.lessonId, h.submission.handedInAt);
  }
  for (const [lessonId, state] of app.workStates.value) {
    if (state.kind === 'handedIn' && state.elsewhere && isHandedIn(state) && !handedIn.has(lessonId))
      handedIn.set(lessonId, state.elsewhere.handedInAt);
  }
  const days = weekPlan(app.lessons.value, handedIn, app.serverNow.value);
  const empty = days.every((day) => day.events.length === 0);
  return (
    <section aria-labelledby="section-week" class="lesson-section week-view" data-testid="week-view">
      <h2 id="section-week">{t('weekTitle')}</h2>
      {empty ? (
        <p class="hint">{t('weekNothing')}</p>
      ) : (
        <ol class="week-days" role="list">
          {days.map((day) => (
            <li key={day.date} class={day.isToday ? 'week-day today' : 'week-day'} data-date={day.date}>
              <h3 aria-current={day.isToday ? 'date' : undefined}>{dayName(day.date, locale.value)}</h3>
              {day.events.length > 0 && (
                <ul role="list">
                  {day.events.map((event) => (
                    <EventLine
                      key={`${event.kind}-${event.lesson.lessonId}`}
                      event={event}
                      open={app.isOpen(event.lesson)}
                    />
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
