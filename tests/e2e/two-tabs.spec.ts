/** Two tabs of the same device share one outbox: each submission is delivered exactly once. */
import { expect, test } from './support/fixtures.ts';
import { doLessonAndHandIn, waitForWorkerControl, workState, joinFirstPupil } from './support/pupil.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

test('two tabs hand in while the server is dead; when it returns each submission arrives once', async ({
  server,
  faultProxy: proxy,
  page,
  context,
}) => {
  const pupil = await joinFirstPupil(page, server, proxy.origin);
  const second = await context.newPage();
  await second.goto(`${proxy.origin}/`);
  await waitForWorkerControl(second);

  await server.kill();
  await doLessonAndHandIn(page, 'Partager une pizza');
  await doLessonAndHandIn(second, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');
  await expect(workState(second)).toHaveAttribute('data-work-state', 'waiting');

  await server.start();
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 90_000 });
  await expect(workState(second)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 90_000 });

  // Each UUID reached the server with success exactly once: the lock kept the tabs from racing.
  const delivered = proxy
    .requests('PUT', '/api/pupil/submissions/')
    .filter((r) => r.answered === 201 || r.answered === 200);
  const perSubmission = new Map<string, number>();
  for (const r of delivered) perSubmission.set(r.path, (perSubmission.get(r.path) ?? 0) + 1);
  expect([...perSubmission.values()]).toEqual([1, 1]);
  const received = await teacherSubmissions(server.origin);
  expect(received.map((s) => s.lessonId).sort()).toHaveLength(2);
  expect(new Set(received.map((s) => s.lessonId)).size).toBe(2);
});
