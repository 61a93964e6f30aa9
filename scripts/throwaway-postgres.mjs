// A throwaway PostgreSQL cluster on 127.0.0.1 in a temporary folder, for the tests
// (with-test-postgres.mjs), the academy (npm run academy) and its chaos (stop it, start it again).
// Plain JavaScript so that scripts run by node alone can use it; types in throwaway-postgres.d.mts.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A port nothing listens on now, on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The newest installed PostgreSQL's bin folder, or null. */
export function postgresBin() {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
  return (
    versions
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .filter((dir) => existsSync(`${dir}/postgres`))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .at(-1) ?? null
  );
}

/**
 * Creates and starts a cluster. `durable` keeps fsync on (the bench and the academy measure durable
 * commits; tests run faster without it). `settings` adds `-c name=value` options.
 */
export async function startThrowawayPostgres({ durable = false, settings = [] } = {}) {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is missing: run "sudo apt-get install -y postgresql".');
  const dir = mkdtempSync(path.join(tmpdir(), 'cartable-pg-'));
  const isRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
  const asOwner = (exe, exeArgs) =>
    isRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...exeArgs]] : [exe, exeArgs];
  if (isRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pgCtl = (ctlArgs) => {
    const [exe, exeArgs] = asOwner(`${bin}/pg_ctl`, ['-D', data, ...ctlArgs]);
    execFileSync(exe, exeArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const options = [
    '-c listen_addresses=127.0.0.1',
    `-p ${port}`,
    `-k ${dir}`,
    ...(durable ? [] : ['-c fsync=off']),
    ...settings.map((s) => `-c ${s}`),
  ].join(' ');
  const startArgs = ['-l', path.join(dir, 'log'), '-w', '-o', options, 'start'];
  const start = () => pgCtl(startArgs);
  // The faults run beside live traffic in the same process: they must not block its event loop.
  const pgCtlLater = (ctlArgs) => {
    const [exe, exeArgs] = asOwner(`${bin}/pg_ctl`, ['-D', data, ...ctlArgs]);
    return promisify(execFile)(exe, exeArgs).then(() => undefined);
  };
  try {
    const [exe, exeArgs] = asOwner(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres']);
    execFileSync(exe, exeArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
    start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    /** Starts it again after `halt` (same port, same data); resolves once it accepts connections. */
    start: () => pgCtlLater(startArgs),
    /** Stops it at once, as a crash would (no checkpoint), keeping its data. */
    halt: () => pgCtlLater(['-m', 'immediate', 'stop']),
    /** Stops it and deletes its folder. */
    remove() {
      try {
        pgCtl(['-m', 'immediate', 'stop']);
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
