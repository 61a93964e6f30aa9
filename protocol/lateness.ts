/** One rule for "late", shared by the server (dashboard, export) and the pupil's device. */

/** Late when handed in (device clock, corrected) after the due date; never without one. */
export function isLate(handedInAt: string, dueAt: string | null): boolean {
  return dueAt !== null && Date.parse(handedInAt) > Date.parse(dueAt);
}
