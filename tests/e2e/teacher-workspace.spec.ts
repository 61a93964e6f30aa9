/**
 * The teacher's workspace end to end, against the real server process and real
 * Chromium (fake camera and microphone): build a lesson with every kind of
 * step, publish it, a pupil does it offline and hands in, the teacher reviews
 * it and answers; and the editor keeps working with the server dead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  joinAndDownload,
  lessonCard,
  waitForWorkerControl,
  walkSteps,
  workState,
  goHome,
} from './support/pupil.ts';
import { addStep, editorState, schedule, serverLessons, startNewLesson } from './support/teacher.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const HOUR = 3_600_000;

/** Upload a fixture into a media step and wait for the server's acknowledgement. */
async function uploadInto(step: ReturnType<Page['locator']>, file: string): Promise<void> {
  await step.getByLabel('Fichier').setInputFiles(join(FIXTURES, file));
  await expect(step.getByTestId('media-uploaded')).toBeVisible();
}

/** The whole lesson, one step of each kind; returns nothing, the editor autosaves. */
async function buildEveryKindOfStep(page: Page): Promise<void> {
  const text = await addStep(page, 'Texte');
  await text.getByLabel(/^Texte \(Markdown/).fill('Bonjour **la classe** !\n\n<script>alert(1)</script>');
  // The live preview renders the Markdown as elements, and the tag as plain text.
  await expect(text.locator('.markdown-preview strong')).toHaveText('la classe');
  await expect(text.locator('.markdown-preview')).toContainText('<script>alert(1)</script>');

  const image = await addStep(page, 'Image');
  await uploadInto(image, 'lesson-image.png');
  await image.getByLabel(/Description de l’image/).fill('Un carré bleu');

  const audio = await addStep(page, 'Audio');
  await uploadInto(audio, 'lesson-audio.webm');
  await audio.getByLabel(/Facultatif/).check();

  const video = await addStep(page, 'Vidéo');
  await uploadInto(video, 'lesson-video.webm');

  const pdf = await addStep(page, 'PDF');
  await uploadInto(pdf, 'lesson-worksheet.pdf');
  await pdf.getByLabel('Titre du document').fill('Fiche d’exercices');

  const quiz = await addStep(page, 'Quiz');
  await quiz.getByLabel('Consigne (Markdown)').fill('Combien font 2 + 2 ?');
  await quiz.getByLabel('Choix 1', { exact: true }).fill('4');
  await quiz.getByLabel('Choix 2', { exact: true }).fill('5');
  await quiz.getByRole('radio', { name: /Bonne réponse — Choix 1/ }).check();

  const freeText = await addStep(page, 'Réponse écrite');
  await freeText.getByLabel('Consigne (Markdown)').fill('Raconte ta journée.');

  const photo = await addStep(page, 'Photo du travail sur papier');
  await photo.getByLabel('Consigne (Markdown)').fill('Photographie ton cahier.');

  const recording = await addStep(page, 'Enregistrement audio');
  await recording.getByLabel('Consigne (Markdown)').fill('Lis le texte à voix haute.');
  await recording.getByLabel(/Durée maximale/).fill('10');
}

test('a lesson with every kind of step goes from the teacher to a pupil offline and back', async ({
  server,
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const title = 'Tout en un';
  const [pupil] = server.demoPupils();
  expect(pupil).toBeTruthy();

  // The teacher builds, schedules (opens now) and publishes.
  await startNewLesson(page, server.origin);
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await schedule(page, 'Ouvre le', new Date(Date.now() - 10 * 60_000));
  await schedule(page, 'À rendre le', new Date(Date.now() + 48 * HOUR));
  await buildEveryKindOfStep(page);

  // The preview is the pupil's own player, fed from the draft.
  await page.getByRole('button', { name: 'Aperçu élève' }).click();
  await expect(page.getByTestId('lesson-preview').locator('.content strong')).toHaveText('la classe');
  await page.getByRole('button', { name: 'Retour à l’édition' }).click();

  // Published from the bottom of a long lesson: the confirmation is in view, with the buttons.
  await page.locator('.add-step').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByTestId('published-version')).toContainText('Publiée v1');
  await expect(page.getByTestId('published-version')).toBeInViewport();
  await expect(editorState(page)).toHaveAttribute('data-state', 'savedOnServer');

  // A pupil's device joins and downloads everything, then the server dies.
  const pupilContext = await browser.newContext();
  const pupilPage = await pupilContext.newPage();
  await joinAndDownload(pupilPage, server.origin, pupil!);
  await expect(lessonCard(pupilPage, title)).toBeVisible();
  await server.kill();
  await pupilPage.reload();

  // Every step, offline, with the fake camera and microphone.
  await lessonCard(pupilPage, title).getByRole('link').click();
  await walkSteps(pupilPage, async () => {
    const step = pupilPage.locator('.step');
    if ((await step.getByRole('radio').count()) > 0) await step.getByRole('radio', { name: '4' }).check();
    else if ((await step.locator('textarea').count()) > 0)
      await step.locator('textarea').fill('Une belle journée.');
    else if ((await step.getByRole('button', { name: /Ouvrir l’appareil photo/ }).count()) > 0) {
      await step.getByRole('button', { name: /Ouvrir l’appareil photo/ }).click();
      const camera = step.locator('video');
      await expect.poll(() => camera.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
      await step.getByRole('button', { name: /Prendre la photo/ }).click();
      await expect(step.getByTestId('photo-taken')).toBeVisible();
      const size = await step
        .getByTestId('photo-taken')
        .evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight));
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(1600);
    } else if ((await step.getByRole('button', { name: /Enregistrer/ }).count()) > 0) {
      await step.getByRole('button', { name: /Enregistrer/ }).click();
      await pupilPage.waitForTimeout(1500);
      await step.getByRole('button', { name: /Arrêter/ }).click();
      await expect(step.getByTestId('recording-made')).toBeVisible();
    }
  });
  await pupilPage.getByRole('button', { name: 'Rendre mon travail' }).click();
  await pupilPage.getByRole('button', { name: 'Oui, je rends' }).click();
  await expect(workState(pupilPage)).toHaveAttribute('data-work-state', 'waiting');

  // The server returns: the work arrives, with its attachments uploaded first.
  await server.start();
  await expect(workState(pupilPage)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 90_000 });

  // The dashboard shows it: ready offline, handed in, scored.
  await page.getByRole('link', { name: 'Suivi' }).click();
  await expect(page.getByTestId('ready-count')).toContainText(/\d+ élèves? sur 3 prêts? pour/);
  const cell = page.locator(`tr[data-pupil="${pupil!.name}"] td[data-lesson="${title}"]`);
  await expect(cell).toContainText('Prêt hors connexion');
  await expect(cell.getByTestId('work-status')).toHaveText('Rendu');
  await expect(cell.getByTestId('score')).toHaveText('Score : 1/1');

  // Exports come down with the bearer and are saved from a blob: URL.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter les réponses (CSV)' }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  expect(readFileSync((await csv.path())!, 'utf8')).toContain(pupil!.name);
  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter les pièces jointes (zip)' }).click(),
  ]);
  expect(
    readFileSync((await zip.path())!)
      .subarray(0, 2)
      .toString('latin1'),
  ).toBe('PK');

  // Review: the quiz against its key, the written answer, the photo and the recording.
  await cell.getByRole('link', { name: /Voir/ }).click();
  await expect(page.locator('[data-screen="teacher-submission"]')).toBeVisible();
  await expect(page.locator('[data-step-kind="quiz"]')).toContainText('Juste');
  await expect(page.locator('[data-step-kind="quiz"] svg.icon[aria-hidden="true"]')).toHaveCount(1);
  await expect(page.locator('[data-step-kind="freeText"]')).toContainText('Une belle journée.');
  const photo = page.getByTestId('pupil-photo');
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('pupil-recording')).toHaveAttribute('src', /^blob:/);

  await page.getByLabel('Message à l’élève (Markdown)').fill('Bravo, **très bien** !');
  await page.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Message envoyé.' })).toBeVisible();

  // The feedback reaches the pupil's device on its next sync…
  await goHome(pupilPage);
  await pupilPage.getByRole('button', { name: 'Mettre à jour' }).click();
  await lessonCard(pupilPage, title).getByRole('link').click();
  await expect(pupilPage.getByTestId('feedback')).toContainText('très bien', { timeout: 30_000 });

  // …and stays readable with the server dead.
  await server.kill();
  await pupilPage.reload();
  await expect(pupilPage.getByTestId('feedback')).toContainText('très bien');
  await pupilContext.close();
});

