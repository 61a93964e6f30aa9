// Makes sure the system packages the tests drive for real are there (Debian's Chromium, PostgreSQL,
// strace, which counts the server's fsyncs, HAProxy and nginx for the academy),
// installing them with apt-get when running as root, and otherwise stopping with the one command to
// run. The tests that need them are never skipped silently.
// Usage: node scripts/ensure-system.mjs [chromium] [postgresql] …   (no argument: all of them)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** What each package provides, as a test would look for it. */
const PACKAGES = {
  chromium: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  postgresql: () =>
    Boolean(process.env.CARTABLE_TEST_DATABASE_URL) ||
    (existsSync('/usr/lib/postgresql') &&
      readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/postgres`))),
  strace: () => existsSync('/usr/bin/strace'),
  // The academy's balancer and cache (npm run academy, its rehearsal test).
  haproxy: () => existsSync('/usr/sbin/haproxy'),
  nginx: () => existsSync('/usr/sbin/nginx'),
};

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(PACKAGES);
const missing = wanted.filter((name) => {
  if (!(name in PACKAGES)) throw new Error(`ensure-system: unknown package ${name}`);
  return !PACKAGES[name]();
});
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (
  isRoot &&
  existsSync('/usr/bin/apt-get') &&
  !(missing.includes('chromium') && process.env.CHROMIUM_PATH)
) {
  console.log(`Installing ${missing.join(', ')} with apt-get (the tests drive them for real)…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const still = missing.filter((name) => !PACKAGES[name]());
  if (still.length === 0) process.exit(0);
  console.error(`apt-get ran, but ${still.join(', ')} still cannot be found.`);
  process.exit(1);
}
console.error(
  `Missing ${missing.join(', ')}: run "sudo apt-get install -y ${missing.join(' ')}", then npm test again.`,
);
process.exit(1);
