/**
 * Every request a simulated device sends, recorded: when, how long, what came back, how many
 * bytes, and whether the cache in front answered it (nginx's X-Cache header: HIT means the origin
 * never saw it). Built on the bench's keep-alive client (bench/origin-meter.ts).
 */
import { originMeter, type Meter } from '../bench/origin-meter.ts';

/** What a device asked for, by the protocol's names. */
export type RequestKind = 'join' | 'manifest' | 'pack' | 'blob' | 'device-status' | 'hand-in' | 'repeat';

export interface RequestRecord {
  /** Milliseconds since the rehearsal started, when the request was sent. */
  at: number;
  ms: number;
  kind: RequestKind;
  /** 0 for a network error or timeout. */
  status: number;
  bytes: number;
  /** The cache's verdict (HIT, MISS, …), or null where the cache does not look. */
  cache: string | null;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Traffic {
  startedAt: number;
  records: RequestRecord[];
  send(
    kind: RequestKind,
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<Answer>;
  /** Milliseconds since the start. */
  now(): number;
  close(): void;
}

/** No device waits longer than this for one answer before giving up on it and retrying. */
const REQUEST_TIMEOUT_MS = 30_000;

/** A recorder over `sockets` keep-alive connections to `origin`. */
export function recordTraffic(origin: string, sockets: number): Traffic {
  const meter: Meter = originMeter(origin, sockets);
  const startedAt = performance.now();
  const records: RequestRecord[] = [];
  const now = () => performance.now() - startedAt;
  return {
    startedAt,
    records,
    now,
    close: () => meter.close(),
    async send(kind, path, init = {}) {
      const at = now();
      const res = await meter.request(path, { ...init, timeoutMs: REQUEST_TIMEOUT_MS });
      const cache = res.headers['x-cache'];
      records.push({
        at,
        ms: now() - at,
        kind,
        status: res.status,
        bytes: res.bytes,
        cache: typeof cache === 'string' ? cache : null,
      });
      return { status: res.status, headers: res.headers, body: res.body };
    },
  };
}
