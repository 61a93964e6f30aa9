/** The sequence routes as the teacher's screens call them (answers checked against the contract). */
import { newUuid } from '../../../protocol/hash.ts';
import {
  FollowGridSchema,
  PublishSequenceResponseSchema,
  SEQUENCE_API,
  SequenceListSchema,
  SequenceSchema,
  type PublishSequenceRequest,
} from '../../../protocol/sequence-api.ts';
import { teacherCall } from '../teacher-api-client.ts';

export const listSequences = () => teacherCall(SequenceListSchema, SEQUENCE_API.sequences);
export const getSequence = (id: string) => teacherCall(SequenceSchema, SEQUENCE_API.sequence(id));
export const saveSequence = (
  id: string,
  body: { classId: string; title: string; description: string; lessonIds: string[] },
) => teacherCall(SequenceSchema, SEQUENCE_API.sequence(id), { method: 'PUT', json: body });
export const addNewSeance = (id: string, title: string) =>
  teacherCall(SequenceSchema, SEQUENCE_API.newLesson(id), { method: 'POST', json: { title } });
export const removeSeance = (id: string, lessonId: string) =>
  teacherCall(SequenceSchema, SEQUENCE_API.sequenceLesson(id, lessonId), { method: 'DELETE' });
export const publishSequence = (id: string, classes: PublishSequenceRequest['classes']) =>
  teacherCall(PublishSequenceResponseSchema, SEQUENCE_API.publication(id, newUuid()), {
    method: 'PUT',
    json: { classes },
  });
export const duplicateSequence = (id: string, classId: string) =>
  teacherCall(SequenceSchema, SEQUENCE_API.duplicate(id), { method: 'POST', json: { classId } });
export const getFollowGrid = (id: string, classId: string) =>
  teacherCall(FollowGridSchema, SEQUENCE_API.follow(id, classId));
