/**
 * A reverse proxy in front of the real server that can misbehave on purpose:
 * answer 503 + Retry-After, or accept a request and never answer (a hung server).
 * It logs every request with its time so tests can check when retries happened.
 * Listens on 127.0.0.1 only.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type FaultMode =
  { kind: 'pass' } | { kind: 'unavailable'; retryAfterSeconds: number } | { kind: 'hang' };

export interface LoggedRequest {
  method: string;
  path: string;
  at: number;
  answered: number | 'hung' | 'error';
  /** The Range header, if any (resumed downloads). */
  range: string | null;
  /** Body bytes passed on to the browser. */
  bytes: number;
  /** Request line and headers as the browser sent them, and status line and headers of the answer (approximate). */
  headerBytes: number;
}

/** Bytes of a start line and raw headers on the wire: name, ": ", value, CRLF each, and the blank line. */
function headBytes(startLine: string, rawHeaders: string[]): number {
  let bytes = Buffer.byteLength(startLine) + 4;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2)
    bytes += Buffer.byteLength(rawHeaders[i]!) + Buffer.byteLength(rawHeaders[i + 1]!) + 4;
  return bytes;
}

/** Call `run` once, when this many body bytes of matching responses have been passed on. */
interface ByteTrigger {
  pathPrefix: string;
  atBytes: number;
  run: () => void;
  passed: number;
}

export class FaultProxy {
  readonly log: LoggedRequest[] = [];
  private server: Server | null = null;
  /** Faults by "METHOD /path-prefix". */
  private faults = new Map<string, FaultMode>();
  private hung = new Set<ServerResponse>();
  private triggers: ByteTrigger[] = [];
  /** Responses being passed on right now. */
  private inFlight = new Set<ServerResponse>();
  private requestTriggers: { method: string; pathPrefix: string; left: number; run: () => void }[] = [];
  /** Bytes per second for GET responses under a path prefix (a slow link). */
  private throttles = new Map<string, number>();

  constructor(
    readonly port: number,
    private readonly upstreamPort: number,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Misbehave for requests matching method and path prefix; `pass` clears it. */
  setFault(method: string, pathPrefix: string, mode: FaultMode): void {
    const key = `${method} ${pathPrefix}`;
    if (mode.kind === 'pass') this.faults.delete(key);
    else this.faults.set(key, mode);
  }

  /**
   * Break every answer in progress, as a dying machine does: bytes still buffered
   * between the server and the proxy are lost instead of trickling out afterwards.
   */
  dropConnections(): void {
    for (const res of this.inFlight) res.destroy();
    this.inFlight.clear();
  }

  /** Slow down GET responses under `pathPrefix` to about `bytesPerSecond`; 0 removes it. */
  throttle(pathPrefix: string, bytesPerSecond: number): void {
    if (bytesPerSecond > 0) this.throttles.set(pathPrefix, bytesPerSecond);
    else this.throttles.delete(pathPrefix);
  }

  /** Run `run` once `atBytes` body bytes of responses under `pathPrefix` have gone through (from now). */
  whenBytes(pathPrefix: string, atBytes: number, run: () => void): void {
    this.triggers.push({ pathPrefix, atBytes, run, passed: 0 });
  }

  /** Run `run` once `count` more requests matching method and path prefix have arrived. */
  whenRequests(method: string, pathPrefix: string, count: number, run: () => void): void {
    this.requestTriggers.push({ method, pathPrefix, left: count, run });
  }

  requests(method: string, pathPrefix: string): LoggedRequest[] {
    return this.log.filter((r) => r.method === method && r.path.startsWith(pathPrefix));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  private faultFor(req: IncomingMessage): FaultMode | undefined {
    for (const [key, mode] of this.faults) {
      const [method, prefix] = key.split(' ') as [string, string];
      if (req.method === method && (req.url ?? '').startsWith(prefix)) return mode;
    }
    return undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const entry: LoggedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      at: Date.now(),
      answered: 'error',
      range: typeof req.headers.range === 'string' ? req.headers.range : null,
      bytes: 0,
      headerBytes: headBytes(`${req.method} ${req.url} HTTP/${req.httpVersion}`, req.rawHeaders),
    };
    this.log.push(entry);
    for (const trigger of this.requestTriggers) {
      if (trigger.method !== entry.method || !entry.path.startsWith(trigger.pathPrefix)) continue;
      trigger.left -= 1;
      if (trigger.left === 0) {
        this.requestTriggers = this.requestTriggers.filter((t) => t !== trigger);
        trigger.run();
      }
    }
    const fault = this.faultFor(req);
    if (fault?.kind === 'unavailable') {
      req.resume();
      entry.answered = 503;
      res.writeHead(503, {
        'content-type': 'application/json',
        'retry-after': String(fault.retryAfterSeconds),
      });
      res.end(JSON.stringify({ error: 'busy', message: 'Server busy (test fault).' }));
      return;
    }
    if (fault?.kind === 'hang') {
      req.resume();
      entry.answered = 'hung';
      this.hung.add(res);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        entry.answered = up.statusCode ?? 0;
        entry.headerBytes += headBytes(`HTTP/1.1 ${up.statusCode} ${up.statusMessage ?? ''}`, up.rawHeaders);
        res.writeHead(up.statusCode ?? 502, up.headers);
        this.inFlight.add(res);
        res.on('close', () => this.inFlight.delete(res));
        const path = req.url ?? '/';
        const rate = [...this.throttles].find(([prefix]) => path.startsWith(prefix))?.[1];
        up.on('data', (chunk: Buffer) => {
          // The browser's side is gone: stop reading from the server too.
          if (res.destroyed) return void up.destroy();
          entry.bytes += chunk.byteLength;
          res.write(chunk);
          for (const trigger of this.triggers.filter((t) => path.startsWith(t.pathPrefix))) {
            trigger.passed += chunk.byteLength;
            if (trigger.passed >= trigger.atBytes) {
              this.triggers = this.triggers.filter((t) => t !== trigger);
              trigger.run();
            }
          }
          if (rate) {
            up.pause();
            setTimeout(() => up.resume(), (chunk.byteLength / rate) * 1000);
          }
        });
        up.on('end', () => res.end());
        // The server died mid-answer: break the connection, as the browser would see it.
        up.on('close', () => {
          if (!up.complete) res.destroy();
        });
      },
    );
    // Upstream dead: drop the connection, as a dead server would look to the browser.
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  async stop(): Promise<void> {
    for (const res of this.hung) res.destroy();
    this.hung.clear();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
