/**
 * Where focus and the page go on the pupil's screens: after opening a lesson, "Vérifier", the
 * hand-in box and the hand-in itself, focus is on the new content (never left on <body>), the
 * page is back at the top to show "Travail rendu" whole, and a focus moved by the app paints no
 * frame unless the pupil is using the keyboard (whose frame stays clearly visible).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import {
  answerCurrentStep,
  joinAndDownload,
  joinLink,
  lessonCard,
  waitForWorkerControl,
  joinFirstPupil,
  goHome,
} from './support/pupil.ts';

// A small phone: the hand-in button is below the fold.
test.use({ viewport: { width: 360, height: 640 } });

/** The focused element, described: its tag, and its text or accessible label. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}: ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
}

/** The focused element's outline, as painted. */
function focusOutline(page: Page): Promise<{ style: string; width: string; color: string }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
  });
}

/** WCAG contrast ratio of an `rgb(r, g, b)` colour against white. */
function contrastOnWhite(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

test('focus follows the lesson: opened, checked, the hand-in box, handed in at the top of the page', async ({
  server,
  page,
}) => {
  const [pupil] = server.demoPupils();
  // First load, from the join link: the greeting has focus (for screen readers) but no frame.
  await page.goto(joinLink(server.origin, pupil!));
  const hello = page.getByRole('heading', { level: 1, name: `Bonjour ${pupil!.name}` });
  await expect(hello).toBeFocused();
  expect((await focusOutline(page)).style).toBe('none');
  await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await waitForWorkerControl(page);

  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le cycle de l’eau' })).toBeFocused();

  await page.getByRole('button', { name: /Suivant/ }).click();
  await expect(page.locator('.step-counter')).toContainText('Étape 2 sur 5');
  await answerCurrentStep(page);
  await page.getByRole('button', { name: 'Vérifier' }).click();
  // The button is gone: focus is on the correction it brought.
  await expect.poll(() => focused(page)).toMatch(/^div: (Bravo|Ce n’est pas tout à fait ça)/);

  for (let step = 3; step <= 5; step++) {
    await page.getByRole('button', { name: /Suivant/ }).click();
    await expect(page.locator('.step-counter')).toContainText(`Étape ${step} sur 5`);
    await answerCurrentStep(page);
  }

  const handIn = page.getByRole('button', { name: 'Rendre mon travail' });
  await handIn.click();
  await expect(page.getByRole('button', { name: 'Oui, je rends' })).toBeFocused();
  await page.getByRole('button', { name: 'Pas encore' }).click();
  await expect(handIn).toBeFocused();
  await handIn.press('Enter');
  await expect(page.getByRole('button', { name: 'Oui, je rends' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(handIn).toBeFocused();

  await handIn.click();
  const yes = page.getByRole('button', { name: 'Oui, je rends' });
  await expect(yes).toBeFocused();
  expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0); // the page is scrolled down to the box
  await yes.click();

  const result = page.getByRole('heading', { name: 'Travail rendu' });
  await expect(result).toBeFocused();
  await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Le cycle de l’eau' })).toBeInViewport();
  await expect(result).toBeInViewport({ ratio: 1 });

  // Opened again from the list, handed in: its title has focus.
  await goHome(page);
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Le cycle de l’eau' })).toBeFocused();
  await expect(result).not.toBeFocused();
});

test('keyboard focus is framed clearly, also when the app moves it; taps and loads paint no frame', async ({
  server,
  page,
}) => {
  const pupil = await joinFirstPupil(page, server);
  await page.goto(server.origin);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();

  // A link reached with Tab: a thick frame, at least 3:1 against the page.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toMatch(/^a: /);
  const keyboard = await focusOutline(page);
  expect(keyboard.style).toBe('solid');
  expect(parseFloat(keyboard.width)).toBeGreaterThanOrEqual(2);
  expect(contrastOnWhite(keyboard.color)).toBeGreaterThanOrEqual(3);

  // Opened with the keyboard: the lesson's title, focused by the app, is framed too.
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').focus();
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: 'Le cycle de l’eau' });
  await expect(title).toBeFocused();
  expect((await focusOutline(page)).style).toBe('solid');

  // Back and opened with a tap: focused, without a frame.
  await goHome(page);
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  await expect(title).toBeFocused();
  expect((await focusOutline(page)).style).toBe('none');
});
