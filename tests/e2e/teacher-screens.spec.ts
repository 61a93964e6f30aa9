/**
 * The teacher's screens as a teacher meets them, in real Chromium against the real server: a new
 * lesson left at once leaves nothing, the dashboard with the server dead speaks French under a
 * title that names the class, a pupil's devices are named by browser and system, and the
 * dashboard uses a 1366 px screen's width with its grid scrolling inside its own region.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { waitForWorkerControl } from './support/pupil.ts';
import { teacherAuth } from './support/teacher-api.ts';
import { DEMO_CLASS, openDemoClass, serverLessons, signInAsTeacher } from './support/teacher.ts';

/** The demo teacher's API on `origin` with one session (signing in for every call would meet the sign-in limit). */
async function teacherApi(origin: string) {
  const auth = await teacherAuth(origin);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (res.status === 204 ? null : await res.json()) as T;
  };
  const { classes } = await call<{ classes: { id: string; name: string }[] }>('GET', '/api/teacher/classes');
  const classId = classes.find((k) => k.name === DEMO_CLASS)!.id;
  return { call, classId };
}

/** The lessons kept in the teacher's device database. */
function deviceLessons(page: Page): Promise<{ title: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ title: string }[]>((resolve, reject) => {
        const open = indexedDB.open('cartable-teacher');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('lessons').objectStore('lessons').getAll();
          all.onsuccess = () => {
            resolve((all.result as { draft: { title: string } }[]).map((l) => ({ title: l.draft.title })));
            db.close();
          };
        };
      }),
  );
}

test('“Nouvelle leçon” left at once leaves no draft; a lesson exists once the teacher writes', async ({
  server,
  page,
}) => {
  await signInAsTeacher(page, server.origin);
  await openDemoClass(page);
  // The screen is drawn before the server's list arrives: count once the demo lessons are there.
  await expect(page.locator('[data-screen="teacher-lessons"] li.row').first()).toBeVisible();
  const lessonsBefore = await page.locator('[data-screen="teacher-lessons"] li.row').count();
  const onServerBefore = (await serverLessons(server.origin)).length;

  await page.getByRole('button', { name: /Nouvelle leçon/ }).click();
  await expect(page.locator('[data-screen="teacher-editor"]')).toBeVisible();
  await expect(page.getByLabel('Titre')).toBeVisible();
  // A reload of the blank lesson still opens the editor, not "introuvable".
  await page.reload();
  await expect(page.getByLabel('Titre')).toBeVisible();
  await page.goBack();
  await expect(page.locator('[data-screen="teacher-lessons"]')).toBeVisible();
  await expect(page.locator('[data-screen="teacher-lessons"] li.row')).toHaveCount(lessonsBefore);
  await expect(page.getByText('Leçon sans titre')).toHaveCount(0);
  expect(await deviceLessons(page)).toEqual([]);
  expect(await serverLessons(server.origin)).toHaveLength(onServerBefore);

  // Writing makes it a draft on this device; erasing everything and leaving drops it again.
  await page.getByRole('button', { name: /Nouvelle leçon/ }).click();
  await page.getByLabel('Titre').fill('Les fractions, suite');
  await expect(page.getByTestId('editor-state')).toHaveText('Enregistré sur cet appareil');
  await page.getByRole('link', { name: 'Leçons', exact: true }).click();
  await expect(page.locator('li.row').filter({ hasText: 'Les fractions, suite' })).toContainText(
    'Seulement sur cet appareil',
  );
  await page.locator('li.row').filter({ hasText: 'Les fractions, suite' }).getByRole('link').click();
  await page.getByLabel('Titre').fill('');
  await expect(page.getByTestId('editor-state')).toHaveText('Enregistré sur cet appareil');
  await page.getByRole('link', { name: 'Leçons', exact: true }).click();
  await expect(page.locator('[data-screen="teacher-lessons"] li.row')).toHaveCount(lessonsBefore);
  await expect(page.getByText('Leçon sans titre')).toHaveCount(0);
});

