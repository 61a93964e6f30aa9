/**
 * Issue 11 end to end, through the real screens: the teacher builds a five-séance sequence,
 * publishes it to two classes with one séance for two pupils only; a pupil's device in each class
 * lists the sequence under its heading, every séance it is assigned ready offline and the other
 * absent; with the server SIGKILLed the page clock moves day by day and each séance opens on its
 * day at 08:30 school time; a pupil hands one séance in and starts the next; after a restart the
 * teacher's grid shows the work handed in and the séance started.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  doLessonAndHandIn,
  joinAndDownload,
  lessonCard,
  openingTimes,
  schoolClock,
} from './support/pupil.ts';
import type { DemoPupil } from './support/server-process.ts';
import { classIdByName, classWithPupils, lessonDrafts } from './support/sequence-classes.ts';
import { DEMO_CLASS, signInAsTeacher } from './support/teacher.ts';

const SEQUENCE = 'Les volumes';
const SEANCES = [
  'Mesurer un volume',
  'Le litre',
  'Remplir une boîte',
  'Comparer des contenances',
  'Problèmes de contenance',
];
/** Séance 3 is for Léa and Noah only in the demo class. */
const FOR_TWO = 2;
const OTHER_CLASS = 'CM2 — École Jean Jaurès';

async function pupilDevice(browser: Browser, origin: string, pupil: DemoPupil): Promise<Page> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await joinAndDownload(page, origin, pupil);
  return page;
}

/** The sequence's séances on the device, under its heading, in séance order, each ready offline. */
async function expectSequence(page: Page, titles: string[]) {
  const group = page.getByRole('region', { name: `Séquence : ${SEQUENCE}` });
  await expect(group.locator('.lesson-card h4')).toHaveText(titles);
  for (const title of titles) {
    const card = lessonCard(page, title);
    const position = SEANCES.indexOf(title) + 1;
    await expect(card.getByTestId('sequence-line')).toHaveText(`${SEQUENCE} — séance ${position} sur 5`);
    await expect(card.locator('[data-download-state]')).toHaveAttribute('data-download-state', 'ready');
  }
}

