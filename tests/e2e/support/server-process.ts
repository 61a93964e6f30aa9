/**
 * The real Cartable server as a child process — the compiled build production runs
 * (node dist-server/server/main.js, no TypeScript loader) — started on 127.0.0.1 with its own
 * data folder, killed with SIGKILL (no goodbye, like a crashed machine), and
 * restarted on the same port and data so the origin — and the service worker — stay the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
/** What `npm run serve` starts (`npm run build:server` writes it; Playwright's global setup rebuilds it when stale). */
export const SERVER_ENTRY = join(ROOT, 'dist-server/server/main.js');

export interface DemoPupil {
  name: string;
  code: string;
  link: string;
}

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export class ServerProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'cartable-e2e-'));
  private child: ChildProcess | null = null;
  output = '';

  constructor(
    readonly port: number,
    private readonly env: Record<string, string> = {},
    /** A command the server runs under (e.g. strace and its options); none by default. */
    private readonly launcher: string[] = [],
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Start and wait until /api/health answers. */
  async start(): Promise<void> {
    if (!existsSync(SERVER_ENTRY))
      throw new Error(`${SERVER_ENTRY} is missing: run npm run build:server first`);
    const node = [process.execPath, SERVER_ENTRY];
    const [command, ...args] = [...this.launcher, ...node] as [string, ...string[]];
    const child = spawn(command, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        // The school's time zone: demo lessons open at 08:30 there.
        TZ: 'Europe/Paris',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a kill reaches anything it spawned.
      detached: true,
    });
    this.child = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited early:\n${this.output}`);
      try {
        const res = await fetch(`${this.origin}/api/health`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`server did not start:\n${this.output}`);
  }

  /** SIGKILL the whole process group and wait until the port refuses connections. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    if (child.exitCode === null) await exited;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.start();
  }

  /** The demo pupils as `npm start` prints them: name, code and join link. */
  demoPupils(): DemoPupil[] {
    const pupils: DemoPupil[] = [];
    for (const line of this.output.split('\n')) {
      const match = /^\s*(.+?)\s{2,}([A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3})\s+(\S+\/join#[A-Z0-9]+)\s*$/.exec(
        line,
      );
      if (match) pupils.push({ name: match[1]!, code: match[2]!, link: match[3]! });
    }
    return pupils.filter((p, i) => pupils.findIndex((q) => q.code === p.code) === i);
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
