/** A class's submissions with what the teacher needs beside them: pupil, version answered, score, lateness. */
import type { Kysely } from 'kysely';
import type { Answers } from '../../protocol/answers.ts';
import type { Submission } from '../../protocol/api.ts';
import type { QuizStep } from '../../protocol/lesson-pack.ts';
import type { Database } from '../db/schema.ts';
import { isLate, scoreAnswers, type Score } from './score.ts';

export interface HandedInWork {
  id: string;
  pupil: { id: string; name: string };
  lessonId: string;
  lessonVersion: number;
  title: string;
  answers: Answers;
  handedInAt: string;
  receivedAt: string;
  /** Imported by the teacher from a family's work file (issue 12). */
  receivedByFile: boolean;
  late: boolean;
  score: Score | null;
}

/** Every submission of the class's pupils (removed pupils included), newest first. */
export async function classWork(db: Kysely<Database>, classId: string): Promise<HandedInWork[]> {
  const rows = await db
    .selectFrom('submissions as s')
    .innerJoin('pupils as p', 'p.id', 's.pupil_id')
    .innerJoin('lesson_versions as lv', (join) =>
      join.onRef('lv.lesson_id', '=', 's.lesson_id').onRef('lv.version', '=', 's.lesson_version'),
    )
    .select([
      's.id',
      's.body',
      's.received_at',
      's.received_via',
      'p.id as pupilId',
      'p.name as pupilName',
      'lv.title',
      'lv.due_at',
      'lv.quiz_keys',
    ])
    .where('p.class_id', '=', classId)
    .orderBy('s.received_at', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => {
    const handIn = JSON.parse(row.body) as Submission;
    return {
      id: row.id,
      pupil: { id: row.pupilId, name: row.pupilName },
      lessonId: handIn.lessonId,
      lessonVersion: handIn.lessonVersion,
      title: row.title,
      answers: handIn.answers,
      handedInAt: handIn.handedInAt,
      receivedAt: row.received_at,
      receivedByFile: row.received_via === 'file',
      late: isLate(handIn.handedInAt, row.due_at),
      score: scoreAnswers(JSON.parse(row.quiz_keys) as QuizStep[], handIn.answers),
    };
  });
}
