/** HTTP requests to the origin, counting what crosses the wire: requests, and bytes of headers and (still compressed) bodies. */
import http from 'node:http';

export interface OriginTally {
  requests: number;
  bytes: number;
  statuses: Record<string, number>;
}

export interface Meter {
  tally: OriginTally;
  request(
    path: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
  ): Promise<{
    status: number;
    headers: http.IncomingHttpHeaders;
    news?: string;
    body: Buffer;
    bytes: number;
  }>;
  close(): void;
}

/** A keep-alive client for one origin; `request` resolves to status and headers once the body is read. */
export function originMeter(origin: string, sockets: number): Meter {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const url = new URL(origin);
  const tally: OriginTally = { requests: 0, bytes: 0, statuses: {} };
  const count = (status: string, bytes: number) => {
    tally.requests += 1;
    tally.bytes += bytes;
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
  };
  return {
    tally,
    close: () => agent.destroy(),
    request(path, init = {}) {
      return new Promise((resolve) => {
        // A connection cut mid-answer (a process killed) reports an error after the headers: count it once.
        let settled = false;
        const failed = () => {
          if (settled) return;
          settled = true;
          count('network-error', 0);
          resolve({ status: 0, headers: {}, body: Buffer.alloc(0), bytes: 0 });
        };
        const req = http.request(
          {
            host: url.hostname,
            port: url.port,
            path,
            method: init.method ?? 'GET',
            headers: init.headers,
            agent,
          },
          (res) => {
            // Status line and headers as sent, approximately: name, ": ", value, CRLF each.
            let bytes = 17 + res.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0);
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => {
              bytes += chunk.byteLength;
              chunks.push(chunk);
            });
            res.on('error', failed);
            res.on('end', () => {
              if (settled) return;
              settled = true;
              count(String(res.statusCode), bytes);
              // The class news is small, plain JSON: read it for the caller.
              let news: string | undefined;
              if (path.startsWith('/api/class-news/') && res.statusCode === 200)
                news = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { news: string }).news;
              const body = Buffer.concat(chunks);
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                ...(news ? { news } : {}),
                body,
                bytes,
              });
            });
          },
        );
        // No answer in time counts as a network error (the rehearsal's devices give up and retry).
        if (init.timeoutMs) req.setTimeout(init.timeoutMs, () => req.destroy(new Error('timeout')));
        req.on('error', failed);
        req.end(init.body);
      });
    },
  };
}

/** Run task(i) for i in [0, total) with at most `concurrency` in flight (bounded by total). */
export async function inParallel(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return (performance.now() - started) / 1000;
}
