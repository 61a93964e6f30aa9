/**
 * The rehearsal's figures from its request records: totals at the cache (what devices sent) and at
 * the origin (what the cache passed on: every request it did not answer itself), per-second series
 * for the charts, latency percentiles, and the recovery peak after each fault against the steady rate.
 */
import type { Device } from './device.ts';
import type { RequestRecord } from './traffic.ts';

/** A fault, in rehearsal milliseconds. */
export interface FaultWindow {
  name: string;
  startMs: number;
  endMs: number;
  /** How long the part was down, as the academy measured it. */
  downMs: number;
}

export interface Second {
  second: number;
  requests: number;
  originRequests: number;
  bytes: number;
  originBytes: number;
  p50ms: number;
  p99ms: number;
  serverErrors: number;
  /** Hand-ins begun and not yet acknowledged at the end of this second. */
  queueDepth: number;
}

export interface Figures {
  requests: number;
  bytes: number;
  originRequests: number;
  originBytes: number;
  peakRequestsPerSecond: number;
  peakOriginRequestsPerSecond: number;
  peakBytesPerSecond: number;
  peakOriginBytesPerSecond: number;
  /** Share of pack and blob downloads the cache answered. */
  cacheHitRatio: number;
  packHitRatio: number;
  serverErrors: number;
  networkErrors: number;
  p50ms: number;
  p99ms: number;
  handInP50ms: number;
  handInP99ms: number;
  /** From the morning's start to the last acknowledgement. */
  drainSeconds: number;
  /** Origin requests per second during the morning, before any fault (median). */
  steadyOriginRate: number;
  recovery: { fault: string; downMs: number; peakOriginRate: number; ofSteady: number }[];
  seconds: Second[];
}

/** Served by the cache itself (the origin never saw it). */
const fromCache = (r: RequestRecord) => r.cache === 'HIT' || r.cache === 'STALE' || r.cache === 'UPDATING';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}
const latencies = (records: RequestRecord[]) => records.map((r) => r.ms).sort((a, b) => a - b);
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
}

/** Per-second series over the whole rehearsal. */
function perSecond(records: RequestRecord[], devices: Device[]): Second[] {
  const last = Math.max(0, ...records.map((r) => r.at + r.ms), ...devices.map((d) => d.handIn.ackedAt ?? 0));
  const seconds: Second[] = [];
  const buckets: RequestRecord[][] = Array.from({ length: Math.ceil(last / 1000) + 1 }, () => []);
  for (const r of records) buckets[Math.floor(r.at / 1000)]!.push(r);
  buckets.forEach((bucket, second) => {
    const end = (second + 1) * 1000;
    const origin = bucket.filter((r) => !fromCache(r));
    const sorted = latencies(bucket);
    seconds.push({
      second,
      requests: bucket.length,
      originRequests: origin.length,
      bytes: bucket.reduce((n, r) => n + r.bytes, 0),
      originBytes: origin.reduce((n, r) => n + r.bytes, 0),
      p50ms: percentile(sorted, 50),
      p99ms: percentile(sorted, 99),
      serverErrors: bucket.filter((r) => r.status >= 500).length,
      queueDepth: devices.filter(
        (d) =>
          d.handIn.startedAt !== null && d.handIn.startedAt < end && (d.handIn.ackedAt ?? Infinity) >= end,
      ).length,
    });
  });
  return seconds;
}

/** Everything the report shows; `morningStartMs` is when the first device's morning could begin. */
export function computeFigures(
  records: RequestRecord[],
  devices: Device[],
  morningStartMs: number,
  faults: FaultWindow[],
): Figures {
  const seconds = perSecond(records, devices);
  const origin = records.filter((r) => !fromCache(r));
  const downloads = records.filter((r) => (r.kind === 'pack' || r.kind === 'blob') && r.status === 200);
  const packs = downloads.filter((r) => r.kind === 'pack');
  const handIns = records.filter((r) => r.kind === 'hand-in');
  const firstSecond = Math.floor(morningStartMs / 1000);
  const firstFault = Math.min(Infinity, ...faults.map((f) => Math.floor(f.startMs / 1000)));
  const lastAck = Math.max(morningStartMs, ...devices.map((d) => d.handIn.ackedAt ?? 0));
  // Steady: whole seconds of the morning before any fault, while hand-ins are still arriving.
  const steady = seconds.filter(
    (s) => s.second > firstSecond && s.second < firstFault && s.second * 1000 < lastAck,
  );
  const steadyOriginRate = median(steady.map((s) => s.originRequests));
  return {
    requests: records.length,
    bytes: records.reduce((n, r) => n + r.bytes, 0),
    originRequests: origin.length,
    originBytes: origin.reduce((n, r) => n + r.bytes, 0),
    peakRequestsPerSecond: Math.max(0, ...seconds.map((s) => s.requests)),
    peakOriginRequestsPerSecond: Math.max(0, ...seconds.map((s) => s.originRequests)),
    peakBytesPerSecond: Math.max(0, ...seconds.map((s) => s.bytes)),
    peakOriginBytesPerSecond: Math.max(0, ...seconds.map((s) => s.originBytes)),
    cacheHitRatio: ratio(downloads.filter(fromCache).length, downloads.length),
    packHitRatio: ratio(packs.filter(fromCache).length, packs.length),
    serverErrors: records.filter((r) => r.status >= 500).length,
    networkErrors: records.filter((r) => r.status === 0).length,
    p50ms: percentile(latencies(records), 50),
    p99ms: percentile(latencies(records), 99),
    handInP50ms: percentile(latencies(handIns), 50),
    handInP99ms: percentile(latencies(handIns), 99),
    drainSeconds: Math.round((lastAck - morningStartMs) / 100) / 10,
    steadyOriginRate,
    recovery: faults.map((f) => {
      // The 15 s after the part came back: the devices that waited come back too.
      const after = seconds.filter(
        (s) => s.second >= Math.floor(f.endMs / 1000) && s.second < f.endMs / 1000 + 15,
      );
      const peak = Math.max(0, ...after.map((s) => s.originRequests));
      return {
        fault: f.name,
        downMs: f.downMs,
        peakOriginRate: peak,
        ofSteady: ratio(peak, steadyOriginRate),
      };
    }),
    seconds,
  };
}
