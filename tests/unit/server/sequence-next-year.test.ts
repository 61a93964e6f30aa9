/**
 * Duplicating a sequence for next year (POST /api/teacher/sequences/<id>/duplicate into any of the
 * teacher's classes, its own included): the séances are fresh unpublished drafts with their
 * content, no dates, no schedule and no chosen pupils, titled as the original; another teacher's
 * sequence is answered 404.
 */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../../protocol/api.ts';
import { SequenceSchema, type Sequence } from '../../../protocol/sequence-api.ts';
import { bearer, createSchool, eachTest, signIn } from './harness.ts';
import {
  dailySeances,
  fractionsSequence,
  publishSequence,
  sequenceSchool,
  type SequenceSchool,
} from './sequence-support.ts';
import { client } from './teacher-support.ts';

let school: SequenceSchool;
eachTest(sequenceSchool, (world) => (school = world));

/** A published sequence of two séances in class A, the first given to Léa only. */
async function publishedSequence(): Promise<string[]> {
  const { teacher, classA } = school;
  const ids = await fractionsSequence(school, ['Comparer', 'Additionner']);
  const answer = await publishSequence(teacher, 'fractions', [
    {
      classId: classA.id,
      seances: dailySeances([6, 7]),
      assignments: [{ lessonId: ids[0]!, pupilIds: [classA.pupils[0]!.id] }],
    },
  ]);
  expect(answer.results[0]!.status).toBe('published');
  return ids;
}

async function duplicate(classId: string, teacher = school.teacher) {
  const res = await teacher.post('/api/teacher/sequences/fractions/duplicate', { classId });
  return { status: res.status, body: (await res.json()) as Sequence & { error?: string } };
}

type ServerLesson = {
  draft: { availableFrom: string | null; dueAt: string | null; steps: unknown[] };
  published: unknown;
};
const lessonOf = async (classId: string, lessonId: string) =>
  (await (
    await school.teacher.get(`/api/teacher/classes/${classId}/lessons/${lessonId}`)
  ).json()) as ServerLesson;

describe('duplicating a sequence for next year', () => {
  it('into its own class: unpublished drafts with the content, no dates, schedule or chosen pupils', async () => {
    const { classA } = school;
    const ids = await publishedSequence();
    const copy = await duplicate(classA.id);
    expect(copy.status).toBe(201);
    const sequence = v.parse(SequenceSchema, copy.body);
    expect(sequence.id).not.toBe('fractions');
    expect(sequence.classId).toBe(classA.id);
    expect(sequence.title).toBe('Les fractions');
    expect(sequence.seances.map((s) => [s.title, s.pupilIds])).toEqual([
      ['Comparer', null],
      ['Additionner', null],
    ]);
    expect(sequence.classes).toEqual([]);
    for (const [i, seance] of sequence.seances.entries()) {
      expect(ids).not.toContain(seance.lessonId);
      const [original, fresh] = [
        await lessonOf(classA.id, ids[i]!),
        await lessonOf(classA.id, seance.lessonId),
      ];
      expect(fresh.published).toBeNull();
      expect(fresh.draft).toMatchObject({ availableFrom: null, dueAt: null, steps: original.draft.steps });
    }
    // Pupils see nothing of the copy until it is published.
    const manifest = v.parse(
      ManifestSchema,
      await (await school.server.app.request('/api/pupil/manifest', bearer(classA.pupils[1]!.token))).json(),
    );
    expect(manifest.lessons.map((l) => l.id).sort()).toEqual([ids[1]]);
    // The original keeps its publication and its chosen pupils.
    const original = v.parse(
      SequenceSchema,
      await (await school.teacher.get('/api/teacher/sequences/fractions')).json(),
    );
    expect(original.classes).toHaveLength(1);
    expect(original.seances[0]!.pupilIds).toEqual([classA.pupils[0]!.id]);
  });

  it('from last year’s archived class into this year’s, but never into an archived class', async () => {
    const { teacher, classA, classB } = school;
    await publishedSequence();
    await teacher.patch(`/api/teacher/classes/${classA.id}`, { archived: true });
    const copy = await duplicate(classB.id);
    expect(copy.status).toBe(201);
    expect(copy.body.classId).toBe(classB.id);
    expect(copy.body.title).toBe('Les fractions');
    expect((await duplicate(classA.id)).body.error).toBe('class_archived');
  });

  it('answers 404 for another teacher’s sequence, and into another teacher’s class', async () => {
    const { server, classA } = school;
    await publishedSequence();
    const other = await createSchool(server, ['Zoé Martin']);
    const stranger = client(server, await signIn(server, other.teacher));
    const refused = await duplicate(other.classId, stranger);
    expect(refused).toMatchObject({ status: 404, body: { error: 'unknown_sequence' } });
    expect(JSON.stringify(refused.body)).not.toContain('Les fractions');
    expect(await duplicate(other.classId)).toMatchObject({ status: 404, body: { error: 'unknown_class' } });
    const list = (await (await school.teacher.get('/api/teacher/sequences')).json()) as {
      sequences: Sequence[];
    };
    expect(list.sequences.map((s) => s.classId)).toEqual([classA.id]);
  });
});
