/** A lesson published for tomorrow 08:30 is on the device but locked; it opens on time with no network. */
import { expect, test } from './support/fixtures.ts';
import { lessonCard, joinFirstPupil, schoolClock } from './support/pupil.ts';

test('an upcoming lesson is downloaded but locked, and opens at its time with the server dead', async ({
  server,
  page,
}) => {
  const pupil = await joinFirstPupil(page, server);

  const upcoming = page.getByRole('region', { name: 'À venir' });
  const card = lessonCard(page, 'Le Corbeau et le Renard');
  // Among the upcoming lessons (the demo sequence's séances open from the next school day too).
  await expect(upcoming.locator('.lesson-card', { hasText: 'Le Corbeau et le Renard' })).toHaveCount(1);
  await expect(card.locator('[data-download-state]')).toHaveAttribute('data-download-state', 'ready');
  await expect(card.getByRole('link')).toHaveCount(0);
  const availableFrom = await card.getAttribute('data-available-from');
  expect(availableFrom).toBeTruthy();
  // The server runs in the school's time zone (Europe/Paris here): tomorrow at 08:30 there.
  expect(schoolClock(Date.parse(availableFrom!))).toBe('08:30');
  await expect(card).toContainText('08:30');

  await server.kill();
  await page.clock.install({ time: new Date(Date.parse(availableFrom!) + 60_000) });
  await page.reload();

  const today = page.getByRole('region', { name: 'À faire' });
  await expect(today.locator('.lesson-card')).toContainText(['Le Corbeau et le Renard']);
  await lessonCard(page, 'Le Corbeau et le Renard').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le Corbeau et le Renard' })).toBeVisible();
  await expect(page.locator('.step')).toBeVisible();
});
