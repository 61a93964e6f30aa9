/** Bench helpers: publish many small lessons into the demo class through the teacher API (one session). */
import { randomUUID } from 'node:crypto';
import { teacherAuth } from '../tests/e2e/support/teacher-api.ts';

/** Bearer and JSON headers of one demo-teacher session. */
export async function teacherSession(origin: string): Promise<Record<string, string>> {
  return { ...(await teacherAuth(origin)), 'content-type': 'application/json' };
}

/** The demo class's id and how many lessons its pupils' manifest lists now. */
export async function demoClass(origin: string, auth: Record<string, string>): Promise<string> {
  const { classes } = (await (await fetch(`${origin}/api/teacher/classes`, { headers: auth })).json()) as {
    classes: { id: string }[];
  };
  return classes[0]!.id;
}

/** Publish `count` text lessons (a few paragraphs and a quiz, about a school day's worth each), already open. */
export async function publishLessons(origin: string, count: number, prefix = 'bench'): Promise<void> {
  const auth = await teacherSession(origin);
  const classId = await demoClass(origin, auth);
  for (let i = 0; i < count; i++) {
    const lessonId = `${prefix}-${String(i).padStart(4, '0')}`;
    const res = await fetch(
      `${origin}/api/teacher/classes/${classId}/lessons/${lessonId}/publications/${randomUUID()}`,
      {
        method: 'PUT',
        headers: auth,
        body: JSON.stringify({
          draft: {
            title: `Leçon ${i + 1} : les nombres décimaux`,
            availableFrom: new Date(Date.now() - 3_600_000).toISOString(),
            dueAt: null,
            showCorrection: true,
            steps: [
              {
                id: 's1',
                kind: 'text',
                body: `Un nombre **décimal** a une virgule : ${i},5.\n\n${'Lis la consigne, puis réponds. '.repeat(20)}`,
              },
            ],
          },
        }),
      },
    );
    if (!res.ok) throw new Error(`publish ${lessonId} → ${res.status} ${await res.text()}`);
  }
}

/** Add `count` pupils to the demo class (200 per request, the API's limit); returns their join codes. */
export async function addPupils(origin: string, count: number): Promise<string[]> {
  const auth = await teacherSession(origin);
  const classId = await demoClass(origin, auth);
  const codes: string[] = [];
  for (let start = 0; start < count; start += 200) {
    const names = Array.from({ length: Math.min(200, count - start) }, (_, i) => `Élève ${start + i + 1}`);
    const res = await fetch(`${origin}/api/teacher/classes/${classId}/pupils`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ names }),
    });
    if (!res.ok) throw new Error(`add pupils → ${res.status} ${await res.text()}`);
    const { pupils } = (await res.json()) as { pupils: { code: string }[] };
    codes.push(...pupils.map((p) => p.code));
  }
  return codes;
}
