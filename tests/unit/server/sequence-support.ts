/** A school with two classes of one teacher, lesson drafts, and sequence calls through the API. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { LessonDraft } from '../../../protocol/lesson-draft.ts';
import type {
  PublishSequenceRequest,
  PublishSequenceResponse,
  Sequence,
} from '../../../protocol/sequence-api.ts';
import { addPupil, createClass } from '../../../server/roster.ts';
import { createSchool, createTestServer, joinAs, sampleDraft, signIn, type TestServer } from './harness.ts';
import { client, type Client } from './teacher-support.ts';

/** The tests' "now": Thursday 1 April 2027, before the séances (Tuesday 6 April on). */
export const NOW = new Date('2027-04-01T10:00:00.000Z');
/** 08:30 in Paris (summer time) on the given April 2027 day. */
export const at0830 = (day: number) => `2027-04-${String(day).padStart(2, '0')}T06:30:00.000Z`;

export interface SequenceSchool {
  server: TestServer;
  teacher: Client;
  classA: { id: string; pupils: { id: string; name: string; token: string }[] };
  classB: { id: string; pupils: { id: string; name: string; token: string }[] };
}

/** A teacher with class A (Léa, Noah, Inès) and class B (Jules, Emma), each pupil's device linked. */
export async function sequenceSchool(): Promise<SequenceSchool> {
  const server = await createTestServer({ now: () => NOW });
  const school = await createSchool(server, ['Léa Martin', 'Noah Benali', 'Inès Petit']);
  const teacher = client(server, await signIn(server, school.teacher));
  const classA = {
    id: school.classId,
    pupils: await Promise.all(
      school.pupils.map(async (p) => ({ id: p.id, name: p.name, token: await joinAs(server, p.joinCode) })),
    ),
  };
  const { id: classBId } = await createClass(server.db, { teacherId: school.teacher.id, name: '6e B' }, NOW);
  const pupilsB = [];
  for (const name of ['Jules Roux', 'Emma Blanc']) {
    const pupil = await addPupil(server.db, { classId: classBId, name }, NOW);
    pupilsB.push({ id: pupil.id, name, token: await joinAs(server, pupil.joinCode) });
  }
  return { server, teacher, classA, classB: { id: classBId, pupils: pupilsB } };
}

/** Saves lesson drafts in a class (no dates: the sequence gives them). */
export async function draftLessons(teacher: Client, classId: string, titles: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, title] of titles.entries()) {
    const id = `lesson-${i + 1}-${randomUUID().slice(0, 6)}`;
    const draft: LessonDraft = sampleDraft({ title, availableFrom: null, dueAt: null });
    const res = await teacher.put(`/api/teacher/classes/${classId}/lessons/${id}`, { draft });
    expect(res.status).toBe(201);
    ids.push(id);
  }
  return ids;
}

/** PUT the whole sequence; returns the answer's status and body. */
export async function saveSequence(
  teacher: Client,
  sequenceId: string,
  body: { classId: string; title: string; description?: string; lessonIds: string[] },
) {
  const res = await teacher.put(`/api/teacher/sequences/${sequenceId}`, body);
  return { status: res.status, body: (await res.json()) as Sequence & { error?: string } };
}

/** Publishes to several classes in one request; the answer is 200 with per-class results. */
export async function publishSequence(
  teacher: Client,
  sequenceId: string,
  classes: PublishSequenceRequest['classes'],
  publicationId = randomUUID(),
): Promise<PublishSequenceResponse> {
  const res = await teacher.put(`/api/teacher/sequences/${sequenceId}/publications/${publicationId}`, {
    classes,
  });
  expect(res.status).toBe(200);
  return (await res.json()) as PublishSequenceResponse;
}

/** One séance a day from Tuesday 6 April 2027 at 08:30, due the evening of the same day (18:00). */
export function dailySeances(days: number[]) {
  return days.map((day) => ({
    availableFrom: at0830(day),
    dueAt: `2027-04-${String(day).padStart(2, '0')}T16:00:00.000Z`,
  }));
}

/** Drafts these séances in class A and saves them as the sequence "Les fractions"; returns the lesson ids. */
export async function fractionsSequence(
  school: SequenceSchool,
  titles: string[],
  sequenceId = 'fractions',
): Promise<string[]> {
  const { teacher, classA } = school;
  const lessonIds = await draftLessons(teacher, classA.id, titles);
  await saveSequence(teacher, sequenceId, { classId: classA.id, title: 'Les fractions', lessonIds });
  return lessonIds;
}

/** The sequence school with "Les fractions" (these séances, unpublished) saved in class A. */
export async function fractionsSchool(titles: string[]): Promise<SequenceSchool & { lessons: string[] }> {
  const school = await sequenceSchool();
  return { ...school, lessons: await fractionsSequence(school, titles) };
}
