/**
 * How a rehearsal reaches a running academy for its faults (`npm run rehearse -- --chaos`): the
 * academy writes a small control file, <tmp>/cartable-academy-<port>.json, naming a Unix socket in
 * its folder; POST /kill-process?index=N and POST /postgres-outage?seconds=S on that socket do the
 * fault and answer once it is over, with how long the part was down. Only this machine's users
 * who can read the temporary folder can reach it; the file goes when the academy stops.
 */
import { createServer, request, type Server } from 'node:http';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Academy } from './academy.ts';

/** What the control file says. */
export interface AcademyControl {
  url: string;
  socket: string;
  /** The academy's own pid and its parts', for a reader who wants to look. */
  pid: number;
  processes: { port: number }[];
  postgresPort: number;
  accessLog: string;
}

/** The faults a rehearsal can cause, wherever they are carried out. */
export interface Faults {
  killAndRestart(index: number): Promise<number>;
  postgresOutage(seconds: number): Promise<number>;
  processCount: number;
  /** nginx's access log, when the academy is on this machine. */
  accessLog?: string;
}

/** Where the academy listening on `port` writes its control file. */
export function controlFilePath(port: number): string {
  return path.join(tmpdir(), `cartable-academy-${port}.json`);
}

/** Serves the faults on a Unix socket and writes the control file; the returned function undoes both. */
export async function serveControl(academy: Academy, port: number): Promise<() => Promise<void>> {
  const socket = path.join(academy.dir, 'control.sock');
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://academy');
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const number = (name: string) => Number(url.searchParams.get(name));
    let fault: Promise<number> | null = null;
    if (req.method === 'POST' && url.pathname === '/kill-process')
      fault = academy.killAndRestart(number('index'));
    if (req.method === 'POST' && url.pathname === '/postgres-outage') {
      const seconds = number('seconds');
      if (Number.isFinite(seconds) && seconds > 0 && seconds <= 120) fault = academy.postgresOutage(seconds);
    }
    if (!fault) return answer(404, { error: 'unknown fault' });
    fault.then(
      (downMs) => answer(200, { downMs }),
      (error: unknown) => answer(500, { error: String(error) }),
    );
  });
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  const file = controlFilePath(port);
  const control: AcademyControl = {
    url: academy.url,
    socket,
    pid: process.pid,
    processes: academy.processes.map((p) => ({ port: p.port })),
    postgresPort: academy.postgres.port,
    accessLog: academy.accessLog,
  };
  writeFileSync(file, JSON.stringify(control, null, 2));
  return async () => {
    rmSync(file, { force: true });
    await new Promise((resolve) => server.close(resolve));
  };
}

function post(socket: string, pathAndQuery: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: socket, path: pathAndQuery, method: 'POST' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => {
        const parsed = JSON.parse(body) as { downMs?: number; error?: string };
        if (res.statusCode === 200 && typeof parsed.downMs === 'number') resolve(parsed.downMs);
        else reject(new Error(`academy control ${pathAndQuery}: ${parsed.error ?? res.statusCode}`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The faults of the academy whose control file is `file`. */
export function faultsFromControlFile(file: string): Faults & { control: AcademyControl } {
  const control = JSON.parse(readFileSync(file, 'utf8')) as AcademyControl;
  return {
    control,
    processCount: control.processes.length,
    accessLog: control.accessLog,
    killAndRestart: (index) => post(control.socket, `/kill-process?index=${index}`),
    postgresOutage: (seconds) => post(control.socket, `/postgres-outage?seconds=${seconds}`),
  };
}
