/** The teacher's screens under /teacher, parsed from the path the app router hands over. */
export type TeacherRoute =
  | { screen: 'classes' }
  | { screen: 'lessons'; classId: string }
  | { screen: 'pupils'; classId: string }
  | { screen: 'codes'; classId: string }
  | { screen: 'dashboard'; classId: string }
  | { screen: 'editor'; classId: string; lessonId: string }
  | { screen: 'sequences'; classId: string }
  | { screen: 'sequence'; classId: string; sequenceId: string }
  | { screen: 'submission'; submissionId: string };

export function parseTeacherPath(path: string): TeacherRoute {
  const parts = path.split('/').filter(Boolean).slice(1).map(decodeURIComponent);
  const [section, id, sub, subId] = parts;
  if (section === 'classes' && id) {
    if (sub === 'lessons' && subId) return { screen: 'editor', classId: id, lessonId: subId };
    if (sub === 'sequences' && subId) return { screen: 'sequence', classId: id, sequenceId: subId };
    if (sub === 'sequences') return { screen: 'sequences', classId: id };
    if (sub === 'pupils') return { screen: 'pupils', classId: id };
    if (sub === 'codes') return { screen: 'codes', classId: id };
    if (sub === 'dashboard') return { screen: 'dashboard', classId: id };
    return { screen: 'lessons', classId: id };
  }
  if (section === 'submissions' && id) return { screen: 'submission', submissionId: id };
  return { screen: 'classes' };
}

export const teacherPaths = {
  classes: () => '/teacher',
  lessons: (classId: string) => `/teacher/classes/${encodeURIComponent(classId)}`,
  pupils: (classId: string) => `/teacher/classes/${encodeURIComponent(classId)}/pupils`,
  codes: (classId: string) => `/teacher/classes/${encodeURIComponent(classId)}/codes`,
  dashboard: (classId: string) => `/teacher/classes/${encodeURIComponent(classId)}/dashboard`,
  editor: (classId: string, lessonId: string) =>
    `/teacher/classes/${encodeURIComponent(classId)}/lessons/${encodeURIComponent(lessonId)}`,
  sequences: (classId: string) => `/teacher/classes/${encodeURIComponent(classId)}/sequences`,
  sequence: (classId: string, sequenceId: string) =>
    `/teacher/classes/${encodeURIComponent(classId)}/sequences/${encodeURIComponent(sequenceId)}`,
  submission: (submissionId: string) => `/teacher/submissions/${encodeURIComponent(submissionId)}`,
};
