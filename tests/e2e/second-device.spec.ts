/**
 * A second device shows handed-in work as handed in (issue 10, point 2): Léa hands a lesson in
 * on one device, the teacher answers, Léa links a second device with her code, and there the
 * lesson reads "Rendu", says it was handed in from another device, and shows the feedback.
 */
import { expect, test } from './support/fixtures.ts';
import { doLessonAndHandIn, joinAndDownload, lessonCard, workState, goHome } from './support/pupil.ts';
import { teacherSubmissions, giveFeedback } from './support/teacher-api.ts';

test('a newly linked device shows the lesson handed in on the first one, with its feedback', async ({
  server,
  page,
  browser,
}) => {
  const [pupil] = server.demoPupils();
  const title = 'Le cycle de l’eau';

  // Device 1: Léa does the lesson and hands it in; the server acknowledges it.
  await joinAndDownload(page, server.origin, pupil!);
  await doLessonAndHandIn(page, title);
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 30_000 });

  // The teacher answers.
  const submission = (await teacherSubmissions(server.origin)).find((s) => s.pupil.name === pupil!.name);
  await giveFeedback(server.origin, submission!.id, 'Très bien, Léa : le schéma est juste.');

  // Device 2: a new browser, linked with the same code.
  const second = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page2 = await second.newPage();
  await joinAndDownload(page2, server.origin, pupil!);

  const card = lessonCard(page2, title);
  await expect(card.locator('[data-work-state]')).toHaveAttribute('data-work-state', 'handedIn', {
    timeout: 30_000,
  });
  await expect(card).toContainText('Rendu');
  await expect(card).not.toContainText('Pas commencée');
  await expect(card.locator('[data-due-state]')).toHaveAttribute('data-due-state', /^handedIn/);
  await expect(card).not.toContainText('Pas rendu, en retard');
  await expect(page2.locator('#section-sectionHandedIn').locator('..')).toContainText(title);
  // The feedback is new on this device too: on the card and counted at home.
  await expect(card.getByTestId('unread-feedback-badge')).toBeVisible();
  await expect(page2.getByTestId('unread-feedback')).toContainText('1 nouveau message de ton professeur');

  // Opening it: handed in from another device, and the teacher's message.
  await card.getByRole('link').click();
  await expect(page2.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page2.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
  await expect(workState(page2)).toHaveAttribute('data-work-state', 'handedIn');
  await expect(page2.getByTestId('handed-in-elsewhere')).toContainText(/^Rendu .+ depuis un autre appareil/);
  await expect(page2.getByTestId('feedback')).toContainText('le schéma est juste');
  // No hand-in button: the work is done, as on the first device.
  await expect(page2.getByRole('button', { name: 'Rendre mon travail' })).toHaveCount(0);

  // Read here, it no longer counts as new at home.
  await goHome(page2);
  await expect(lessonCard(page2, title)).toBeVisible();
  await expect(page2.getByTestId('unread-feedback')).toHaveCount(0);
  await expect(lessonCard(page2, title).getByTestId('unread-feedback-badge')).toHaveCount(0);
  await second.close();
});
