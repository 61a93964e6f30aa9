/**
 * Automated accessibility audit (axe-core, WCAG 2.1 A/AA rules) of the screens pupils
 * and teachers use: no serious or critical violation. A check, not a substitute for
 * trying the app with a screen reader and a keyboard.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { doLessonAndHandIn, lessonCard, workState, joinFirstPupil, goHome } from './support/pupil.ts';
import { DEMO_CLASS, signInAsTeacher } from './support/teacher.ts';
import { teacherSubmissions, giveFeedback } from './support/teacher-api.ts';

// axe injects its own script; the app's CSP (checked everywhere else) would refuse it.
test.use({ bypassCSP: true });

async function audit(page: Page, screen: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(report, `accessibility on ${screen}`).toEqual([]);
}

test('pupil screens have no serious accessibility violation', async ({ server, page }) => {
  await page.goto(`${server.origin}/join`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await audit(page, 'join');
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('alert')).toContainText('Tape ton code');
  await audit(page, 'join, with the code field in error');
  const pupil = await joinFirstPupil(page, server);
  await audit(page, 'lesson list');
  await lessonCard(page, 'Partager une pizza').getByRole('link').click();
  for (let step = 0; step < 6; step++) {
    await audit(page, `player step ${step + 1}`);
    const next = page.getByRole('button', { name: /Suivant/ });
    if ((await next.count()) === 0) break;
    const radios = page.locator('.step').getByRole('radio');
    if ((await radios.count()) > 0) await radios.first().check();
    await next.click();
  }
  await page.getByRole('link', { name: 'État de l’appareil' }).click();
  await audit(page, 'device status');
});

test('teacher screens have no serious accessibility violation', async ({ server, page }) => {
  await signInAsTeacher(page, server.origin);
  await audit(page, 'classes');
  await page.getByRole('link', { name: DEMO_CLASS }).click();
  await expect(page.locator('[data-screen="teacher-lessons"]')).toBeVisible();
  await audit(page, 'lessons');
  await page.getByRole('link', { name: 'Élèves' }).click();
  await expect(page.locator('[data-screen="teacher-pupils"]')).toBeVisible();
  await audit(page, 'pupils');
  await page.getByRole('link', { name: 'Suivi' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await audit(page, 'dashboard');
  await page.getByRole('link', { name: 'Leçons' }).click();
  await page.getByRole('button', { name: /Nouvelle leçon/ }).click();
  await expect(page.locator('[data-screen="teacher-editor"]')).toBeVisible();
  await audit(page, 'editor');
});

test('the home status (offline, work waiting, new feedback) has no serious accessibility violation', async ({
  server,
  page,
}) => {
  const pupil = await joinFirstPupil(page, server);
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn', { timeout: 30_000 });
  const [submission] = await teacherSubmissions(server.origin);
  await giveFeedback(server.origin, submission!.id, 'Très bien !');
  await goHome(page);
  await page.locator('.sync-summary').getByRole('button', { name: 'Mettre à jour' }).click();
  await expect(page.getByTestId('unread-feedback')).toBeVisible();

  await server.kill();
  await doLessonAndHandIn(page, 'Partager une pizza');
  await goHome(page);
  await expect(page.getByTestId('offline')).toBeVisible();
  await expect(page.getByTestId('work-waiting')).toBeVisible();
  await page.locator('.sync-summary').getByRole('button', { name: 'Mettre à jour' }).click();
  await expect(page.getByTestId('sync-report')).not.toBeEmpty();
  await audit(page, 'lesson list, offline, with work waiting and new feedback');

  await page.getByTestId('unread-feedback').getByRole('link').first().click();
  await expect(page.getByTestId('feedback-new')).toBeVisible();
  await audit(page, 'handed-in lesson with new feedback');
});