test('the dashboard with the server dead names the class and says so in French', async ({ server, page }) => {
  await signInAsTeacher(page, server.origin);
  await waitForWorkerControl(page);
  await openDemoClass(page);
  await page.getByRole('link', { name: 'Suivi', exact: true }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(`Suivi de la classe — ${DEMO_CLASS}`);
  await expect(page.getByTestId('ready-count')).toBeVisible();

  await server.kill();
  await page.reload();
  await expect(page.locator('[data-screen="teacher-dashboard"]')).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  // The class's name as this device last saw it: never "Suivi de la classe —" over nothing.
  await expect(heading).toHaveText(`Suivi de la classe — ${DEMO_CLASS}`);
  await expect(alert).toContainText('Le serveur ne répond pas');
  await expect(page.locator('body')).not.toContainText('Failed to fetch');

  // A class this device never listed: the screen's name alone.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('cartable-teacher');
        open.onsuccess = () => {
          const tx = open.result.transaction('classes', 'readwrite');
          tx.objectStore('classes').clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
  await expect(alert).toContainText('Le serveur ne répond pas');
  await expect(heading).toHaveText('Suivi de la classe');
});

test('a pupil’s devices are named by browser and system, with when each was last seen', async ({
  server,
  page,
}) => {
  const pupil = server.demoPupils()[0]!;
  const joinWith = (userAgent: string) =>
    fetch(`${server.origin}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ code: pupil.code }),
    }).then((res) => expect(res.status).toBe(200));
  await joinWith(
    'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  );
  await joinWith(
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  );
  await joinWith('a school kiosk');

  await signInAsTeacher(page, server.origin);
  await openDemoClass(page);
  await page.getByRole('link', { name: 'Élèves', exact: true }).click();
  const row = page.locator('li.row').filter({ has: page.getByRole('heading', { name: pupil.name }) });
  await row.getByRole('button', { name: 'Appareils' }).click();
  const devices = row.locator('li.device');
  await expect(devices).toHaveCount(3);
  await expect(devices.nth(0).locator('.device-name')).toHaveText(/^Chrome sur Android · vu à l’instant$/);
  await expect(devices.nth(1).locator('.device-name')).toHaveText(/^Safari sur iPhone · vu à l’instant$/);
  await expect(devices.nth(2).locator('.device-name')).toHaveText(/^Appareil 3 · vu à l’instant$/);

  // "Délier" stands apart from the device's text, and asks about that device by name.
  const text = await devices.nth(0).locator('div').first().boundingBox();
  const button = await devices.nth(0).getByRole('button', { name: 'Délier' }).boundingBox();
  expect(button!.x >= text!.x + text!.width + 8 || button!.y >= text!.y + text!.height).toBe(true);
  await devices.nth(0).getByRole('button', { name: 'Délier' }).click();
  await expect(devices.nth(0)).toContainText('Délier « Chrome sur Android » ?');
});

test('at 1366 px the dashboard uses the width; 30 pupils × 20 lessons scroll inside the grid', async ({
  server,
  page,
}) => {
  const { call, classId } = await teacherApi(server.origin);
  await call('POST', `/api/teacher/classes/${classId}/pupils`, {
    names: Array.from({ length: 27 }, (_, i) => `Élève numéro ${i + 1}`),
  });
  const past = new Date(Date.now() - 86_400_000).toISOString();
  // The demo has eight lessons (four, the sequence’s three séances, an adapted one): twenty in all.
  for (let i = 1; i <= 12; i++) {
    await call('PUT', `/api/teacher/classes/${classId}/lessons/l-wide-${i}/publications/${randomUUID()}`, {
      draft: {
        title: `Leçon ${i} : un titre de taille ordinaire`,
        availableFrom: past,
        dueAt: null,
        showCorrection: true,
        steps: [{ id: 's1', kind: 'text', body: 'Lis ce texte.' }],
      },
    });
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsTeacher(page, server.origin);
  await openDemoClass(page);
  await page.getByRole('link', { name: 'Suivi', exact: true }).click();
  const grid = page.locator('.grid-scroll');
  await expect(grid).toHaveAccessibleName('Suivi de la classe');
  await expect(grid.locator('tbody tr')).toHaveCount(30);
  await expect(grid.locator('thead th')).toHaveCount(21);

  const box = (await grid.boundingBox())!;
  expect(box.width).toBeGreaterThan(1250);
  // The page itself never scrolls sideways: the grid does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  const scroll = await grid.evaluate((el) => ({ width: el.scrollWidth, client: el.clientWidth }));
  expect(scroll.width).toBeGreaterThan(scroll.client);

  // Scrolled right and down, the pupil's name and the lesson titles stay in view.
  const firstName = grid.locator('tbody th[scope="row"]').first();
  const lastHeader = grid.locator('thead th').last();
  const nameBefore = (await firstName.boundingBox())!;
  await grid.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: 0 }));
  expect((await firstName.boundingBox())!.x).toBeCloseTo(nameBefore.x, 0);
  const headerBefore = (await lastHeader.boundingBox())!;
  await grid.evaluate((el) => el.scrollTo({ left: el.scrollWidth, top: el.scrollHeight }));
  expect((await lastHeader.boundingBox())!.y).toBeCloseTo(headerBefore.y, 0);

  // Each status stays on one line.
  for (const badge of await grid.locator('td .badge').all()) {
    const { height, lineHeight } = await badge.evaluate((el) => ({
      height: el.getBoundingClientRect().height,
      lineHeight: parseFloat(getComputedStyle(el).lineHeight),
    }));
    expect(height).toBeLessThan(lineHeight * 1.9);
  }
});

test('the new-class field and its “Créer” button sit on one line, aligned', async ({ server, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAsTeacher(page, server.origin);
  // Measured once the list above has loaded (it moves the form down).
  await expect(page.getByRole('link', { name: DEMO_CLASS })).toBeVisible();
  const input = (await page.getByLabel('Nouvelle classe').boundingBox())!;
  const button = (await page.getByRole('button', { name: 'Créer' }).boundingBox())!;
  expect(Math.abs(input.y + input.height - (button.y + button.height))).toBeLessThanOrEqual(1);
  expect(Math.abs(input.height - button.height)).toBeLessThanOrEqual(2);
});
