/**
 * A rehearsal deployment of real parts on this machine, the way an academy runs Cartable: a
 * throwaway PostgreSQL cluster, N Cartable processes (the compiled server) sharing it, HAProxy
 * balancing them with health checks, and nginx in front caching /packs/, /blobs/ and the class
 * news (the CDN's role). Everything lives in one temporary folder that `stop` deletes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from '../throwaway-postgres.mjs';
import { ServerProcess, type DemoPupil } from '../../tests/e2e/support/server-process.ts';
import { DEMO_TEACHER } from '../../tests/e2e/support/teacher-api.ts';
import { startHaproxy, startNginx, type ProxyProcess } from './proxies.ts';

export interface AcademyOptions {
  /** nginx's port, the academy's address (PORT, default 8080). */
  port: number;
  /** Cartable processes (default 3). */
  processes: number;
  /** Extra environment for every Cartable process. */
  env?: Record<string, string>;
}

export interface Academy {
  /** What devices and teachers open: nginx. */
  url: string;
  /** Where HAProxy listens (behind nginx). */
  balancerUrl: string;
  dir: string;
  postgres: ThrowawayPostgres;
  processes: ServerProcess[];
  /** nginx's access log, one line per request with $upstream_cache_status. */
  accessLog: string;
  demo: { teacher: typeof DEMO_TEACHER; pupils: DemoPupil[] };
  /** SIGKILLs Cartable process `index` (no goodbye) and starts it again on its port; milliseconds it was down. */
  killAndRestart(index: number): Promise<number>;
  /** Stops PostgreSQL at once (as a crash would), waits, starts it again; milliseconds it was down. */
  postgresOutage(seconds: number): Promise<number>;
  /** Stops everything it started and deletes its folder. */
  stop(): Promise<void>;
}

/** Waits until `url` answers 200, or throws (after `ms`, or as soon as the proxy exits) with what it said. */
async function waitForHealth(url: string, ms: number, proxy: ProxyProcess): Promise<void> {
  const deadline = Date.now() + ms;
  const output = proxy.output;
  while (Date.now() < deadline) {
    if (proxy.child.exitCode !== null) throw new Error(`${proxy.name} stopped:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer in ${ms} ms:\n${output()}`);
}

/** Starts the whole academy; on any failure stops what was already started. */
export async function startAcademy({ port, processes: count, env = {} }: AcademyOptions): Promise<Academy> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cartable-academy-'));
  const started: { processes: ServerProcess[]; proxies: ProxyProcess[]; postgres: ThrowawayPostgres | null } =
    {
      processes: [],
      proxies: [],
      postgres: null,
    };
  const stop = async () => {
    try {
      // Bounded: a part that does not go within 10 s must not keep the cluster and the folder behind.
      await Promise.race([
        Promise.allSettled([
          ...started.proxies.map((p) => p.stop()),
          ...started.processes.map((p) => p.dispose()),
        ]),
        new Promise((resolve) => setTimeout(resolve, 10_000).unref()),
      ]);
    } finally {
      started.postgres?.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    // Durable, as production: a hand-in is acknowledged after its commit reached the disk.
    const postgres = await startThrowawayPostgres({ durable: true, settings: ['max_connections=200'] });
    started.postgres = postgres;
    const processEnv = {
      DATABASE_URL: postgres.url,
      // nginx then HAProxy each append the address they saw to X-Forwarded-For.
      CARTABLE_TRUSTED_PROXIES: '2',
      // One demo, seeded by the first process (a loopback HOST allows it).
      CARTABLE_DEMO: '1',
      ...env,
    };
    for (let i = 0; i < count; i++) {
      const server = new ServerProcess(await freePort(), processEnv);
      started.processes.push(server);
      // The first alone: it migrates the database and seeds the demo before the others start.
      if (i === 0) await server.start();
    }
    await Promise.all(started.processes.slice(1).map((p) => p.start()));

    const balancer = `127.0.0.1:${await freePort()}`;
    const haproxy = startHaproxy(
      dir,
      balancer,
      started.processes.map((p) => p.port),
    );
    started.proxies.push(haproxy);
    await waitForHealth(`http://${balancer}/api/health`, 10_000, haproxy);
    const nginx = startNginx(dir, `127.0.0.1:${port}`, balancer);
    started.proxies.push(nginx);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(`${url}/api/health`, 10_000, nginx);

    const pupils = started.processes[0]!.demoPupils().map((p) => ({
      ...p,
      link: `${url}/join#${p.code.replaceAll('-', '')}`,
    }));
    return {
      url,
      balancerUrl: `http://${balancer}`,
      dir,
      postgres,
      processes: started.processes,
      accessLog: path.join(dir, 'access.log'),
      demo: { teacher: DEMO_TEACHER, pupils },
      async killAndRestart(index) {
        const server = started.processes[index];
        if (!server) throw new Error(`no Cartable process ${index}`);
        const down = Date.now();
        await server.kill();
        await server.start();
        return Date.now() - down;
      },
      async postgresOutage(seconds) {
        const down = Date.now();
        await postgres.halt();
        await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
        await postgres.start();
        return Date.now() - down;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