test('a five-séance sequence for two classes: built, published, offline day by day, and followed', async ({
  server,
  page,
  browser,
}) => {
  test.setTimeout(110_000);
  // What the demo lacks: the séances' content and a second class with its pupils.
  await lessonDrafts(server.origin, await classIdByName(server.origin, DEMO_CLASS), SEANCES);
  const other = await classWithPupils(server.origin, OTHER_CLASS, ['Jules Roux', 'Emma Blanc']);
  const [lea, noah, ines] = server.demoPupils();
  const jules = other.pupils[0]!;

  // --- The teacher builds the sequence and publishes it to both classes.
  await signInAsTeacher(page, server.origin);
  await page.getByRole('link', { name: DEMO_CLASS }).click();
  await page.getByRole('link', { name: 'Séquences' }).click();
  await page.getByLabel('Titre de la séquence').fill(SEQUENCE);
  await page.getByRole('button', { name: 'Créer' }).click();
  await expect(page.locator('[data-screen="teacher-sequence"]')).toBeVisible();
  const addExisting = page.locator('form').filter({ has: page.getByLabel('Ajouter une leçon existante') });
  for (const [i, title] of SEANCES.entries()) {
    await addExisting.getByLabel('Ajouter une leçon existante').selectOption({ label: title });
    await addExisting.getByRole('button', { name: 'Ajouter' }).click();
    await expect(page.locator('.seance-list li')).toHaveCount(i + 1);
  }
  await expect(page.locator('.seance-list li')).toHaveText(SEANCES.map((t) => new RegExp(t)));
  for (const n of [1, 2, 3, 4, 5]) {
    const opens = page.getByRole('group', { name: new RegExp(`^Séance ${n} : .* ouverture`) });
    await expect(opens.getByLabel('Heure')).toHaveValue('08:30');
  }
  const targets = page.getByRole('group', { name: 'Publier dans les classes' });
  await targets.getByLabel(OTHER_CLASS).check();
  const demo = targets.locator(':scope > div').filter({ hasText: DEMO_CLASS });
  await demo.getByText('Pour quels élèves ?').click();
  const forTwo = demo.getByRole('group', { name: `${FOR_TWO + 1}. ${SEANCES[FOR_TWO]}` });
  await forTwo.getByLabel(lea!.name).check();
  await forTwo.getByLabel(noah!.name).check();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.locator('[data-class-result="published"]')).toHaveText([
    `${DEMO_CLASS} : 5 séances publiées.`,
    `${OTHER_CLASS} : 5 séances publiées.`,
  ]);
  const grid = (classId: string, pupil: string) =>
    page.locator(`[data-follow-class="${classId}"] tr`).filter({ hasText: pupil }).locator('td');
  await expect(grid(other.id, jules.name)).toHaveCount(5);

  // --- A device in each class: Inès has every séance but the one for Léa and Noah; Jules has all five.
  const inesPage = await pupilDevice(browser, server.origin, ines!);
  const julesPage = await pupilDevice(browser, server.origin, jules);
  const inesSeances = SEANCES.filter((_, i) => i !== FOR_TWO);
  await expectSequence(inesPage, inesSeances);
  await expect(lessonCard(inesPage, SEANCES[FOR_TWO]!)).toHaveCount(0);
  await expectSequence(julesPage, SEANCES);
  const opening = await openingTimes(julesPage, SEANCES);
  expect(opening.map(schoolClock)).toEqual(Array(5).fill('08:30'));
  expect(new Set(opening.map((at) => new Date(at).toDateString())).size).toBe(5);

  // --- The server dies; each day, on both devices, a séance opens at 08:30 and not before.
  await server.kill();
  const devices = [
    { page: inesPage, seances: inesSeances },
    { page: julesPage, seances: SEANCES },
  ];
  for (const device of devices) await device.page.clock.install({ time: new Date(opening[0]! - 3_600_000) });
  for (const [i, title] of SEANCES.entries()) {
    for (const { page: device, seances } of devices) {
      if (!seances.includes(title)) continue;
      await device.clock.setFixedTime(new Date(opening[i]! - 3_600_000));
      await device.reload();
      await expect(lessonCard(device, title).getByRole('link')).toHaveCount(0);
      await device.clock.setFixedTime(new Date(opening[i]! + 60_000));
      await device.reload();
      await expect(lessonCard(device, title).getByRole('link')).toBeVisible();
      for (const later of seances.filter((s) => SEANCES.indexOf(s) > i))
        await expect(lessonCard(device, later).getByRole('link')).toHaveCount(0);
    }
    await expect(lessonCard(inesPage, SEANCES[FOR_TWO]!)).toHaveCount(0);
    // Jules hands in the first séance on its day, and starts the second on its own.
    if (i === 0) {
      await doLessonAndHandIn(julesPage, title);
      await julesPage.goto(`${server.origin}/`);
    }
    if (i === 1) {
      await lessonCard(julesPage, title).getByRole('link').click();
      await julesPage.getByRole('button', { name: /Suivant/ }).click();
      await julesPage.locator('.step textarea').fill('Un litre, c’est un cube de 10 cm de côté.');
      await expect(julesPage.getByTestId('saved')).toBeVisible();
      await julesPage.goto(`${server.origin}/`);
    }
  }

  // --- The server is back, and Jules opens the app an hour later (past every retry's backoff):
  // the device sends the work and says what it started.
  await server.start();
  await julesPage.clock.setFixedTime(new Date(opening[4]! + 3_600_000));
  await julesPage.reload();
  await expect(async () => {
    await page.reload();
    await expect(grid(other.id, jules.name)).toHaveCount(5, { timeout: 2_000 });
    const states = await grid(other.id, jules.name).evaluateAll((cells) =>
      cells.map((cell) => cell.getAttribute('data-state')),
    );
    expect(states).toEqual(['handedIn', 'started', 'readyOffline', 'readyOffline', 'readyOffline']);
  }).toPass({ timeout: 30_000 });
  await expect(grid(other.id, jules.name).nth(1)).toHaveText('Commencée');
  // In the demo class, the séance for two is not Inès's.
  await expect(grid(await classIdByName(server.origin, DEMO_CLASS), ines!.name).nth(FOR_TWO)).toHaveAttribute(
    'data-state',
    'none',
  );
});
