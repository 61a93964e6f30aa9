/** Demo dates relative to the day of seeding, in the server's local time zone. */

/** `days` after the day of `from`, at hours:minutes local time, as ISO UTC. */
export function localDayAt(from: Date, days: number, hours: number, minutes = 0): string {
  const at = new Date(from);
  at.setDate(at.getDate() + days);
  at.setHours(hours, minutes, 0, 0);
  return at.toISOString();
}
