/**
 * The sequence routes the teacher's screens call directly (answers checked against the contract);
 * saves and publications go through the teacher outbox instead (src/sync/teacher-sequence-requests.ts).
 */
import {
  FollowGridSchema,
  SEQUENCE_API,
  SequenceListSchema,
  SequenceSchema,
} from '../../../protocol/sequence-api.ts';
import { teacherCall } from '../teacher-api-client.ts';

export const listSequences = () => teacherCall(SequenceListSchema, SEQUENCE_API.sequences);
export const getSequence = (id: string) => teacherCall(SequenceSchema, SEQUENCE_API.sequence(id));
export const duplicateSequence = (id: string, classId: string) =>
  teacherCall(SequenceSchema, SEQUENCE_API.duplicate(id), { method: 'POST', json: { classId } });
export const getFollowGrid = (id: string, classId: string) =>
  teacherCall(FollowGridSchema, SEQUENCE_API.follow(id, classId));
