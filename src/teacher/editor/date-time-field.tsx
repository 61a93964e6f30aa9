/** A date and a time, in the teacher's time zone, stored as an ISO timestamp (or null when cleared). */
import { tt } from '../teacher-i18n.ts';

const pad = (n: number) => String(n).padStart(2, '0');

function localParts(iso: string | null): { date: string; time: string } {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}

/** A school morning when only the date is chosen yet. */
const DEFAULT_TIME = '08:30';

export function DateTimeField(props: {
  id: string;
  legend: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  describedBy?: string;
}) {
  const { date, time } = localParts(props.value);
  const set = (nextDate: string, nextTime: string) => {
    if (!nextDate) return props.onChange(null);
    const at = new Date(`${nextDate}T${nextTime || DEFAULT_TIME}`);
    if (!Number.isNaN(at.getTime())) props.onChange(at.toISOString());
  };
  return (
    <fieldset class="date-time" aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      <label class="field">
        <span>{tt('date')}</span>
        <input
          id={`${props.id}-date`}
          type="date"
          value={date}
          onInput={(e) => set(e.currentTarget.value, time)}
        />
      </label>
      <label class="field">
        <span>{tt('time')}</span>
        <input
          id={`${props.id}-time`}
          type="time"
          value={time}
          disabled={!date}
          onInput={(e) => set(date, e.currentTarget.value)}
        />
      </label>
      {props.value && (
        <button type="button" class="secondary" onClick={() => props.onChange(null)}>
          {tt('clear')}
        </button>
      )}
    </fieldset>
  );
}
