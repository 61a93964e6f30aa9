/**
 * The teacher's roster work, in the real browser against the real server: classes,
 * pupils (one by one and pasted), renaming, archiving, new join codes (the old one
 * stops working at once), the printable code sheet, removing a pupil, and
 * duplicating and deleting a lesson draft.
 */
import { expect, test } from './support/fixtures.ts';
import { signInAsTeacher } from './support/teacher.ts';

/** What the server answers a device joining with `code`. */
async function joinStatus(origin: string, code: string): Promise<number> {
  const res = await fetch(`${origin}/api/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
  });
  return res.status;
}

test('a teacher sets up a class, its pupils and their codes', async ({ server, page }) => {
  await signInAsTeacher(page, server.origin);

  // A new class, renamed.
  await page.getByLabel('Nouvelle classe').fill('CE2 A');
  await page.getByRole('button', { name: 'Créer' }).click();
  const row = page.locator('li.row').filter({ hasText: 'CE2 A' });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: 'Renommer' }).click();
  // While renaming, the row holds a form (one at a time), not the name as text.
  await page.getByLabel('Nom de la classe').fill('CE2 A — Mme Rousseau');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('link', { name: 'CE2 A — Mme Rousseau' })).toBeVisible();

  // Pupils: one typed, then a pasted list.
  await page.getByRole('link', { name: 'CE2 A — Mme Rousseau' }).click();
  await page.getByRole('link', { name: 'Élèves' }).click();
  await page.getByLabel('Ajouter un élève').fill('Chloé Lefèvre');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page
    .getByLabel('Coller une liste (un nom par ligne)')
    .fill('Adam Girard\n\n  Jade Moreau  \nLucas Petit\n');
  await page.getByRole('button', { name: 'Ajouter la liste' }).click();
  for (const name of ['Chloé Lefèvre', 'Adam Girard', 'Jade Moreau', 'Lucas Petit']) {
    await expect(page.locator(`li[data-pupil="${name}"]`)).toBeVisible();
  }
  // The confirmation is said where the teacher is looking, with a proper plural.
  await expect(page.locator('.add-result')).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: '3 élèves ajoutés.' })).toBeInViewport();

  // A pasted list naming a pupil again (another spelling) waits for the teacher's word.
  await page.getByLabel('Coller une liste (un nom par ligne)').fill('Nina Roux\nchloe lefevre\nNina Roux');
  await page.getByRole('button', { name: 'Ajouter la liste' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'déjà dans la classe ou en double' });
  await expect(warning).toBeInViewport();
  await expect(warning.getByRole('listitem')).toHaveText(['chloe lefevre', 'Nina Roux']);
  await warning.getByRole('button', { name: 'Ajouter sans les doublons' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 élève ajouté.' })).toBeVisible();
  await expect(page.locator('li[data-pupil="Nina Roux"]')).toHaveCount(1);
  await expect(page.locator('li[data-pupil="chloe lefevre"]')).toHaveCount(0);

  // A pupil renamed; a code that works, then a new code that replaces it.
  const adam = page.locator('li[data-pupil="Adam Girard"]');
  await adam.getByRole('button', { name: 'Renommer' }).click();
  await adam.getByLabel('Nom de l’élève').fill('Adam Girard-Roux');
  await adam.getByRole('button', { name: 'Enregistrer' }).click();
  const renamed = page.locator('li[data-pupil="Adam Girard-Roux"]');
  await expect(renamed).toBeVisible();
  const oldCode = (await renamed.locator('.join-code').textContent())!;
  expect(oldCode).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  expect(await joinStatus(server.origin, oldCode)).toBe(200);
  await renamed.getByRole('button', { name: 'Nouveau code' }).click();
  await renamed.getByRole('button', { name: 'Oui, confirmer' }).click();
  await expect(renamed.locator('.join-code')).not.toHaveText(oldCode);
  const newCode = (await renamed.locator('.join-code').textContent())!;
  expect(await joinStatus(server.origin, oldCode)).toBe(404);
  expect(await joinStatus(server.origin, newCode)).toBe(200);

  // The printable sheet: every pupil with code, link and a QR code.
  await page.getByRole('link', { name: /Imprimer les codes/ }).click();
  await expect(page.getByText('Adam Girard-Roux')).toBeVisible();
  await expect(page.getByText(newCode)).toBeVisible();
  await expect(page.getByText(`${server.origin}/join#${newCode.replaceAll('-', '')}`)).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code du lien de \W?Adam Girard-Roux/ })).toBeVisible();
  await page.goBack();

  // Removing a pupil unlinks them: their code stops working.
  await page.getByRole('link', { name: 'Élèves' }).click();
  const lucas = page.locator('li[data-pupil="Lucas Petit"]');
  const lucasCode = (await lucas.locator('.join-code').textContent())!;
  await lucas.getByRole('button', { name: 'Retirer' }).click();
  await lucas.getByRole('button', { name: 'Oui, confirmer' }).click();
  await expect(page.locator('li[data-pupil="Lucas Petit"]')).toHaveCount(0);
  expect(await joinStatus(server.origin, lucasCode)).toBe(404);

  // Archiving the class keeps it listed as archived.
  await page.getByRole('link', { name: '← Mes classes' }).click();
  const archivedRow = page.locator('li.row').filter({ hasText: 'CE2 A — Mme Rousseau' });
  await archivedRow.getByRole('button', { name: 'Archiver' }).click();
  await expect(archivedRow).toContainText('Archivée');
});

test('a teacher duplicates a lesson and deletes the copy', async ({ server, page }) => {
  await signInAsTeacher(page, server.origin);
  await page.getByRole('link', { name: 'CM1 B — École Jean Jaurès' }).click();
  const original = page.locator('li.row').filter({ hasText: 'Le cycle de l’eau' }).first();
  await original.getByRole('button', { name: 'Dupliquer' }).click();
  const rows = page.locator('li.row').filter({ hasText: 'Le cycle de l’eau' });
  await expect(rows).toHaveCount(2);
  const copy = rows.filter({ hasText: 'Brouillon' });
  await expect(copy).toHaveCount(1);
  await copy.getByRole('button', { name: 'Supprimer' }).click();
  await copy.getByRole('button', { name: 'Oui, confirmer' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Publiée');
});