test('the editor works with the server dead: the draft survives a closed tab, the publish waits and is delivered', async ({
  server,
  page,
  context,
}) => {
  const title = 'Préparée hors connexion';
  const editorUrl = await startNewLesson(page, server.origin);
  await waitForWorkerControl(page);
  await page.getByLabel('Titre', { exact: true }).fill('Préparée');

  await server.kill();
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await schedule(page, 'Ouvre le', new Date(Date.now() + 24 * HOUR));
  const text = await addStep(page, 'Texte');
  await text.getByLabel(/^Texte \(Markdown/).pressSequentially('Lire la page 12.', { delay: 10 });
  await expect(editorState(page)).toHaveText(/Enregistré sur cet appareil/);

  // Close the tab and open the editor again, still with no server.
  await page.close();
  const again = await context.newPage();
  await again.goto(editorUrl);
  await expect(again.getByLabel('Titre', { exact: true })).toHaveValue(title);
  await expect(again.locator('.step-editor').getByLabel(/^Texte \(Markdown/)).toHaveValue('Lire la page 12.');

  // Publish waits in the outbox, and says so.
  await again.getByRole('button', { name: 'Publier' }).click();
  await expect(editorState(again)).toHaveAttribute('data-state', 'waiting');
  await expect(editorState(again)).toContainText('Publication en attente du réseau');

  // The server returns: the outbox delivers by itself (backoff timer), and the lesson is published.
  await server.start();
  await expect(again.getByTestId('published-version')).toContainText('Publiée v1', { timeout: 90_000 });
  const lesson = (await serverLessons(server.origin)).find((l) => l.draft.title === title);
  expect(lesson?.published?.version).toBe(1);
});

test('the editor refuses to publish what cannot be published, and says what to fix where', async ({
  server,
  page,
}) => {
  await startNewLesson(page, server.origin);

  await page.getByRole('button', { name: 'Publier' }).click();
  const summary = page.getByTestId('publish-problems');
  await expect(summary).toContainText('Donnez un titre à la leçon.');
  await expect(summary).toContainText('Ajoutez au moins une étape.');
  await expect(summary).toContainText('Choisissez la date d’ouverture.');

  await page.getByLabel('Titre', { exact: true }).fill('Quiz sans réponse');
  await schedule(page, 'Ouvre le', new Date(Date.now() + 48 * HOUR));
  await schedule(page, 'À rendre le', new Date(Date.now() + 24 * HOUR));
  const quiz = await addStep(page, 'Quiz');
  await quiz.getByLabel('Consigne (Markdown)').fill('Quelle est la capitale de la France ?');
  await quiz.getByLabel('Choix 1', { exact: true }).fill('Paris');
  await quiz.getByLabel('Choix 2', { exact: true }).fill('Lyon');
  await page.getByRole('button', { name: 'Publier' }).click();

  // Each problem next to its field, and nothing sent.
  await expect(quiz.locator('.problems')).toContainText('Indiquez au moins une bonne réponse.');
  await expect(page.locator('#due-problems')).toContainText(
    'La date d’ouverture doit être avant la date de rendu.',
  );
  await expect(summary).not.toContainText('Donnez un titre');
  await expect(editorState(page)).toHaveAttribute('data-state', 'savedOnDevice');

  // Fixed, the problems go away (the list follows the draft live).
  await quiz.getByRole('radio', { name: /Bonne réponse — Choix 1/ }).check();
  await expect(quiz.locator('.problems')).toHaveCount(0);
  expect((await serverLessons(server.origin)).some((l) => l.draft.title === 'Quiz sans réponse')).toBe(false);
});
