/**
 * One rehearsal, start to finish: classes ready through the teacher's API; N devices join and
 * download ahead (the evening before); then their morning, spread over the window, with the faults
 * when asked (a Cartable process SIGKILLed and restarted at 30 % of the window, PostgreSQL stopped
 * for 10 s at 60 %); then the count through the teacher's API and the figures. Bounded: every
 * device stops trying at a deadline, whatever the deployment does.
 */
import { inParallel } from '../bench/origin-meter.ts';
import type { Faults } from '../scripts/academy/control.ts';
import { prepareClasses, teacherApi } from './classes.ts';
import { eveningBefore, morning, newDevice, type DeviceContext } from './device.ts';
import { computeFigures, type FaultWindow, type Figures } from './figures.ts';
import { emptyTally, type RetryTally } from './retry.ts';
import { recordTraffic } from './traffic.ts';
import { checkExactlyOnce, type ExactlyOnce } from './verify.ts';

export interface RehearsalPlan {
  url: string;
  pupils: number;
  windowSeconds: number;
  teacher: { email: string; password: string };
  /** The academy's faults; `postgres: false` leaves the database alone (the quick test). */
  faults?: { control: Faults; postgres: boolean };
  log?: (line: string) => void;
}

export interface Check {
  name: string;
  ok: boolean;
  value: number;
  required: string;
}

export interface RehearsalResult {
  url: string;
  date: string;
  runTag: string;
  pupils: number;
  windowSeconds: number;
  classes: number;
  devicesReady: number;
  corruptDownloads: number;
  retries: RetryTally;
  exactlyOnce: ExactlyOnce;
  faults: FaultWindow[];
  figures: Figures;
  /** Each device's hand-in: its UUID and whether the device heard it acknowledged. */
  handIns: { device: number; id: string; acknowledged: boolean }[];
  checks: Check[];
}

/** Downloads at once the evening before; the rest wait their turn, as devices syncing through an evening. */
const EVENING_CONCURRENCY = 48;
/** Connections the devices share (the load generator's own bound). */
const SOCKETS = 128;
/** After the window, how long devices keep trying before the rehearsal counts them undelivered. */
const DRAIN_ALLOWANCE_MS = 120_000;
const EVENING_LIMIT_MS = 600_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function faultAt(
  at: number,
  name: string,
  cause: () => Promise<number>,
  traffic: { now(): number },
): Promise<FaultWindow> {
  await sleep(Math.max(0, at - traffic.now()));
  const startMs = traffic.now();
  const downMs = await cause();
  return { name, startMs, endMs: traffic.now(), downMs };
}

function checksOf(result: Omit<RehearsalResult, 'checks'>): Check[] {
  const { exactlyOnce: once, retries, figures } = result;
  const zero = (name: string, value: number): Check => ({ name, ok: value === 0, value, required: '0' });
  return [
    {
      name: 'devices ready the evening before',
      ok: result.devicesReady === result.pupils,
      value: result.devicesReady,
      required: `${result.pupils}`,
    },
    zero('downloads not matching their SHA-256', result.corruptDownloads),
    zero('hand-ins lost', once.lost),
    zero('hand-ins duplicated', once.duplicated),
    zero('hand-ins never acknowledged', once.undelivered),
    zero('repeats answered differently', once.repeatsDisagreeing),
    zero('retries before Retry-After', retries.earlyRetries),
    zero('5xx or network errors never retried past', retries.gaveUp),
    ...figures.recovery.map((r) => ({
      name: `recovery peak after ${r.fault} (× steady origin rate)`,
      ok: r.ofSteady <= 2,
      value: r.ofSteady,
      required: '≤ 2',
    })),
  ];
}

/** Runs the rehearsal against `plan.url`; resolves with everything measured. */
export async function rehearse(plan: RehearsalPlan): Promise<RehearsalResult> {
  const log = plan.log ?? (() => {});
  const runTag = `rehearsal-${new Date().toISOString()}`;
  const api = await teacherApi(plan.url, plan.teacher);
  const classes = await prepareClasses(api, plan.pupils);
  log(`${classes.length} classes ready with the lesson published; ${plan.pupils} devices join and download…`);

  const traffic = recordTraffic(plan.url, SOCKETS);
  const tally = emptyTally();
  const devices = classes.flatMap((c) => c.codes).map((code, i) => newDevice(i, code));
  const evening: DeviceContext = { traffic, tally, runTag, deadlineMs: traffic.now() + EVENING_LIMIT_MS };
  let ready = 0;
  await inParallel(devices.length, EVENING_CONCURRENCY, async (i) => {
    if (await eveningBefore(evening, devices[i]!)) ready += 1;
  });
  log(
    `${ready} devices ready offline after ${Math.round(traffic.now() / 1000)} s; the morning rush (${plan.windowSeconds} s)…`,
  );

  const morningStartMs = traffic.now();
  const windowMs = plan.windowSeconds * 1000;
  const ctx: DeviceContext = { ...evening, deadlineMs: morningStartMs + windowMs + DRAIN_ALLOWANCE_MS };
  const faults: Promise<FaultWindow>[] = [];
  const control = plan.faults?.control;
  if (control) {
    const victim = Math.min(1, control.processCount - 1);
    faults.push(
      faultAt(
        morningStartMs + 0.3 * windowMs,
        `Cartable process ${victim + 1} SIGKILLed`,
        () => control.killAndRestart(victim),
        traffic,
      ),
    );
    if (plan.faults?.postgres)
      faults.push(
        faultAt(
          morningStartMs + 0.6 * windowMs,
          'PostgreSQL stopped 10 s',
          () => control.postgresOutage(10),
          traffic,
        ),
      );
  }
  await Promise.all([
    ...devices.map(async (device, i) => {
      await sleep(Math.random() * windowMs);
      // One device in ten lost its acknowledgement and sends the same work again.
      await morning(ctx, device, i % 10 === 0);
    }),
    ...faults,
  ]);
  const faultWindows = await Promise.all(faults);
  traffic.close();
  log(
    `Rush over after ${Math.round((traffic.now() - morningStartMs) / 1000)} s; counting hand-ins through the teacher's API…`,
  );

  const exactlyOnce = await checkExactlyOnce(api, classes, devices, runTag);
  const result = {
    url: plan.url,
    date: new Date().toISOString(),
    runTag,
    pupils: plan.pupils,
    windowSeconds: plan.windowSeconds,
    classes: classes.length,
    devicesReady: ready,
    corruptDownloads: devices.reduce((n, d) => n + d.corrupt, 0),
    retries: tally,
    exactlyOnce,
    faults: faultWindows,
    figures: computeFigures(traffic.records, devices, morningStartMs, faultWindows),
    handIns: devices.map((d) => ({
      device: d.index,
      id: d.handIn.id,
      acknowledged: d.handIn.ackedAt !== null,
    })),
  };
  return { ...result, checks: checksOf(result) };
}
