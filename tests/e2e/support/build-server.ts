/**
 * Playwright's and Vitest's global setup: the e2e tests (and the server tests that start a process) run the compiled server (dist-server/), as production
 * does, so it is rebuilt first when it is missing or older than the sources (a no-op after
 * `npm run build`, which `npm test` runs).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function buildServer(): void {
  execFileSync(
    process.execPath,
    [join(import.meta.dirname, '../../../scripts/build-server.mjs'), '--if-stale'],
    {
      stdio: 'inherit',
    },
  );
}
