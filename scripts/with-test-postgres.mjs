// Runs a command with CARTABLE_TEST_DATABASE_URL pointing at a PostgreSQL server, so the
// PostgreSQL tests always run under `npm test`. Uses the URL already set (CI's cluster, a
// developer's server); otherwise starts a throwaway cluster on 127.0.0.1 for the command's
// lifetime and deletes it afterwards, whatever the outcome.
// Usage: node scripts/with-test-postgres.mjs [--durable] <command> [args…]
// --durable keeps the throwaway cluster's fsync on (the bench measures durable commits; tests
// run faster without it).
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const durable = process.argv[2] === '--durable';
const [command, ...args] = process.argv.slice(durable ? 3 : 2);
if (!command) throw new Error('usage: with-test-postgres.mjs <command> [args…]');

function run(env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

if (process.env.CARTABLE_TEST_DATABASE_URL) process.exit(await run(process.env));

const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql') : [];
const bin = versions
  .map((v) => `/usr/lib/postgresql/${v}/bin`)
  .filter((dir) => existsSync(`${dir}/postgres`))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
  .at(-1);
if (!bin) {
  console.error('PostgreSQL is missing: run "sudo apt-get install -y postgresql" (or set CARTABLE_TEST_DATABASE_URL).');
  process.exit(1);
}

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
let code = 1;
try {
  const [exe, exeArgs] = asOwner(`${bin}/initdb`, ['-D', data, '-A', 'trust', '-U', 'postgres']);
  execFileSync(exe, exeArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
  pgCtl(['-l', path.join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${durable ? '' : ' -c fsync=off'}`, 'start']);
  console.log(`PostgreSQL test cluster on 127.0.0.1:${port}`);
  code = await run({ ...process.env, CARTABLE_TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` });
} finally {
  try {
    pgCtl(['-m', 'immediate', 'stop']);
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
