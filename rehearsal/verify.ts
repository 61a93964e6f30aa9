/**
 * After the rush, what the teacher sees: every hand-in of this run, read back through the teacher's
 * API, must be there exactly once. Each hand-in's answer names the run and the device, so a
 * duplicate (the same work under another id) would show as two rows with the same text.
 */
import { TEACHER_API } from '../protocol/teacher-api.ts';
import type { RehearsalClass, TeacherApi } from './classes.ts';
import type { Device } from './device.ts';

export interface ExactlyOnce {
  /** Devices whose hand-in was acknowledged. */
  acknowledged: number;
  /** Rows of this run the teacher sees. */
  stored: number;
  /** Acknowledged hand-ins the teacher does not see (required: 0). */
  lost: number;
  /** Hand-ins the teacher sees more than once (required: 0). */
  duplicated: number;
  /** Devices that never got an acknowledgement before the deadline (they would keep trying). */
  undelivered: number;
  /** Repeats answered with a different acknowledgement (required: 0). */
  repeatsDisagreeing: number;
}

interface Row {
  id: string;
  answers: Record<string, { kind: string; text?: string }>;
}

/** Reads every rehearsal class's work and compares it with what the devices were told. */
export async function checkExactlyOnce(
  api: TeacherApi,
  classes: RehearsalClass[],
  devices: Device[],
  runTag: string,
): Promise<ExactlyOnce> {
  const byText = new Map<string, string[]>();
  for (const { id } of classes) {
    const { submissions } = await api.call<{ submissions: Row[] }>('GET', TEACHER_API.submissions(id));
    for (const row of submissions) {
      const text = row.answers.answer?.text ?? '';
      if (!text.startsWith(`${runTag} `)) continue;
      byText.set(text, [...(byText.get(text) ?? []), row.id]);
    }
  }
  let lost = 0;
  for (const device of devices) {
    if (device.handIn.ackedAt === null) continue;
    const ids = byText.get(`${runTag} device ${device.index}`) ?? [];
    if (!ids.includes(device.handIn.id)) lost += 1;
  }
  return {
    acknowledged: devices.filter((d) => d.handIn.ackedAt !== null).length,
    stored: [...byText.values()].reduce((n, ids) => n + ids.length, 0),
    lost,
    duplicated: [...byText.values()].filter((ids) => ids.length > 1).length,
    undelivered: devices.filter((d) => d.handIn.ackedAt === null).length,
    repeatsDisagreeing: devices.filter((d) => d.repeated === 'different').length,
  };
}
