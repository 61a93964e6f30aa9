/**
 * No network at all (issue 12): the teacher downloads a family's lessons file; a pupil browser
 * context that never reaches the server (the app's own files come from dist/ through the
 * context's routing, every other request fails, and the server is dead meanwhile) opens it,
 * opens a lesson with its image, answers, hands in and saves a work file; the teacher imports
 * it once (again: already received); then the pupil goes online, links with the file's code,
 * its outbox delivers, and the database still holds one row per submission.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import Database from 'better-sqlite3';
import type { Route } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  answerCurrentStep,
  deviceRecords,
  lessonCard,
  waitForWorkerControl,
  walkSteps,
  workState,
} from './support/pupil.ts';
import { signInAsTeacher } from './support/teacher.ts';
import { teacherCall } from './support/teacher-api.ts';

const DIST = join(import.meta.dirname, '../../dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** The app's files from the build on disk; anything else (the API, packs, media) finds no network. */
async function withoutServer(route: Route): Promise<void> {
  const { pathname } = new URL(route.request().url());
  if (/^\/(api|packs|blobs)\//.test(pathname)) return route.abort('internetdisconnected');
  const file = normalize(join(DIST, pathname === '/' ? 'index.html' : pathname));
  const found = file.startsWith(DIST) && existsSync(file) && !file.endsWith('/');
  const path = found ? file : join(DIST, 'index.html');
  const type = TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': type };
  // The real server's policy, so the page runs as it does in production (Trusted Types included).
  if (type === 'text/html') headers['content-security-policy'] = CSP;
  return route.fulfill({ status: 200, headers, body: readFileSync(path) });
}
let CSP = '';

test('lessons and work travel as files, and the work is received once', async ({
  server,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const [pupil] = server.demoPupils();
  CSP = (await fetch(`${server.origin}/`)).headers.get('content-security-policy') ?? '';
  const classes = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  const classId = classes.classes[0]!.id;

  // The teacher, on the class's pupil list: the size first, then the family's file.
  const teacherPage = await browser.newPage();
  await signInAsTeacher(teacherPage, server.origin);
  await teacherPage.goto(`${server.origin}/teacher/classes/${classId}/pupils`);
  const row = teacherPage.locator('li', { has: teacherPage.getByRole('heading', { name: pupil!.name }) });
  await row.getByRole('button', { name: 'Fichier pour une famille sans connexion' }).click();
  await expect(row.getByTestId('family-file-size')).toContainText(`Fichier de leçons pour ${pupil!.name}`);
  const lessonsDownload = teacherPage.waitForEvent('download');
  await row.getByRole('button', { name: /^Télécharger le fichier/ }).click();
  const lessonsPath = testInfo.outputPath('famille.cartable');
  await (await lessonsDownload).saveAs(lessonsPath);
  expect((await lessonsDownload).suggestedFilename()).toMatch(/\.cartable$/);

  // From here the server is dead, and the pupil's context could not reach it anyway.
  await server.kill();
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  await context.route('**/*', withoutServer);
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.getByTestId('lessons-file-input').setInputFiles(lessonsPath);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil!.name}` })).toBeVisible();
  await expect(page.getByText('Cet appareil se reliera tout seul')).toBeVisible();
  // The worker (its own files from dist/ too) serves the media from the device's cache.
  await waitForWorkerControl(page);

  // A lesson with its image, from the device's own storage.
  const title = 'Partager une pizza';
  await lessonCard(page, title).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const image = page.locator('.step img');
  let imagesSeen = 0;
  await walkSteps(page, async () => {
    await answerCurrentStep(page);
    if ((await image.count()) === 0) return;
    imagesSeen += 1;
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
  });
  expect(imagesSeen).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Rendre mon travail' }).click();
  await page.getByRole('button', { name: 'Oui, je rends' }).click();
  await expect(page.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');

  // The work file, with its size shown.
  await page.getByRole('link', { name: 'État de l’appareil' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Enregistrer mon travail dans un fichier' }).click();
  const workPath = testInfo.outputPath('travail.cartable');
  await (await downloading).saveAs(workPath);
  await expect(page.getByTestId('work-file-outcome')).toContainText('1 travail enregistré');

  // The teacher imports it from the dashboard: received once, then "already received".
  await server.start();
  await teacherPage.goto(`${server.origin}/teacher/classes/${classId}/dashboard`);
  const imported = teacherPage.getByTestId('work-file-imported');
  await teacherPage.getByTestId('work-file-input').setInputFiles(workPath);
  await expect(imported).toHaveText(`${pupil!.name} : 1 travail reçu, 0 déjà reçu avant.`);
  await expect(teacherPage.getByTestId('received-by-file')).toHaveCount(1);
  await expect(teacherPage.getByTestId('received-by-file')).toHaveText('reçu par fichier');
  await teacherPage.getByTestId('work-file-input').setInputFiles(workPath);
  await expect(imported).toHaveText(`${pupil!.name} : 0 travail reçu, 1 déjà reçu avant.`);
  await expect(teacherPage.getByTestId('received-by-file')).toHaveCount(1);
  await teacherPage.close();

  // The pupil goes online: the device links with the file's code and its outbox delivers (200).
  await context.unroute('**/*');
  await page.goto(`${server.origin}/`);
  await expect(page.getByText('Cet appareil se reliera tout seul')).toBeHidden({ timeout: 60_000 });
  await expect.poll(async () => (await deviceRecords(page)).outbox, { timeout: 60_000 }).toBe(0);
  await lessonCard(page, title).getByRole('link').click();
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn');
  await context.close();

  const db = new Database(join(server.dataDir, 'cartable.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT id, received_via FROM submissions').all();
    expect(rows).toEqual([{ id: expect.any(String), received_via: 'file' }]);
  } finally {
    db.close();
  }
});
