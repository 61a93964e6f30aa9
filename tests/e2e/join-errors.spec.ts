/** A wrong, malformed or unreachable join: a clear message for the child, and nothing stored. */
import { expect, test } from './support/fixtures.ts';
import type { Page } from '@playwright/test';
import { deviceRecords } from './support/pupil.ts';
import { teacherCall } from './support/teacher-api.ts';

/** Profiles stored on this device (IndexedDB `cartable`). */
async function storedProfiles(page: Page): Promise<number> {
  return (await deviceRecords(page)).profiles ?? 0;
}

async function tryCode(page: Page, code: string, button = 'Rejoindre') {
  await page.getByRole('textbox').fill(code);
  await page.getByRole('button', { name: button }).click();
}

/** The message is the field's: under it, described by it, the field marked invalid and focused again. */
async function expectFieldError(page: Page, text: string | RegExp) {
  const field = page.getByRole('textbox');
  await expect(page.getByRole('alert')).toContainText(text);
  await expect(field).toHaveAccessibleDescription(text instanceof RegExp ? text : new RegExp(escape(text)));
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
}

function escape(text: string): RegExp['source'] {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('wrong, malformed and unreachable codes are explained and store nothing', async ({ server, page }) => {
  await page.goto(`${server.origin}/join`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' })).toBeVisible();

  await tryCode(page, 'ZZZ-ZZZ-ZZZ');
  await expectFieldError(page, 'Aucun élève n’a ce code. Vérifie chaque lettre et chaque chiffre');
  await tryCode(page, 'ab');
  await expectFieldError(page, 'Ton code a 2 caractères : il en faut 9.');
  expect(await storedProfiles(page)).toBe(0);

  await server.kill();
  await tryCode(page, server.demoPupils()[0]!.code);
  await expect(page.getByRole('alert')).toContainText('Impossible de joindre le serveur');
  // Not the code's fault: the field is not marked wrong.
  await expect(page.getByRole('textbox')).not.toHaveAttribute('aria-invalid');
  expect(await storedProfiles(page)).toBe(0);

  // Once the server is back, the same code (typed with dashes and lowercase) links the device.
  await server.start();
  await tryCode(page, server.demoPupils()[0]!.code.toLowerCase());
  await expect(
    page.getByRole('heading', { level: 1, name: `Bonjour ${server.demoPupils()[0]!.name}` }),
  ).toBeVisible();
  expect(await storedProfiles(page)).toBe(1);
  expect(page.url()).not.toContain('#');
});

test('a code of an archived class is explained, and links nothing', async ({ server, page }) => {
  const { classes } = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  for (const { id } of classes)
    await teacherCall(server.origin, 'PATCH', `/api/teacher/classes/${id}`, { archived: true });
  await page.goto(`${server.origin}/join`);
  await tryCode(page, server.demoPupils()[0]!.code);
  await expect(page.getByRole('alert')).toContainText('Cette classe est archivée');
  expect(await storedProfiles(page)).toBe(0);
});

test('an empty field, a wrong length or a letter no code has is said at once, without asking the server', async ({
  server,
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/join') asked.push(request.url());
  });
  await page.goto(`${server.origin}/join`);
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre ma classe' })).toBeVisible();

  // Before: submitting an empty field did nothing at all.
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expectFieldError(page, 'Tape ton code dans la case : 9 lettres ou chiffres.');
  // One letter missing, one too many: the count is said, not "maybe old".
  await tryCode(page, 'ABC-DEF-GH');
  await expectFieldError(page, 'Ton code a 8 caractères : il en faut 9. Regarde s’il en manque.');
  await tryCode(page, 'ABC-DEF-GHJK');
  await expectFieldError(page, 'Ton code a 10 caractères : il en faut 9.');
  await tryCode(page, 'abc-def-gh0');
  await expectFieldError(page, '« 0 » n’est dans aucun code');
  expect(asked).toEqual([]);

  // In English too.
  await page.getByRole('combobox', { name: /Langue/ }).selectOption('en');
  await tryCode(page, 'ABC-DEF', 'Join');
  await expectFieldError(page, 'Your code has 6 characters: it needs 9. Check whether one is missing.');
  expect(asked).toEqual([]);
  expect(await storedProfiles(page)).toBe(0);
});

test('a code the teacher has replaced is said to be replaced, and the new one links the device', async ({
  server,
  page,
}) => {
  const pupil = server.demoPupils()[0]!;
  const { classes } = await teacherCall<{ classes: { id: string }[] }>(
    server.origin,
    'GET',
    '/api/teacher/classes',
  );
  let fresh: string | null = null;
  for (const { id } of classes) {
    const { pupils } = await teacherCall<{ pupils: { id: string; name: string }[] }>(
      server.origin,
      'GET',
      `/api/teacher/classes/${id}/pupils`,
    );
    const found = pupils.find((p) => p.name === pupil.name);
    if (found)
      fresh = (
        await teacherCall<{ code: string }>(server.origin, 'POST', `/api/teacher/pupils/${found.id}/code`)
      ).code;
  }
  expect(fresh).not.toBeNull();

  await page.goto(`${server.origin}/join`);
  await tryCode(page, pupil.code);
  await expectFieldError(page, 'Ce code ne marche plus : ton professeur l’a remplacé par un nouveau.');
  expect(await storedProfiles(page)).toBe(0);

  await tryCode(page, fresh!);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();
});
