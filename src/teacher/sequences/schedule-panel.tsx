/**
 * Scheduling and publishing a sequence in one go: a rule (from a date, at a time, on chosen
 * weekdays, skipping days off, with a due rule) gives every séance its dates, shown before
 * publishing and each movable, with the reason next to a date the server would refuse; then one
 * publication to several classes, each with its chosen pupils per séance, and each class's result.
 */
import { useState } from 'preact/hooks';
import { addDays, schoolDate } from '../../../protocol/school-time.ts';
import type { PublishSequenceRequest, Sequence } from '../../../protocol/sequence-api.ts';
import {
  PRIMARY_WEEKDAYS,
  scheduleProblems,
  scheduleSeances,
  type DueRule,
  type Weekday,
} from '../../../protocol/sequence-schedule.ts';
import { refusalByCode } from '../api-error-text.ts';
import { DateTimeField } from '../editor/date-time-field.tsx';
import type { ClassPublicationResult } from '../../store/teacher-db.ts';
import { session, schoolTimeZone } from '../teacher-session.ts';
import { useServerData } from '../use-server-data.ts';
import { ClassAssignments, type Chosen } from './class-assignments.tsx';
import { st } from './sequence-i18n.ts';
import { classesToPublishTo } from './sequence-on-device.ts';

type Dates = { availableFrom: string; dueAt: string | null };
const DUE_RULES: Record<'none' | 'sameDay' | 'beforeNext', DueRule> = {
  none: { kind: 'none' },
  sameDay: { kind: 'sameDay', time: '18:00' },
  beforeNext: { kind: 'beforeNext' },
};

/**
 * `onPublish` queues the publication (the outbox sends it, now or when the server is back);
 * `results` are the server's answer to the latest one, `waiting` while it is not sent yet.
 */
