/**
 * The rehearsal's classes, made (or found again) through the teacher's API as a teacher would:
 * classes "Répétition 1…n" of 30 pupils, each with one published lesson holding an image and a
 * PDF (shared media, so the cache sees the same files from every class) and a free-text answer.
 * A second rehearsal reuses them: pupils' current codes come back with the class's pupil list,
 * and the publication's UUID is derived from the class, so publishing again changes nothing.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEACHER_API } from '../protocol/teacher-api.ts';
import { encodePng } from '../server/seed/media/png.ts';
import { teacherAuth } from '../tests/e2e/support/teacher-api.ts';

/** Pupils per class: a real class's size, well under the server's joins-per-class-per-minute limit. */
export const CLASS_SIZE = 30;
/** Lesson ids are unique across the server: one per class. */
export const lessonIdOf = (classId: string) => `repetition-${classId}`;

export interface RehearsalClass {
  id: string;
  name: string;
  codes: string[];
}

export interface TeacherApi {
  call<T>(method: string, path: string, body?: unknown, raw?: { bytes: Buffer; type: string }): Promise<T>;
}

/** Calls the teacher API with one session; throws on anything but a 2xx. */
export async function teacherApi(
  origin: string,
  teacher: { email: string; password: string },
): Promise<TeacherApi> {
  const auth = await teacherAuth(origin, teacher);
  return {
    async call<T>(method: string, apiPath: string, body?: unknown, raw?: { bytes: Buffer; type: string }) {
      const res = await fetch(`${origin}${apiPath}`, {
        method,
        headers: { ...auth, 'content-type': raw?.type ?? 'application/json' },
        ...(raw
          ? { body: new Uint8Array(raw.bytes) }
          : body === undefined
            ? {}
            : { body: JSON.stringify(body) }),
      });
      if (!res.ok) throw new Error(`${method} ${apiPath} → ${res.status} ${await res.text()}`);
      return (res.status === 204 ? null : await res.json()) as T;
    },
  };
}

/** A 256×256 picture of noise (so it does not compress, like a photo), the same on every run. */
function rehearsalPicture(): Buffer {
  const rgb = new Uint8Array(256 * 256 * 3);
  let x = 0x2545f491;
  for (let i = 0; i < rgb.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    rgb[i] = x & 0xff;
  }
  return encodePng(256, 256, rgb);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A UUID that is always the same for the same text (the publication of one class's lesson). */
function stableUuid(text: string): string {
  const h = sha256(Buffer.from(text));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function uploadMedia(api: TeacherApi): Promise<{ blob: string; mime: string; size: number }[]> {
  const files = [
    { bytes: rehearsalPicture(), mime: 'image/png' },
    {
      bytes: readFileSync(path.resolve(import.meta.dirname, '../tests/fixtures/lesson-worksheet.pdf')),
      mime: 'application/pdf',
    },
  ];
  const refs = [];
  for (const { bytes, mime } of files) {
    const blob = sha256(bytes);
    await api.call('PUT', `/api/blobs/${blob}`, undefined, { bytes, type: mime });
    refs.push({ blob, mime, size: bytes.byteLength });
  }
  return refs;
}

/** Makes sure `pupils` pupils sit in rehearsal classes with the lesson published; returns them by class. */
export async function prepareClasses(api: TeacherApi, pupils: number): Promise<RehearsalClass[]> {
  const [picture, worksheet] = await uploadMedia(api);
  const { classes } = await api.call<{ classes: { id: string; name: string }[] }>('GET', TEACHER_API.classes);
  const wanted = Math.ceil(pupils / CLASS_SIZE);
  const prepared: RehearsalClass[] = [];
  for (let i = 0; i < wanted; i++) {
    const name = `Répétition ${i + 1}`;
    const size = Math.min(CLASS_SIZE, pupils - i * CLASS_SIZE);
    const id =
      classes.find((c) => c.name === name)?.id ??
      (await api.call<{ id: string }>('POST', TEACHER_API.classes, { name })).id;
    let list = (await api.call<{ pupils: { code: string }[] }>('GET', TEACHER_API.pupils(id))).pupils;
    if (list.length < size) {
      const names = Array.from(
        { length: size - list.length },
        (_, k) => `Élève ${i + 1}-${list.length + k + 1}`,
      );
      await api.call('POST', TEACHER_API.pupils(id), { names });
      list = (await api.call<{ pupils: { code: string }[] }>('GET', TEACHER_API.pupils(id))).pupils;
    }
    await api.call(
      'PUT',
      TEACHER_API.publication(id, lessonIdOf(id), stableUuid(`rehearsal ${lessonIdOf(id)}`)),
      {
        draft: {
          title: 'Répétition générale : le cycle de l’eau',
          availableFrom: '2026-01-01T07:00:00.000Z',
          dueAt: null,
          showCorrection: true,
          steps: [
            {
              id: 'intro',
              kind: 'text',
              body: 'Regarde l’image, lis la fiche, puis écris ce que tu as compris.',
            },
            { id: 'picture', kind: 'image', media: picture, alt: 'Le cycle de l’eau' },
            { id: 'worksheet', kind: 'pdf', media: worksheet, title: 'Fiche' },
            { id: 'answer', kind: 'freeText', prompt: 'Explique le cycle de l’eau en deux phrases.' },
          ],
        },
      },
    );
    prepared.push({ id, name, codes: list.slice(0, size).map((p) => p.code.replaceAll('-', '')) });
  }
  return prepared;
}
