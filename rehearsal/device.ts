/**
 * One simulated pupil device, following the real protocol (docs/PROTOCOL.md): the evening before,
 * it joins with its code, reads its manifest, downloads every lesson pack and medium ahead and
 * checks each against its SHA-256, and reports itself ready; in the morning it revalidates its
 * manifest (If-None-Match, 304) and hands its work in, repeating until a 2xx acknowledges that
 * exact UUID (src/sync/classify.ts decides, as on a real device); some hand the same work in again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mediaOf } from '../bench/morning.ts';
import { classifySend } from '../src/sync/classify.ts';
import { lessonIdOf } from './classes.ts';
import { untilDone, type RetryTally, type Verdict } from './retry.ts';
import type { Answer, Traffic } from './traffic.ts';

export interface Device {
  index: number;
  code: string;
  token: string | null;
  classId: string | null;
  manifestEtag: string | null;
  lessons: { id: string; version: number; pack: string }[];
  /** Packs and media downloaded and verified. */
  filesReady: number;
  /** Downloads whose bytes did not match their hash (required: 0). */
  corrupt: number;
  /** startedAt: when the device's morning began (its work waits from then until ackedAt). */
  handIn: { id: string; startedAt: number | null; ackedAt: number | null; receivedAt: string | null };
  repeated: 'no' | 'same' | 'different';
}

/** What the devices share: the traffic recorder, the retry tally, and when to stop trying. */
export interface DeviceContext {
  traffic: Traffic;
  tally: RetryTally;
  deadlineMs: number;
  /** Marks this run's hand-ins, so they can be found (and counted) through the teacher's API. */
  runTag: string;
}

export function newDevice(index: number, code: string): Device {
  return {
    index,
    code,
    token: null,
    classId: null,
    manifestEtag: null,
    lessons: [],
    filesReady: 0,
    corrupt: 0,
    handIn: { id: randomUUID(), startedAt: null, ackedAt: null, receivedAt: null },
    repeated: 'no',
  };
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8')) as unknown;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Downloads one content-addressed file until its bytes match its name. */
async function download(ctx: DeviceContext, device: Device, kind: 'pack' | 'blob', hash: string) {
  return untilDone(
    ctx.traffic,
    ctx.tally,
    ctx.deadlineMs,
    () => ctx.traffic.send(kind, `/${kind}s/${hash}`),
    (answer): Verdict => {
      if (answer.status !== 200) return answer.status >= 500 || answer.status === 0 ? 'retry' : 'refused';
      if (sha256(answer.body) === hash) return 'done';
      device.corrupt += 1;
      return 'retry';
    },
  );
}

/** The evening before: join, manifest, every pack and medium, readiness. False if it could not. */
export async function eveningBefore(ctx: DeviceContext, device: Device): Promise<boolean> {
  const { traffic, tally, deadlineMs } = ctx;
  const joined = await untilDone(traffic, tally, deadlineMs, () =>
    traffic.send('join', '/api/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: device.code }),
    }),
  );
  if (!joined) return false;
  const link = json(joined) as { token: string; class: { id: string } };
  device.token = link.token;
  device.classId = link.class.id;
  const auth = { authorization: `Bearer ${device.token}` };

  const manifest = await untilDone(traffic, tally, deadlineMs, () =>
    traffic.send('manifest', '/api/pupil/manifest', { headers: auth }),
  );
  if (!manifest) return false;
  device.manifestEtag = typeof manifest.headers.etag === 'string' ? manifest.headers.etag : null;
  device.lessons = (json(manifest) as { lessons: Device['lessons'] }).lessons;

  for (const lesson of device.lessons) {
    const pack = await download(ctx, device, 'pack', lesson.pack);
    if (!pack) return false;
    device.filesReady += 1;
    for (const blob of mediaOf(json(pack))) {
      if (!(await download(ctx, device, 'blob', blob))) return false;
      device.filesReady += 1;
    }
  }

  const status = await untilDone(traffic, tally, deadlineMs, () =>
    traffic.send('device-status', '/api/pupil/device-status', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        lessonsReady: device.lessons.map(({ id, version }) => ({ id, version })),
        storage: { persisted: true },
        lastSyncAt: new Date().toISOString(),
      }),
    }),
  );
  return status !== null;
}

/** The hand-in's body: the answer names the run and the device, so each is findable once. */
function handInBody(ctx: DeviceContext, device: Device): string {
  const lesson = device.lessons.find((l) => l.id === lessonIdOf(device.classId ?? '')) ?? device.lessons[0]!;
  return JSON.stringify({
    id: device.handIn.id,
    lessonId: lesson.id,
    lessonVersion: lesson.version,
    handedInAt: new Date().toISOString(),
    answers: { answer: { kind: 'text', text: `${ctx.runTag} device ${device.index}` } },
  });
}

/** The morning: revalidate the manifest, hand in until acknowledged, and sometimes once more. */
export async function morning(ctx: DeviceContext, device: Device, repeat: boolean): Promise<void> {
  const { traffic, tally, deadlineMs } = ctx;
  if (!device.token || device.lessons.length === 0) return;
  device.handIn.startedAt = traffic.now();
  const auth = { authorization: `Bearer ${device.token}` };
  await untilDone(traffic, tally, deadlineMs, () =>
    traffic.send('manifest', '/api/pupil/manifest', {
      headers: { ...auth, ...(device.manifestEtag ? { 'if-none-match': device.manifestEtag } : {}) },
    }),
  );

  const body = handInBody(ctx, device);
  const put = (kind: 'hand-in' | 'repeat') => () =>
    traffic.send(kind, `/api/pupil/submissions/${device.handIn.id}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
  const delivered = (answer: Answer): Verdict => {
    let parsed: unknown = null;
    try {
      parsed = json(answer);
    } catch {
      // not JSON (a proxy's error page): the classifier treats it as a server fault
    }
    const verdict = classifySend(
      answer.status === 0
        ? { kind: 'networkError', message: 'no answer' }
        : {
            kind: 'response',
            status: answer.status,
            retryAfter:
              typeof answer.headers['retry-after'] === 'string' ? answer.headers['retry-after'] : null,
            body: parsed,
          },
      { nowMs: Date.now(), expectedId: device.handIn.id },
    );
    return verdict.kind === 'delivered' ? 'done' : verdict.kind === 'retry' ? 'retry' : 'refused';
  };

  const ack = await untilDone(traffic, tally, deadlineMs, put('hand-in'), delivered);
  if (!ack) return;
  device.handIn.ackedAt = traffic.now();
  device.handIn.receivedAt = (json(ack) as { receivedAt: string }).receivedAt;

  // A device that lost the acknowledgement sends the same work again: the same answer must come back.
  if (!repeat) return;
  const again = await untilDone(traffic, tally, deadlineMs, put('repeat'), delivered);
  if (again)
    device.repeated =
      (json(again) as { receivedAt: string }).receivedAt === device.handIn.receivedAt ? 'same' : 'different';
}