export function SchedulePanel({
  sequence,
  onPublish,
  waiting,
  results,
}: {
  sequence: Sequence;
  onPublish: (classes: PublishSequenceRequest['classes']) => Promise<void>;
  waiting: boolean;
  results: ClassPublicationResult[] | null;
}) {
  const zone = schoolTimeZone.value;
  const teacherId = session.value?.teacher.id ?? '';
  const classes = useServerData(() => classesToPublishTo(teacherId), [teacherId]);
  const [startDate, setStartDate] = useState(() => addDays(schoolDate(Date.now(), zone), 1));
  const [time, setTime] = useState('08:30');
  const [weekdays, setWeekdays] = useState<Weekday[]>([...PRIMARY_WEEKDAYS]);
  const [daysOffText, setDaysOffText] = useState('');
  const [due, setDue] = useState<keyof typeof DUE_RULES>('sameDay');
  const [moved, setMoved] = useState<Record<number, Dates>>({});
  const [targets, setTargets] = useState<string[]>([sequence.classId]);
  const [chosen, setChosen] = useState<Chosen>({});
  const [busy, setBusy] = useState(false);

  const daysOff = daysOffText.split(/[\s,;]+/).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d));
  const ruleDates = /^\d{4}-\d{2}-\d{2}$/.test(startDate)
    ? scheduleSeances(
        { startDate, time, weekdays, daysOff, due: DUE_RULES[due] },
        sequence.seances.length,
        zone,
      )
    : [];
  const dates: Dates[] = ruleDates.map(
    (d, i) => moved[i] ?? { availableFrom: d.availableFrom, dueAt: d.dueAt },
  );
  const problems = scheduleProblems(dates, { now: new Date(), daysOff, timeZone: zone });
  // The server's reasons for the sequence's own class, next to the dates they are about.
  const ownRefusal = results?.find((r) => r.classId === sequence.classId && r.status === 'refused');
  const refused = ownRefusal?.status === 'refused' ? (ownRefusal.problems ?? []) : [];
  const nameOf = (classId: string) => classes.value?.find((k) => k.id === classId)?.name ?? classId;

  const publish = async () => {
    setBusy(true);
    try {
      await onPublish(
        targets.map((classId) => ({
          classId,
          daysOff,
          seances: dates,
          assignments: Object.entries(chosen[classId] ?? {})
            .filter(([, pupilIds]) => pupilIds.length > 0)
            .map(([lessonId, pupilIds]) => ({ lessonId, pupilIds })),
        })),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card schedule-panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">{st('schedule')}</h2>
      <label class="field">
        <span>{st('startDate')}</span>
        <input
          type="date"
          value={startDate}
          onInput={(e) => (setStartDate(e.currentTarget.value), setMoved({}))}
        />
      </label>
      <label class="field">
        <span>{st('time')}</span>
        <input
          type="time"
          value={time}
          onInput={(e) => (setTime(e.currentTarget.value || '08:30'), setMoved({}))}
        />
      </label>
      <fieldset>
        <legend>{st('weekdays')}</legend>
        {([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map((day) => (
          <label key={day} class="check">
            <input
              type="checkbox"
              checked={weekdays.includes(day)}
              onChange={(e) => {
                setWeekdays(e.currentTarget.checked ? [...weekdays, day] : weekdays.filter((d) => d !== day));
                setMoved({});
              }}
            />{' '}
            {st(`weekday${day}`)}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>{st('daysOff')}</span>
        <input value={daysOffText} onInput={(e) => (setDaysOffText(e.currentTarget.value), setMoved({}))} />
      </label>
      <label class="field">
        <span>{st('dueRule')}</span>
        <select
          value={due}
          onChange={(e) => (setDue(e.currentTarget.value as keyof typeof DUE_RULES), setMoved({}))}
        >
          <option value="none">{st('dueNone')}</option>
          <option value="sameDay">{st('dueSameDay')}</option>
          <option value="beforeNext">{st('dueBeforeNext')}</option>
        </select>
      </label>
      <h3>{st('datesTitle')}</h3>
      <ol class="seance-dates">
        {sequence.seances.map((seance, i) => {
          // Each reason once, whether this screen or the server found it.
          const own = [...new Set([...problems, ...refused].filter((p) => p.index === i).map((p) => p.code))];
          // One id per reason (several can stand under one séance); both date fields are read with all of them.
          const problemIds = own.map((_, line) => `seance-${i}-problem-${line}`);
          const describedBy = problemIds.length > 0 ? problemIds.join(' ') : undefined;
          const set = (change: Partial<Dates>) => setMoved({ ...moved, [i]: { ...dates[i]!, ...change } });
          return dates[i] ? (
            <li key={seance.lessonId} data-seance={i + 1}>
              <DateTimeField
                id={`seance-${i}-opens`}
                legend={st('opensLabel', { position: i + 1, title: seance.title })}
                value={dates[i]!.availableFrom}
                onChange={(iso) => iso && set({ availableFrom: iso })}
                describedBy={describedBy}
              />
              <DateTimeField
                id={`seance-${i}-due`}
                legend={st('dueLabel', { position: i + 1 })}
                value={dates[i]!.dueAt}
                onChange={(iso) => set({ dueAt: iso })}
                describedBy={describedBy}
              />
              {own.map((code, line) => (
                <p key={code} id={problemIds[line]} class="note error" role="alert">
                  {refusalByCode(code)}
                </p>
              ))}
            </li>
          ) : null;
        })}
      </ol>
      <fieldset>
        <legend>{st('publishTo')}</legend>
        {(classes.value ?? [])
          .filter((k) => !k.archived)
          .map((k) => (
            <div key={k.id}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={targets.includes(k.id)}
                  onChange={(e) =>
                    setTargets(
                      e.currentTarget.checked ? [...targets, k.id] : targets.filter((id) => id !== k.id),
                    )
                  }
                />{' '}
                {k.name}
              </label>
              {targets.includes(k.id) && (
                <ClassAssignments
                  classId={k.id}
                  seances={sequence.seances}
                  chosen={chosen[k.id] ?? {}}
                  onChange={(next) => setChosen({ ...chosen, [k.id]: next })}
                />
              )}
            </div>
          ))}
      </fieldset>
      <button
        type="button"
        disabled={busy || targets.length === 0 || problems.length > 0 || dates.length === 0}
        onClick={() => void publish()}
      >
        {busy ? st('publishing') : st('publish')}
      </button>
      {waiting && (
        <p role="status" data-testid="publish-waiting">
          {st('publishWaiting')}
        </p>
      )}
      {results && !waiting && (
        <ul role="status" class="publish-results">
          {results.map((r) => (
            <li key={r.classId} data-class-result={r.status}>
              {r.status === 'published'
                ? st('resultPublished', { class: nameOf(r.classId), count: r.lessons.length })
                : st('resultRefused', { class: nameOf(r.classId), reason: refusalByCode(r.error) })}
              {r.status === 'refused' &&
                r.problems?.map((p) => (
                  <p key={`${p.index}-${p.code}`} class="note error">
                    {st('seanceProblem', { position: p.index + 1, reason: refusalByCode(p.code) })}
                  </p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
