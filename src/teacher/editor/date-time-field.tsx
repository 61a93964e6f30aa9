/**
 * A date and a time on the school's clocks (CARTABLE_TIMEZONE), whatever the zone of the computer
 * the teacher prepares on; stored as an ISO timestamp (or null when cleared).
 */
import { instantOnDate, schoolDateTimeText } from '../../../protocol/school-time.ts';
import { tt } from '../teacher-i18n.ts';
import { schoolTimeZone } from '../teacher-session.ts';
import { InputField } from '../teacher-ui.tsx';
import { ProblemList } from './draft-problems.tsx';

function schoolParts(iso: string | null, timeZone: string): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const [date = '', time = ''] = schoolDateTimeText(iso, timeZone).split(' ');
  return { date, time };
}

/** A school morning when only the date is chosen yet. */
const DEFAULT_TIME = '08:30';

export function DateTimeField(props: {
  id: string;
  legend: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  describedBy?: string;
  /** Problems about this date, listed right under it (and read with it). */
  problems?: { code: string }[];
}) {
  const timeZone = schoolTimeZone.value;
  const { date, time } = schoolParts(props.value, timeZone);
  const set = (nextDate: string, nextTime: string) => {
    if (!nextDate) return props.onChange(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(nextDate) || !/^\d{2}:\d{2}$/.test(nextTime || DEFAULT_TIME)) return;
    const at = instantOnDate(nextDate, nextTime || DEFAULT_TIME, timeZone);
    if (!Number.isNaN(at.getTime())) props.onChange(at.toISOString());
  };
  const problemsId = props.problems && `${props.id}-problems`;
  const field = (
    <fieldset class="date-time" aria-describedby={props.describedBy ?? problemsId}>
      <legend>{props.legend}</legend>
      {/* Said only when this computer's clock is not the school's: the fields are school time. */}
      {timeZone !== new Intl.DateTimeFormat().resolvedOptions().timeZone && (
        <p class="hint">{tt('schoolTimeHint', { zone: timeZone })}</p>
      )}
      <InputField
        label={tt('date')}
        id={`${props.id}-date`}
        type="date"
        value={date}
        onInput={(e) => set(e.currentTarget.value, time)}
      />
      <InputField
        label={tt('time')}
        id={`${props.id}-time`}
        type="time"
        value={time}
        disabled={!date}
        onInput={(e) => set(date, e.currentTarget.value)}
      />
      {props.value && (
        <button type="button" class="secondary" onClick={() => props.onChange(null)}>
          {tt('clear')}
        </button>
      )}
    </fieldset>
  );
  if (!props.problems) return field;
  return (
    <>
      {field}
      <ProblemList id={problemsId} problems={props.problems} />
    </>
  );
}
