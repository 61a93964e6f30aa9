/** "Oui, je rends" clicked twice (or more) hands the lesson in once: one row on the server. */
import { expect, test } from './support/fixtures.ts';
import { deviceRecords, doLessonAndHandIn, joinFirstPupil, workState } from './support/pupil.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

test('a double click on the confirm button creates one submission', async ({ server, page }) => {
  const pupil = await joinFirstPupil(page, server);
  await doLessonAndHandIn(page, 'Partager une pizza', 'dblclick');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 60_000 });

  expect((await deviceRecords(page)).handedIn).toBe(1);
  const received = await teacherSubmissions(server.origin);
  expect(received.filter((s) => s.pupil.name === pupil.name)).toHaveLength(1);
});
