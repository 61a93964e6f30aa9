/** "Oui, je rends" clicked twice (or more) hands the lesson in once: one row on the server. */
import { expect, test } from './support/fixtures.ts';
import { answerCurrentStep, lessonCard, walkSteps, workState, joinFirstPupil } from './support/pupil.ts';
import { teacherSubmissions } from './support/teacher-api.ts';

test('a double click on the confirm button creates one submission', async ({ server, page }) => {
  const pupil = await joinFirstPupil(page, server);
  const title = 'Partager une pizza';
  await lessonCard(page, title).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await walkSteps(page, () => answerCurrentStep(page));
  await page.getByRole('button', { name: 'Rendre mon travail' }).click();
  await page.getByRole('button', { name: 'Oui, je rends' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 60_000 });

  const counts = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('cartable');
        open.onsuccess = () => {
          const req = open.result.transaction('handedIn').objectStore('handedIn').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
  expect(counts).toBe(1);
  const received = await teacherSubmissions(server.origin);
  expect(received.filter((s) => s.pupil.name === pupil.name)).toHaveLength(1);
});
