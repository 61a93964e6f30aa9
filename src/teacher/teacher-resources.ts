/** The teacher API by resource, validated with the contract's schemas (protocol/teacher-api.ts). */
import {
  ClassListSchema,
  DashboardSchema,
  DeviceListSchema,
  FeedbackResponseSchema,
  LessonListSchema,
  PupilListSchema,
  SubmissionDetailSchema,
  TEACHER_API,
  TeacherLessonSchema,
} from '../../protocol/teacher-api.ts';
import { teacherCall } from './teacher-api-client.ts';

export const listClasses = () => teacherCall(ClassListSchema, TEACHER_API.classes).then((r) => r.classes);
export const createClass = (name: string) =>
  teacherCall(null, TEACHER_API.classes, { method: 'POST', json: { name } });
export const updateClass = (classId: string, change: { name?: string; archived?: boolean }) =>
  teacherCall(null, TEACHER_API.class(classId), { method: 'PATCH', json: change });

export const listPupils = (classId: string) =>
  teacherCall(PupilListSchema, TEACHER_API.pupils(classId)).then((r) => r.pupils);
export const addPupils = (classId: string, names: string[]) =>
  teacherCall(null, TEACHER_API.pupils(classId), { method: 'POST', json: { names } });
export const renamePupil = (pupilId: string, name: string) =>
  teacherCall(null, TEACHER_API.pupil(pupilId), { method: 'PATCH', json: { name } });
export const removePupil = (pupilId: string) =>
  teacherCall(null, TEACHER_API.pupil(pupilId), { method: 'DELETE' });
export const regenerateCode = (pupilId: string) =>
  teacherCall(null, TEACHER_API.regenerateCode(pupilId), { method: 'POST' });
export const listDevices = (pupilId: string) =>
  teacherCall(DeviceListSchema, TEACHER_API.pupilDevices(pupilId)).then((r) => r.devices);
export const revokeDevice = (deviceId: string) =>
  teacherCall(null, TEACHER_API.device(deviceId), { method: 'DELETE' });

export const listLessons = (classId: string) =>
  teacherCall(LessonListSchema, TEACHER_API.lessons(classId)).then((r) => r.lessons);
export const getLesson = (classId: string, lessonId: string) =>
  teacherCall(TeacherLessonSchema, TEACHER_API.lesson(classId, lessonId));
export const deleteLesson = (classId: string, lessonId: string) =>
  teacherCall(null, TEACHER_API.lesson(classId, lessonId), { method: 'DELETE' });
export const duplicateLesson = (classId: string, lessonId: string) =>
  teacherCall(null, TEACHER_API.duplicate(classId, lessonId), { method: 'POST' });

export const getDashboard = (classId: string) => teacherCall(DashboardSchema, TEACHER_API.dashboard(classId));
export const getSubmission = (submissionId: string) =>
  teacherCall(SubmissionDetailSchema, TEACHER_API.submission(submissionId));
export const sendFeedback = (submissionId: string, feedbackId: string, markdown: string) =>
  teacherCall(FeedbackResponseSchema, TEACHER_API.feedback(submissionId, feedbackId), {
    method: 'PUT',
    json: { markdown },
  });

/** Split a pasted list into names: one per line, blank lines and spaces around names dropped. */
export function namesFromList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
