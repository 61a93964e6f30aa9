// Runs a command with CARTABLE_TEST_DATABASE_URL pointing at a PostgreSQL server, so the
// PostgreSQL tests always run under `npm test`. Uses the URL already set (CI's cluster, a
// developer's server); otherwise starts a throwaway cluster on 127.0.0.1 for the command's
// lifetime and deletes it afterwards, whatever the outcome.
// Usage: node scripts/with-test-postgres.mjs [--durable] <command> [args…]
// --durable keeps the throwaway cluster's fsync on (the bench measures durable commits; tests
// run faster without it).
import { spawn } from 'node:child_process';
import { postgresBin, startThrowawayPostgres } from './throwaway-postgres.mjs';

const durable = process.argv[2] === '--durable';
const [command, ...args] = process.argv.slice(durable ? 3 : 2);
if (!command) throw new Error('usage: with-test-postgres.mjs <command> [args…]');

function run(env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env, shell: false });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.env.CARTABLE_TEST_DATABASE_URL) process.exit(await run(process.env));

if (!postgresBin()) {
  console.error(
    'PostgreSQL is missing: run "sudo apt-get install -y postgresql" (or set CARTABLE_TEST_DATABASE_URL).',
  );
  process.exit(1);
}

const cluster = await startThrowawayPostgres({ durable });
let code = 1;
try {
  console.log(`PostgreSQL test cluster on 127.0.0.1:${cluster.port}`);
  code = await run({ ...process.env, CARTABLE_TEST_DATABASE_URL: cluster.url });
} finally {
  cluster.remove();
}
process.exit(code);
