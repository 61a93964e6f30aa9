/** A server shedding load (503 + Retry-After) is not hammered, and the work still arrives once. */
import { expect, test } from './support/fixtures.ts';
import { doLessonAndHandIn, workState, joinFirstPupil } from './support/pupil.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

const RETRY_AFTER_SECONDS = 6;
test('a 503 with Retry-After is honoured, then the submission is delivered once', async ({
  server,
  faultProxy: proxy,
  page,
}) => {
  const pupil = await joinFirstPupil(page, server, proxy.origin);

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
