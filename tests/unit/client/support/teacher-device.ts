/** Test-only: a teacher's device signed in as Mme Rousseau, every request answered by the test. */
import { afterEach, beforeEach, vi } from 'vitest';
import type { LessonDraft } from '../../../../protocol/lesson-draft.ts';
import { session } from '../../../../src/teacher/teacher-session.ts';

export const TEACHER = { id: 't1', name: 'Mme Rousseau', email: 'prof@example.test' };
/** The client UUID of the publication the tests queue. */
export const PUBLICATION = '6f1c3a52-3f0e-4b7e-9a55-1d2f7f0b9e10';

/**
 * Before each test of the file, signs the teacher in and hands every fetch to `onFetch` (the page's
 * origin is http://school.test); the globals are put back after the test.
 */
export function eachSignedInTeacher(onFetch: (request: Request) => Promise<Response>): void {
  beforeEach(() => {
    vi.stubGlobal('location', { origin: 'http://school.test' });
    vi.stubGlobal('fetch', onFetch);
    session.value = { token: 'secret-token', teacher: TEACHER, expiresAt: '2099-01-01T00:00:00.000Z' };
  });
  afterEach(() => vi.unstubAllGlobals());
}

/** A one-step lesson as the teacher writes it, opening on 24 November 2026. */
export const lessonDraft = (title: string): LessonDraft => ({
  title,
  availableFrom: '2026-11-24T07:30:00.000Z',
  dueAt: null,
  showCorrection: true,
  steps: [{ id: 's1', kind: 'text', body: 'Lire la page 12.' }],
});
