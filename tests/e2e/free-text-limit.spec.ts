/**
 * A written answer's limit (2,000 characters on this step): shown with a live count before it is
 * reached, announced politely near it and at it, and a paste longer than the room left keeps
 * what fits and says how much was not added — saved like a keystroke.
 */
import { expect, test } from './support/fixtures.ts';
import { lessonCard, walkSteps, joinFirstPupil } from './support/pupil.ts';

test('the count and the limit are shown, and a paste beyond it is cut at a word and said', async ({
  server,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const pupil = await joinFirstPupil(page, server);
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  await walkSteps(page, async () => undefined);
  const answer = page.getByRole('textbox', { name: 'Ta réponse' });
  const count = page.getByTestId('answer-length');
  const status = page.getByTestId('answer-limit-status');
  const cut = page.getByTestId('answer-paste-cut');

  // The limit is there from the start, and the field is described by it.
  await expect(count).toHaveText(/^0 \/ 2\s000 caractères$/);
  await expect(answer).toHaveAccessibleDescription(/0 \/ 2\s000 caractères/);
  await expect(status).toHaveAttribute('role', 'status');
  await expect(status).toHaveText('');

  await answer.fill('mot '.repeat(450)); // 1,800: the last tenth
  await expect(count).toHaveText(/^1\s800 \/ 2\s000 caractères$/);
  await expect(status).toHaveText(/^Tu approches de la limite : 2\s000 caractères au plus\.$/);
  await expect(cut).toBeHidden();

  // 1,900 written, 301 pasted at the end: 100 fit, cut before "soleil" that would not fit whole.
  await answer.fill('mot '.repeat(475));
  await page.evaluate(() => navigator.clipboard.writeText('soleil '.repeat(43)));
  await answer.press('End');
  await answer.press('ControlOrMeta+V');
  const kept = 'mot '.repeat(475) + 'soleil '.repeat(43).slice(0, 97);
  await expect(answer).toHaveValue(kept);
  await expect(cut).toBeVisible();
  await expect(cut).toHaveAttribute('role', 'alert');
  await expect(cut).toHaveText(
    /^Texte trop long : 204 caractères n’ont pas été ajoutés, à la fin de ce que tu as collé\. Une réponse a 2\s000 caractères au plus\.$/,
  );
  await expect(answer).toHaveAccessibleDescription(/204 caractères n’ont pas été ajoutés/);
  await expect(count).toHaveText(/^1\s997 \/ 2\s000 caractères$/);

  // Saved like a keystroke: the same text after a reload.
  await expect(page.getByTestId('saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Ta réponse' })).toHaveValue(kept);

  // At the limit, nothing more goes in, and that is said too.
  const full = page.getByRole('textbox', { name: 'Ta réponse' });
  await full.fill('a'.repeat(2000));
  await expect(page.getByTestId('answer-limit-status')).toHaveText(
    /^Limite atteinte : ta réponse a 2\s000 caractères, rien de plus ne peut être ajouté\.$/,
  );
  await full.press('End');
  await full.press('ControlOrMeta+V');
  await expect(full).toHaveValue('a'.repeat(2000));
  await expect(page.getByTestId('answer-paste-cut')).toHaveText(
    /^Texte trop long : 301 caractères n’ont pas/,
  );
  // A paste that fits takes the message away.
  await full.fill('Le soleil chauffe la mer. ');
  await full.press('End');
  await full.press('ControlOrMeta+V');
  await expect(full).toHaveValue('Le soleil chauffe la mer. ' + 'soleil '.repeat(43));
  await expect(page.getByTestId('answer-paste-cut')).toBeHidden();
});
