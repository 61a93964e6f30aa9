/** An accessible progress bar (role=progressbar with a readable label). */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
      >
        <div class="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p class="progress-label">{label}</p>
    </div>
  );
}
