/** A server shedding load (503 + Retry-After) is not hammered, and the work still arrives once. */
import { expect, test } from './support/fixtures.ts';
import { doLessonAndHandIn, joinAndDownload, workState } from './support/pupil.ts';
import type { FaultProxy } from './support/fault-proxy.ts';
import type { ServerProcess } from './support/server-process.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

const RETRY_AFTER_SECONDS = 6;
let server: ServerProcess;
let proxy: FaultProxy;

// The test's own server, and a fault proxy in front of it (fixtures.ts): both stopped after it.
test.beforeEach(({ server: started, faultProxy }) => {
  server = started;
  proxy = faultProxy;
});

test('a 503 with Retry-After is honoured, then the submission is delivered once', async ({ page }) => {
  const [pupil] = server.demoPupils();
  await joinAndDownload(page, proxy.origin, pupil!);

  proxy.setFault('PUT', '/api/pupil/submissions/', {
    kind: 'unavailable',
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect.poll(() => proxy.requests('PUT', '/api/pupil/submissions/').length).toBeGreaterThan(0);
  const first = proxy.requests('PUT', '/api/pupil/submissions/')[0]!;
  expect(first.answered).toBe(503);
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');

  // The server recovers before Retry-After has elapsed: the device must still wait for it.
  await page.waitForTimeout(2_000);
  proxy.setFault('PUT', '/api/pupil/submissions/', { kind: 'pass' });
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 60_000 });

  const attempts = proxy.requests('PUT', '/api/pupil/submissions/');
  for (const retry of attempts.slice(1)) {
    expect(retry.at - first.at).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 - 50);
  }
  expect(attempts.filter((a) => a.answered === 201)).toHaveLength(1);
  expect(await teacherSubmissions(server.origin)).toHaveLength(1);
});
