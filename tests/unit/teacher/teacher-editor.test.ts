/** Pure pieces of the teacher's editor and pupil photo step. */
import { describe, expect, it } from 'vitest';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { editorProblems } from '../../../src/teacher/editor/draft-problems.tsx';
import { newStep } from '../../../src/teacher/editor/new-step.ts';
import { previewPack } from '../../../src/teacher/editor/preview-pack.ts';
import { lessonDeliveryState } from '../../../src/teacher/lesson-status.ts';
import type { LessonOutboxItem, LocalLesson } from '../../../src/store/teacher-db.ts';
import { namesFromList } from '../../../src/teacher/teacher-resources.ts';
import { parseTeacherPath } from '../../../src/teacher/teacher-routes.ts';
import { fitWithin } from '../../../src/lesson-view/compress-photo.ts';

const quizDraft = (showCorrection: boolean): LessonDraft => ({
  title: 'Quiz',
  availableFrom: '2026-11-24T07:30:00.000Z',
  dueAt: null,
  showCorrection,
  steps: [
    {
      id: 'q',
      kind: 'quiz',
      question: 'single',
      prompt: 'Combien font **2 + 2** ?',
      choices: [
        { id: 'a', label: '4' },
        { id: 'b', label: '5' },
      ],
      correct: ['a'],
    },
  ],
});

describe('teacher editor', () => {
  it('splits a pasted class list into names, one per line', () => {
    expect(namesFromList('Léa Martin\r\n\n  Noah Benali  \n\t\nInès')).toEqual([
      'Léa Martin',
      'Noah Benali',
      'Inès',
    ]);
  });

  it('refuses to publish a media step whose file was never uploaded', () => {
    const draft: LessonDraft = { ...quizDraft(true), steps: [newStep('image')] };
    expect(editorProblems(draft)).toContainEqual({ code: 'media_missing', stepId: draft.steps[0]!.id });
  });

  it('previews with the pupil’s content tree, and hides the key when the correction is kept', () => {
    const shown = previewPack(quizDraft(true), { lessonId: 'l', classId: 'c' }).steps[0]!;
    const hidden = previewPack(quizDraft(false), { lessonId: 'l', classId: 'c' }).steps[0]!;
    expect(shown).toMatchObject({ kind: 'quiz', correct: ['a'] });
    expect(hidden).not.toHaveProperty('correct');
    expect(shown.kind === 'quiz' && shown.prompt).toEqual([
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Combien font ' },
          { t: 'strong', c: [{ t: 'text', v: '2 + 2' }] },
          { t: 'text', v: ' ?' },
        ],
      },
    ]);
  });

  it('tells the teacher the most pressing state of a lesson', () => {
    const lesson: LocalLesson = {
      lessonId: 'l',
      classId: 'c',
      teacherId: 't',
      draft: quizDraft(true),
      editedAt: '2026-11-23T10:00:00.000Z',
      serverHasEditOf: null,
      publishedVersion: null,
    };
    const item = (
      state: LessonOutboxItem['state'],
      kind: LessonOutboxItem['kind'] = 'publish',
    ): LessonOutboxItem => ({
      id: `${state}-${kind}`,
      kind,
      teacherId: 't',
      classId: 'c',
      lessonId: 'l',
      draft: lesson.draft,
      editedAt: lesson.editedAt,
      createdAt: lesson.editedAt,
      attempts: 2,
      nextAttemptAt: 5,
      state,
    });
    expect(lessonDeliveryState(lesson, [])).toEqual({ kind: 'savedOnDevice' });
    expect(lessonDeliveryState({ ...lesson, serverHasEditOf: lesson.editedAt }, [])).toEqual({
      kind: 'savedOnServer',
    });
    expect(lessonDeliveryState(lesson, [item('waiting')])).toMatchObject({ kind: 'waiting', publish: true });
    expect(lessonDeliveryState(lesson, [item('waiting', 'save'), item('needsAttention')]).kind).toBe(
      'needsAttention',
    );
    expect(lessonDeliveryState(lesson, [item('signIn')]).kind).toBe('signIn');
  });

  it('parses teacher paths', () => {
    expect(parseTeacherPath('/teacher')).toEqual({ screen: 'classes' });
    expect(parseTeacherPath('/teacher/classes/k1/lessons/l%201')).toEqual({
      screen: 'editor',
      classId: 'k1',
      lessonId: 'l 1',
    });
    expect(parseTeacherPath('/teacher/classes/k1/dashboard')).toEqual({ screen: 'dashboard', classId: 'k1' });
    expect(parseTeacherPath('/teacher/submissions/s1')).toEqual({ screen: 'submission', submissionId: 's1' });
  });

  it('fits a photo within 1600 px on its long side, never enlarging it', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1080, 1920)).toEqual({ width: 900, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
  });
});

describe('hostile Markdown in the editor', () => {
  const hostile = (body: string): LessonDraft => ({
    ...quizDraft(true),
    steps: [{ id: 't', kind: 'text', body }],
  });

  it('names the step whose text is nested too deep or holds too much markup', () => {
    expect(editorProblems(hostile('>'.repeat(2000)))).toContainEqual({
      code: 'markdown_too_deep',
      stepId: 't',
    });
    expect(editorProblems(hostile('**_'.repeat(6666)))).toContainEqual({
      code: 'markdown_too_complex',
      stepId: 't',
    });
  });

  it('previews such text literally, at once, instead of stalling or crashing the tab', () => {
    const started = performance.now();
    const pack = previewPack(hostile('**_'.repeat(6666)), { lessonId: 'l', classId: 'c' });
    expect(performance.now() - started).toBeLessThan(200);
    expect(pack.steps[0]).toMatchObject({
      kind: 'text',
      body: [{ t: 'p', c: [{ t: 'text', v: '**_'.repeat(6666) }] }],
    });
  });
});
