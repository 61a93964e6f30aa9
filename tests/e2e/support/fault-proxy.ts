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
}

export class FaultProxy {
  readonly log: LoggedRequest[] = [];
  private server: Server | null = null;
  /** Faults by "METHOD /path-prefix". */
  private faults = new Map<string, FaultMode>();
  private hung = new Set<ServerResponse>();

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
    };
    this.log.push(entry);
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
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
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
