/** Reads what the server received, through the teacher's API (as a teacher would see it). */
import { randomUUID } from 'node:crypto';

export const DEMO_TEACHER = { email: 'prof@demo.cartable', password: 'cartable-demo' };

export interface ReceivedSubmission {
  id: string;
  lessonId: string;
  lessonVersion: number;
  pupil: { id: string; name: string };
  answers: Record<string, unknown>;
  receivedAt: string;
  score: { correct: number; total: number } | null;
}

/** Bearer headers of a fresh teacher session (the demo teacher's unless told), signed in through the API. */
export async function teacherAuth(
  origin: string,
  teacher: { email: string; password: string } = DEMO_TEACHER,
): Promise<Record<string, string>> {
  const session = await fetch(`${origin}/api/teacher/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(teacher),
  });
  if (!session.ok) throw new Error(`teacher login failed: ${session.status}`);
  const { token } = (await session.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

/** One call to the teacher API as the demo teacher; throws on anything but a 2xx. Null for 204. */
export async function teacherCall<T = Record<string, unknown>>(
  origin: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { ...(await teacherAuth(origin)), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

export async function teacherSubmissions(origin: string): Promise<ReceivedSubmission[]> {
  const auth = await teacherAuth(origin);
  const classes = (await (await fetch(`${origin}/api/teacher/classes`, { headers: auth })).json()) as {
    classes: { id: string }[];
  };
  const all: ReceivedSubmission[] = [];
  for (const cls of classes.classes) {
    const res = await fetch(`${origin}/api/teacher/classes/${cls.id}/submissions`, { headers: auth });
    const body = (await res.json()) as { submissions: ReceivedSubmission[] };
    all.push(...body.submissions);
  }
  return all;
}

/** The demo teacher writes feedback on a submission (a new feedback UUID each time). */
export function giveFeedback(origin: string, submissionId: string, markdown: string) {
  return teacherCall(origin, 'PUT', `/api/teacher/submissions/${submissionId}/feedback/${randomUUID()}`, {
    markdown,
  });
}
