/** Reads what the server received, through the teacher's API (as a teacher would see it). */
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

export async function teacherSubmissions(origin: string): Promise<ReceivedSubmission[]> {
  const session = await fetch(`${origin}/api/teacher/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_TEACHER),
  });
  if (!session.ok) throw new Error(`teacher login failed: ${session.status}`);
  const { token } = (await session.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
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
