/**
 * A fixed-duration load with autocannon (a lean HTTP/1.1 client, so the figures are the
 * server's and not the load generator's), as the issue measured: `connections` kept busy
 * for `seconds`, latency percentiles from autocannon's histogram. Bounded by the duration.
 */
import autocannon from 'autocannon';

export interface CannonResult {
  perSecond: number;
  p50ms: number;
  p99ms: number;
  maxMs: number;
  requests: number;
  /** Answers by status class or kind; anything but the expected one is a failure. */
  statuses: Record<string, number>;
}

export interface CannonOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Builds each request; called once per request sent. */
  request: () => {
    method: 'GET' | 'PUT' | 'POST';
    path: string;
    headers: Record<string, string>;
    body?: string;
  };
}

export async function cannon({ url, connections, seconds, request }: CannonOptions): Promise<CannonResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    // Each request is built afresh (a new submission id, another device's token).
    requests: [{ setupRequest: (req) => ({ ...req, ...request() }) }],
  });
  const statuses: Record<string, number> = {};
  const add = (key: string, n: number) => {
    if (n > 0) statuses[key] = (statuses[key] ?? 0) + n;
  };
  for (const key of ['1xx', '2xx', '3xx', '4xx', '5xx'] as const) add(key, result[key]);
  add('errors', result.errors);
  add('timeouts', result.timeouts);
  return {
    perSecond: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: result.requests.total,
    statuses,
  };
}

/** Medians over rounds, figure by figure (as the issue measured): one noisy round neither makes nor breaks a figure. */
export function medians(rounds: CannonResult[]): CannonResult & { rounds: CannonResult[] } {
  const median = (pick: (r: CannonResult) => number) => {
    const sorted = rounds.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const statuses: Record<string, number> = {};
  for (const r of rounds)
    for (const [key, n] of Object.entries(r.statuses)) statuses[key] = (statuses[key] ?? 0) + n;
  return {
    perSecond: median((r) => r.perSecond),
    p50ms: median((r) => r.p50ms),
    p99ms: median((r) => r.p99ms),
    maxMs: Math.max(...rounds.map((r) => r.maxMs)),
    requests: rounds.reduce((sum, r) => sum + r.requests, 0),
    statuses,
    rounds,
  };
}
