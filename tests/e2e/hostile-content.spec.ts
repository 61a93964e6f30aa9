/**
 * The XSS corpus end to end: hostile text in every teacher-authored field and
 * every pupil field a teacher reads, created through the real API, then shown
 * in real Chromium (CSP and Trusted Types on) on every screen people use. On
 * each screen: nothing ran (no `window.__pwned`, no dialog, no CSP/TT report —
 * the fixture fails on those), no active markup or handlers in the DOM, links
 * only http(s)/mailto opened safely, and the payloads are there as text.
 */
import { randomUUID } from 'node:crypto';
import { TEACHER_API } from '../../protocol/teacher-api.ts';
import { MARKDOWN_CORPUS, NAME_PAYLOADS, TEXT_PAYLOADS } from '../fixtures/xss-payloads.ts';
import { expect, test } from './support/fixtures.ts';
import { hostileDraft, teacherApi } from './support/hostile-lesson.ts';
import { expectCorpus, expectInert, expectTexts } from './support/hostile-dom.ts';
import { lessonCard, waitForWorkerControl, walkSteps, goHome } from './support/pupil.ts';
import { signInAsTeacher } from './support/teacher.ts';

test('hostile text in every field stays text on every screen, for pupils and teachers', async ({
  server,
  page: teacherPage,
  browser,
}) => {
  test.setTimeout(300_000);
  const origin = server.origin;
  const api = await teacherApi(origin);

  // The teacher's class, pupils and lesson, all hostile, through the API.
  const schoolClass = await api.call<{ id: string }>(
    'POST',
    TEACHER_API.classes,
    { name: NAME_PAYLOADS.className.value },
    [201],
  );
  const { pupils } = await api.call<{ pupils: { id: string; name: string; code: string }[] }>(
    'POST',
    TEACHER_API.pupils(schoolClass.id),
    { names: NAME_PAYLOADS.pupils.map((p) => p.value) },
    [201],
  );
  expect(pupils.map((p) => p.name).sort()).toEqual(NAME_PAYLOADS.pupils.map((p) => p.visible).sort());
  const pupil = pupils.find((p) => p.name === NAME_PAYLOADS.pupils[0]!.visible)!;
  const lessonId = randomUUID();
  const draft = await hostileDraft(api);
  await api.call('PUT', TEACHER_API.lesson(schoolClass.id, lessonId), { draft }, [200, 201]);
  await api.call('PUT', TEACHER_API.publication(schoolClass.id, lessonId, randomUUID()), { draft }, [201]);
  const title = TEXT_PAYLOADS.lessonTitle.visible;

  // --- The pupil: join, lesson list, every step, hand in.
  const pupilContext = await browser.newContext();
  const pupilPage = await pupilContext.newPage();
  await pupilPage.goto(`${origin}/join#${pupil.code.replaceAll('-', '')}`);
  await expect(pupilPage.getByRole('heading', { level: 1, name: `Bonjour ${pupil.name}` })).toBeVisible();
  await expect(pupilPage.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await waitForWorkerControl(pupilPage);
  await expect(lessonCard(pupilPage, title)).toBeVisible();
  await expectTexts(pupilPage, 'main', [title, pupil.name], 'pupil lesson list');
  await expectInert(pupilPage, 'pupil lesson list');

  await lessonCard(pupilPage, title).getByRole('link').click();
  await expect(pupilPage.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await walkSteps(pupilPage, async (index) => {
    const step = pupilPage.locator('.step');
    const where = `pupil step ${index + 1} (${draft.steps[index]!.kind})`;
    const kind = draft.steps[index]!.kind;
    if (kind === 'pdf') {
      await expectTexts(pupilPage, '.step', [TEXT_PAYLOADS.pdfTitle.visible], where);
      await expectInert(pupilPage, where);
      return;
    }
    await expectCorpus(pupilPage, '.step .content', where);
    if (kind === 'image')
      await expect(step.locator('img')).toHaveAttribute('alt', TEXT_PAYLOADS.imageAlt.visible);
    if (kind === 'quiz' && draft.steps[index]!.id === 'choice') {
      await expectTexts(
        pupilPage,
        '.step',
        [TEXT_PAYLOADS.choiceA.visible, TEXT_PAYLOADS.choiceB.visible],
        where,
      );
      // The wrong choice, so the correction shows the right label.
      await step.getByRole('radio').nth(1).check();
      await step.getByRole('button', { name: 'Vérifier' }).click();
      await expect(step).toContainText('La bonne réponse');
      await expectTexts(
        pupilPage,
        '.step',
        [`La bonne réponse : ${TEXT_PAYLOADS.choiceA.visible}`],
        `${where} correction`,
      );
      await expectInert(pupilPage, `${where} correction`);
    }
    if (kind === 'quiz' && draft.steps[index]!.id === 'short') {
      await step.locator('input[type="text"]').fill(TEXT_PAYLOADS.pupilShortAnswer.value);
      await step.getByRole('button', { name: 'Vérifier' }).click();
      await expect(step).toContainText('La bonne réponse');
      // The pupil is shown the first accepted answer (the teacher's review lists them all).
      await expectTexts(
        pupilPage,
        '.step',
        [TEXT_PAYLOADS.acceptedAnswers[0]!.visible],
        `${where} correction`,
      );
      await expectInert(pupilPage, `${where} correction`);
    }
    if (kind === 'freeText') await step.locator('textarea').fill(TEXT_PAYLOADS.pupilFreeText.value);
  });
  await pupilPage.getByRole('button', { name: 'Rendre mon travail' }).click();
  await pupilPage.getByRole('button', { name: 'Oui, je rends' }).click();
  await expect(pupilPage.getByRole('heading', { name: 'Travail rendu' })).toBeVisible();
  await expect(pupilPage.getByTestId('work-state').locator('[data-work-state]')).toHaveAttribute(
    'data-work-state',
    'handedIn',
    { timeout: 60_000 },
  );
  await expectInert(pupilPage, 'pupil handed-in view');

  // --- The teacher, in the browser: class list, lesson list, editor, preview.
  await signInAsTeacher(teacherPage, origin);
  const classLink = teacherPage.getByRole('link', { name: NAME_PAYLOADS.className.visible });
  await expect(classLink).toBeVisible();
  await expectInert(teacherPage, 'teacher class list');
  await classLink.click();
  await expect(teacherPage.locator('[data-screen="teacher-lessons"]')).toBeVisible();
  await expectTexts(
    teacherPage,
    '[data-screen="teacher-lessons"]',
    [title, NAME_PAYLOADS.className.visible],
    'teacher lesson list',
  );
  await expectInert(teacherPage, 'teacher lesson list');

  await teacherPage.getByRole('link', { name: title }).first().click();
  await expect(teacherPage.locator('[data-screen="teacher-editor"]')).toBeVisible();
  // The editor's live previews render the corpus; the fields hold the source.
  await expect(teacherPage.locator('.markdown-preview').first()).toBeVisible();
  await expectCorpus(teacherPage, '.markdown-preview', 'teacher editor preview');
  await expect(teacherPage.getByLabel('Titre', { exact: true })).toHaveValue(TEXT_PAYLOADS.lessonTitle.value);

  await teacherPage.getByRole('button', { name: 'Aperçu élève' }).click();
  const preview = teacherPage.getByTestId('lesson-preview');
  await expectTexts(teacherPage, '[data-testid="lesson-preview"]', [title], 'teacher preview');
  for (const [index, step] of draft.steps.entries()) {
    const where = `teacher preview step ${index + 1} (${step.kind})`;
    if (step.kind === 'pdf') {
      await expectTexts(
        teacherPage,
        '[data-testid="lesson-preview"] .step',
        [TEXT_PAYLOADS.pdfTitle.visible],
        where,
      );
      await expectInert(teacherPage, where);
    } else {
      await expectCorpus(teacherPage, '[data-testid="lesson-preview"] .step .content', where);
    }
    if (index < draft.steps.length - 1) await preview.getByRole('button', { name: /Suivant/ }).click();
  }
  await teacherPage.getByRole('button', { name: 'Retour à l’édition' }).click();

  // Pupil list and the printable code sheet.
  await teacherPage.goto(`${origin}/teacher/classes/${schoolClass.id}/pupils`);
  await expect(teacherPage.locator('[data-screen="teacher-pupils"]')).toBeVisible();
  await expectTexts(
    teacherPage,
    '[data-screen="teacher-pupils"]',
    NAME_PAYLOADS.pupils.map((p) => p.visible),
    'pupil list',
  );
  await expectInert(teacherPage, 'pupil list');
  await teacherPage.goto(`${origin}/teacher/classes/${schoolClass.id}/codes`);
  await expect(teacherPage.locator('[data-screen="teacher-codes"]')).toBeVisible();
  await expectTexts(
    teacherPage,
    '[data-screen="teacher-codes"]',
    NAME_PAYLOADS.pupils.map((p) => p.visible),
    'code sheet',
  );
  await expectInert(teacherPage, 'code sheet');
  // Names sit in <bdi>, so a right-to-left name cannot reorder the sheet around it.
  await expect(teacherPage.locator('.code-name bdi')).toHaveCount(NAME_PAYLOADS.pupils.length);

  // Dashboard, then the submission: the pupil's answers as text.
  await teacherPage.goto(`${origin}/teacher/classes/${schoolClass.id}/dashboard`);
  const row = teacherPage.locator('tbody tr').filter({ hasText: 'Zoé' });
  await expect(row.getByTestId('work-status')).toBeVisible();
  await expectTexts(
    teacherPage,
    '[data-screen="teacher-dashboard"]',
    [title, ...NAME_PAYLOADS.pupils.map((p) => p.visible)],
    'dashboard',
  );
  await expectInert(teacherPage, 'dashboard');
  await row.getByRole('link', { name: /Voir/ }).click();
  await expect(teacherPage.locator('[data-screen="teacher-submission"]')).toBeVisible();
  await expectTexts(
    teacherPage,
    '[data-screen="teacher-submission"]',
    [
      pupil.name,
      TEXT_PAYLOADS.pupilFreeText.visible,
      TEXT_PAYLOADS.pupilShortAnswer.visible,
      TEXT_PAYLOADS.choiceB.visible,
      ...TEXT_PAYLOADS.acceptedAnswers.map((a) => a.visible),
    ],
    'submission review',
  );
  await expectCorpus(teacherPage, '[data-screen="teacher-submission"] .content', 'submission review');

  // Feedback: the corpus again, sent from the review screen.
  await teacherPage.getByLabel('Message à l’élève (Markdown)').fill(MARKDOWN_CORPUS);
  await teacherPage.getByRole('button', { name: 'Envoyer le message' }).click();
  await expect(teacherPage.getByRole('status').filter({ hasText: 'Message envoyé.' })).toBeVisible();
  await teacherPage.reload();
  await expectCorpus(
    teacherPage,
    '[data-screen="teacher-submission"] .feedback-item .content',
    'feedback already sent',
  );

  // --- The pupil gets the feedback on the handed-in lesson.
  await goHome(pupilPage);
  await pupilPage.getByRole('button', { name: 'Mettre à jour' }).click();
  await lessonCard(pupilPage, title).getByRole('link').click();
  await expect(pupilPage.getByTestId('feedback')).toBeVisible({ timeout: 30_000 });
  await expectCorpus(pupilPage, '[data-testid="feedback"] .content', 'pupil feedback');
  await pupilContext.close();
});
