/** Siblings on one device: the pupil picker changes nothing until a name is chosen (keyboard included). */
import { expect, test } from './support/fixtures.ts';
import { joinAndDownload, joinLink } from './support/pupil.ts';

test('arrow keys on the pupil picker neither navigate nor switch pupil; choosing a name does', async ({
  server,
  page,
}) => {
  const [lea, noah] = server.demoPupils();
  await joinAndDownload(page, server.origin, lea!);
  await page.goto(joinLink(server.origin, noah!));
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${noah!.name}` })).toBeVisible();

  const toggle = page.locator('.profile-picker > button');
  await toggle.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(`${server.origin}/`);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${noah!.name}` })).toBeVisible();

  // Opened with the keyboard, the list takes focus; Escape closes it and gives focus back.
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.profile-picker-list [aria-current="true"]')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await expect(page).toHaveURL(`${server.origin}/`);

  await toggle.click();
  await page
    .locator('.profile-picker-list')
    .getByRole('button', { name: new RegExp(lea!.name) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${lea!.name}` })).toBeVisible();

  await toggle.click();
  await page.getByRole('link', { name: /Ajouter un élève/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' })).toBeVisible();
});
