/**
 * The sequence editor with the server dead, against the real server process: edits made while
 * the server is SIGKILLed (rename, take a séance out, a new séance written in the lesson editor,
 * reorder) and a publication wait on the device, survive a reload, and reach the restarted server
 * in order: the server ends with exactly the last edit and one publication. Then the teacher
 * duplicates it for next year: a copy in the same class with unpublished séances.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { waitForWorkerControl } from './support/pupil.ts';
import { teacherCall } from './support/teacher-api.ts';
import { addStep, DEMO_CLASS, editorState, serverLessons, signInAsTeacher } from './support/teacher.ts';

interface ServerSequence {
  id: string;
  title: string;
  seances: { lessonId: string; title: string }[];
  classes: { classId: string; seances: { availableFrom: string }[] }[];
}

const seanceTitles = (page: Page) => page.locator('.seance-list li > a');

async function addNewSeance(page: Page, title: string): Promise<void> {
  const form = page.locator('form', { has: page.getByLabel('Nouvelle séance (titre)') });
  await form.getByLabel('Nouvelle séance (titre)').fill(title);
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await expect(seanceTitles(page).filter({ hasText: title })).toHaveCount(1);
}

test('the sequence editor works with the server dead: edits and a publication survive a reload and reach the server once', async ({
  server,
  page,
}) => {
  test.setTimeout(180_000);
  const versionsBefore = new Map(
    (await serverLessons(server.origin)).map((l) => [l.id, l.published?.version]),
  );
  await signInAsTeacher(page, server.origin);
  await page.getByRole('link', { name: DEMO_CLASS }).click();
  await page.getByRole('link', { name: 'Séquences' }).click();
  await page.getByRole('link', { name: 'Les fractions' }).click();
  await expect(page.locator('[data-screen="teacher-sequence"]')).toBeVisible();
  await waitForWorkerControl(page);
  await expect(page.getByTestId('sequence-class')).toContainText(DEMO_CLASS);
  const sequenceId = page.url().split('/').pop()!;
  const title = page.getByLabel('Titre de la séquence');

  // Online: rename, reorder, add a new séance; each reaches the server.
  await title.fill('Les fractions, version 2');
  await title.blur();
  await page.getByRole('button', { name: 'Monter « Additionner des fractions »' }).click();
  await addNewSeance(page, 'Fractions et partages');
  await expect(editorState(page)).toHaveAttribute('data-state', 'savedOnServer');

  await server.kill();
  // Offline: rename again, take the empty séance out, add one and write it, move it first.
  await title.fill('Les fractions au CM1');
  await title.blur();
  await expect(editorState(page)).toHaveAttribute('data-state', 'waiting');
  await page.getByRole('button', { name: 'Retirer « Fractions et partages » de la séquence' }).click();
  await addNewSeance(page, 'Fractions décimales');
  await seanceTitles(page).filter({ hasText: 'Fractions décimales' }).click();
  await expect(page.locator('[data-screen="teacher-editor"]')).toBeVisible();
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue('Fractions décimales');
  const text = await addStep(page, 'Texte');
  await text.getByLabel(/^Texte \(Markdown/).fill('Un dixième, c’est 0,1.');
  await expect(editorState(page)).toHaveText(/Enregistré sur cet appareil|En attente du réseau/);
  await page.goBack();
  await expect(page.locator('[data-screen="teacher-sequence"]')).toBeVisible();
  for (let i = 0; i < 3; i++)
    await page.getByRole('button', { name: 'Monter « Fractions décimales »' }).click();
  const expected = [
    'Fractions décimales',
    'Additionner des fractions',
    'Comparer des fractions',
    'Placer des fractions sur une droite',
  ];
  await expect(seanceTitles(page)).toHaveText(expected);
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.getByTestId('publish-waiting')).toBeVisible();

  // A reload with the server still dead: everything is there, the publication still waits.
  await page.reload();
  await expect(title).toHaveValue('Les fractions au CM1');
  await expect(seanceTitles(page)).toHaveText(expected);
  await expect(page.getByTestId('publish-waiting')).toBeVisible();
  await expect(editorState(page)).toHaveAttribute('data-state', 'waiting');
  const opens = await page
    .getByRole('group', { name: /^Séance 1 : .* ouverture/ })
    .getByLabel('Date')
    .inputValue();

  // The server returns; the teacher asks to send now: the lesson, the sequence, then the publication.
  await server.start();
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect(page.locator('[data-class-result="published"]')).toContainText('4 séances publiées', {
    timeout: 30_000,
  });
  await expect(editorState(page)).toHaveAttribute('data-state', 'savedOnServer');

  const sequence = await teacherCall<ServerSequence>(
    server.origin,
    'GET',
    `/api/teacher/sequences/${sequenceId}`,
  );
  expect(sequence.title).toBe('Les fractions au CM1');
  expect(sequence.seances.map((s) => s.title)).toEqual(expected);
  expect(sequence.classes).toHaveLength(1);
  expect(sequence.classes[0]!.seances).toHaveLength(4);
  expect(sequence.classes[0]!.seances[0]!.availableFrom.slice(0, 10)).toBe(opens);
  // One publication: the new séance is at version 1 with its text, each other one moved up once at most.
  const lessons = await serverLessons(server.origin);
  const decimal = lessons.find((l) => l.draft.title === 'Fractions décimales')!;
  expect(decimal.published?.version).toBe(1);
  for (const seance of sequence.seances.slice(1)) {
    const now = lessons.find((l) => l.id === seance.lessonId)!.published!.version;
    expect(now - (versionsBefore.get(seance.lessonId) ?? 0)).toBeLessThanOrEqual(1);
  }
  // The séance taken out stays a lesson of the class, never published.
  expect(lessons.find((l) => l.draft.title === 'Fractions et partages')?.published).toBeNull();

  // Next year: a copy in the same class, its séances fresh drafts to schedule again.
  await page.getByRole('button', { name: 'Dupliquer pour l’année prochaine' }).click();
  await expect(page).not.toHaveURL(new RegExp(`${sequenceId}$`));
  await expect(title).toHaveValue('Les fractions au CM1');
  await expect(seanceTitles(page)).toHaveText(expected);
  const copy = await teacherCall<ServerSequence>(
    server.origin,
    'GET',
    `/api/teacher/sequences/${page.url().split('/').pop()!}`,
  );
  expect(copy.classes).toEqual([]);
  const after = await serverLessons(server.origin);
  for (const seance of copy.seances)
    expect(after.find((l) => l.id === seance.lessonId)?.published).toBeNull();
});
