/**
 * The editor follows the school's rules, not the computer's: dates are on the school's clocks
 * (here a teacher preparing in New York for a Paris school), and a media step takes only files it
 * can show (a PDF in an image step is refused at upload, in French).
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { addStep, startNewLesson } from './support/teacher.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures');

test.use({ timezoneId: 'America/New_York' });

/** The opening dates of the lessons the editor keeps on this computer (IndexedDB cartable-teacher). */
function localOpeningDates(page: Page): Promise<(string | null)[]> {
  return page.evaluate(
    () =>
      new Promise<(string | null)[]>((resolve, reject) => {
        const open = indexedDB.open('cartable-teacher');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('lessons').objectStore('lessons').getAll();
          all.onsuccess = () => {
            resolve(
              (all.result as { draft: { availableFrom: string | null } }[]).map((l) => l.draft.availableFrom),
            );
            open.result.close();
          };
        };
      }),
  );
}

test('a teacher abroad schedules on the school clock, and an image step refuses a PDF', async ({
  server,
  page,
}) => {
  await startNewLesson(page, server.origin);
  await page.getByLabel('Titre', { exact: true }).fill('Leçon préparée en voyage');

  // 08:30 typed is 08:30 in Paris (UTC+1 on 14 January), not in New York.
  const opens = page.getByRole('group', { name: 'Ouvre le' });
  await expect(opens).toContainText('Heure de l’école (Europe/Paris)');
  await opens.getByLabel('Date').fill('2030-01-14');
  await opens.getByLabel('Heure').fill('08:30');
  await expect.poll(() => localOpeningDates(page)).toContain('2030-01-14T07:30:00.000Z');
  // And it reads back as 08:30, although this computer's clock says 02:30.
  await page.reload();
  await expect(page.getByRole('group', { name: 'Ouvre le' }).getByLabel('Heure')).toHaveValue('08:30');

  const image = await addStep(page, 'Image');
  await image.getByLabel('Fichier').setInputFiles(join(FIXTURES, 'lesson-worksheet.pdf'));
  await expect(image.getByRole('alert')).toContainText('Ce fichier ne convient pas à cette étape');
  await expect(image.getByRole('alert')).toContainText('une image (PNG, JPEG, WebP ou GIF)');
  await expect(image.getByTestId('media-uploaded')).toHaveCount(0);
});
