/**
 * A sequence end to end on the demo school: the teacher sees its dates before publishing and
 * publishes it from the sequence screen with the class's result and the follow line; a pupil's
 * device lists each séance under its sequence, ready offline, and only what the pupil is
 * assigned; with the server SIGKILLed, the page clock moves day by day and each séance opens on
 * its day at 08:30 school time.
 */
import { expect, test } from './support/fixtures.ts';
import { joinAndDownload, lessonCard, openingTimes, schoolClock } from './support/pupil.ts';
import { DEMO_CLASS, signInAsTeacher } from './support/teacher.ts';

const SEANCES = [
  'Comparer des fractions',
  'Additionner des fractions',
  'Placer des fractions sur une droite',
];
const ADAPTED = 'Les fractions — version adaptée';

test('the teacher publishes the sequence with its dates shown first and sees the result and the follow line', async ({
  server,
  page,
}) => {
  await signInAsTeacher(page, server.origin);
  await page.getByRole('link', { name: DEMO_CLASS }).click();
  await page.getByRole('link', { name: 'Séquences' }).click();
  await expect(page.locator('[data-screen="teacher-sequences"]')).toBeVisible();
  await page.getByRole('link', { name: 'Les fractions' }).click();
  await expect(page.locator('[data-screen="teacher-sequence"]')).toBeVisible();
  await expect(page.locator('.seance-list li')).toHaveText(SEANCES.map((t) => new RegExp(t)));
  // Every séance's dates are on screen before publishing, 08:30 school time.
  for (const n of [1, 2, 3]) {
    const opens = page.getByRole('group', { name: new RegExp(`^Séance ${n} : .* ouverture`) });
    await expect(opens.getByLabel('Heure')).toHaveValue('08:30');
  }
  // A date moved into the past is refused next to its field, and publishing waits for a fix.
  const first = page.getByRole('group', { name: /^Séance 1 : .* ouverture/ });
  const dateBefore = await first.getByLabel('Date').inputValue();
  await first.getByLabel('Date').fill('2020-01-06');
  await expect(page.getByText('Cette séance ouvrirait dans le passé')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publier' })).toBeDisabled();
  await first.getByLabel('Date').fill(dateBefore);
  await expect(page.getByRole('button', { name: 'Publier' })).toBeEnabled();

  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.locator('[data-class-result="published"]')).toContainText('3 séances publiées');
  await expect(page.getByTestId('follow-line')).toHaveText(
    '0 élève sur 3 a toute la séquence sur son appareil',
  );
});

test('a pupil sees each séance under its sequence, ready offline, and each opens on its day at 08:30 with the server dead', async ({
  server,
  page,
}) => {
  const [lea] = server.demoPupils();
  await joinAndDownload(page, server.origin, lea!);
  for (const [i, title] of SEANCES.entries()) {
    const card = lessonCard(page, title);
    await expect(card.getByTestId('sequence-line')).toHaveText(`Les fractions — séance ${i + 1} sur 3`);
    await expect(card.locator('[data-download-state]')).toHaveAttribute('data-download-state', 'ready');
  }
  // The adapted lesson is Inès's only.
  await expect(page.locator('.lesson-card', { hasText: ADAPTED })).toHaveCount(0);
  await expect(page.getByTestId('week-view')).toBeVisible();

  const opening = await openingTimes(page, SEANCES);
  expect(opening.map(schoolClock)).toEqual(['08:30', '08:30', '08:30']);

  await server.kill();
  await page.clock.install({ time: new Date(opening[0]! - 60 * 60_000) });
  for (const [i, title] of SEANCES.entries()) {
    // An hour before: still locked. A minute after 08:30: open, with no network.
    await page.clock.setFixedTime(new Date(opening[i]! - 60 * 60_000));
    await page.reload();
    await expect(lessonCard(page, title).getByRole('link')).toHaveCount(0);
    await page.clock.setFixedTime(new Date(opening[i]! + 60_000));
    await page.reload();
    await expect(lessonCard(page, title).getByRole('link')).toBeVisible();
    for (const later of SEANCES.slice(i + 1))
      await expect(lessonCard(page, later).getByRole('link')).toHaveCount(0);
  }
});

test('the pupil the adapted lesson is assigned to has it, the others do not', async ({ server, page }) => {
  const ines = server.demoPupils()[2]!;
  await joinAndDownload(page, server.origin, ines);
  await expect(lessonCard(page, ADAPTED).locator('[data-download-state]')).toHaveAttribute(
    'data-download-state',
    'ready',
  );
});
