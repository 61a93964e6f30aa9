/** The hostile lesson of the XSS corpus test, made through the real teacher API. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import { MARKDOWN_CORPUS, TEXT_PAYLOADS } from '../../fixtures/xss-payloads.ts';
import { teacherAuth } from './teacher-api.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');

/** Calls the teacher API as the demo teacher; throws on any unexpected status. */
export async function teacherApi(origin: string) {
  const auth = await teacherAuth(origin);
  const call = async <T>(method: string, path: string, body: unknown, expected: number[]): Promise<T> => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!expected.includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const upload = async (file: string) => {
    const bytes = readFileSync(join(FIXTURES, file));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const res = await fetch(`${origin}/api/blobs/${sha256}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    if (!res.ok) throw new Error(`upload ${file}: ${res.status} ${await res.text()}`);
    const { mime, size } = (await res.json()) as { mime: string; size: number };
    return { blob: sha256, mime, size, optional: false };
  };
  return { call, upload };
}

/** A lesson whose every text field is hostile: the Markdown corpus in each Markdown field. */
export async function hostileDraft(api: Awaited<ReturnType<typeof teacherApi>>): Promise<LessonDraft> {
  const [png, webmAudio, webmVideo, pdf] = await Promise.all(
    ['lesson-image.png', 'lesson-audio.webm', 'lesson-video.webm', 'lesson-worksheet.pdf'].map(api.upload),
  );
  return {
    title: TEXT_PAYLOADS.lessonTitle.value,
    availableFrom: new Date(Date.now() - 10 * 60_000).toISOString(),
    dueAt: null,
    showCorrection: true,
    steps: [
      { id: 'text', kind: 'text', body: MARKDOWN_CORPUS },
      {
        id: 'image',
        kind: 'image',
        media: png!,
        alt: TEXT_PAYLOADS.imageAlt.value,
        caption: MARKDOWN_CORPUS,
      },
      { id: 'audio', kind: 'audio', media: webmAudio!, transcript: MARKDOWN_CORPUS },
      { id: 'video', kind: 'video', media: webmVideo!, caption: MARKDOWN_CORPUS },
      { id: 'pdf', kind: 'pdf', media: pdf!, title: TEXT_PAYLOADS.pdfTitle.value },
      {
        id: 'choice',
        kind: 'quiz',
        question: 'single',
        prompt: MARKDOWN_CORPUS,
        choices: [
          { id: 'a', label: TEXT_PAYLOADS.choiceA.value },
          { id: 'b', label: TEXT_PAYLOADS.choiceB.value },
        ],
        correct: ['a'],
      },
      {
        id: 'short',
        kind: 'quiz',
        question: 'short',
        prompt: MARKDOWN_CORPUS,
        choices: [],
        correct: TEXT_PAYLOADS.acceptedAnswers.map((a) => a.value),
      },
      { id: 'free', kind: 'freeText', prompt: MARKDOWN_CORPUS },
    ],
  };
}
