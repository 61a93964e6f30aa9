/**
 * Property test: random and mutated bodies thrown at every write route of the
 * server's route table (so a route added later is fuzzed too). The server must
 * never answer 5xx, and a refused request must not leave anything behind.
 * The seed is printed; replay a failure with FUZZ_SEED=<seed>.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSchool,
  createTestServer,
  joinAs,
  publishTestLesson,
  signIn,
  type TestServer,
} from './harness.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 30);

let server: TestServer;
let teacherToken: string;
let deviceToken: string;
let known: Record<string, string>;

beforeAll(async () => {
  console.log(`fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);
  server = await createTestServer();
  const school = await createSchool(server, ['Léa Martin', 'Noah Benali']);
  const lesson = await publishTestLesson(server, school.classId);
  teacherToken = await signIn(server, school.teacher);
  deviceToken = await joinAs(server, school.pupils[0]!.joinCode);
  known = { classId: school.classId, pupilId: school.pupils[1]!.id, lessonId: lesson.lessonId };
});
afterAll(() => server.close());

/** Row count of every table: a refused request must leave them all as they were. */
async function tableCounts(): Promise<Record<string, number>> {
  // rate_limits counts refused attempts on purpose (a wrong join code spends the budget): not part of the request.
  const tables = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and name != 'rate_limits'`.execute(
    server.db,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(server.db);
    counts[name] = Number(row.rows[0]!.n);
  }
  return counts;
}

/** Every write route (method + path pattern) in the app's route table. */
function writeRoutes(): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const route of server.app.routes) {
    if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method)) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

/** A value for a path parameter: sometimes a real id (to reach deep into handlers), sometimes junk. */
const paramValue = (name: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constant(known[name] ?? randomUUID()),
    fc.uuid(),
    fc.stringMatching(/^[0-9a-f]{64}$/),
    fc.string({ maxLength: 80 }).map(encodeURIComponent),
  );

const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((value) => {
    try {
      return JSON.stringify(value) ?? 'null';
    } catch {
      return '{}';
    }
  }),
  fc.string({ maxLength: 300 }),
  // Plausible shapes with wrong insides: what a buggy or hostile client sends.
  fc
    .record(
      {
        id: fc.oneof(fc.uuid(), fc.string()),
        code: fc.string({ maxLength: 20 }),
        name: fc.oneof(fc.string({ maxLength: 200 }), fc.integer()),
        names: fc.array(fc.string({ maxLength: 50 }), { maxLength: 5 }),
        lessonId: fc.constant('x'),
        lessonVersion: fc.oneof(fc.integer(), fc.double()),
        answers: fc.dictionary(fc.string({ maxLength: 10 }), fc.anything({ maxDepth: 2 })),
        draft: fc.anything({ maxDepth: 3 }),
        markdown: fc.string({ maxLength: 200 }),
        email: fc.emailAddress(),
        password: fc.string({ maxLength: 30 }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
);

const authFor = (method: string, path: string): fc.Arbitrary<string | null> =>
  fc.oneof(
    // Signing the fuzzing teacher out would only make every later teacher request a 401.
    fc.constant(
      method === 'DELETE' && path === '/api/teacher/session'
        ? null
        : path.startsWith('/api/teacher')
          ? teacherToken
          : deviceToken,
    ),
    fc.constant(null),
    fc.constant('not-a-token'),
  );

describe('fuzzing every write route', () => {
  it('finds the write routes to fuzz', () => {
    const routes = writeRoutes();
    console.log(
      `fuzzing ${routes.length} write routes: ${routes.map((r) => `${r.method} ${r.path}`).join(', ')}`,
    );
    expect(routes.length).toBeGreaterThanOrEqual(5);
  });

  it('never answers 5xx and never keeps part of a refused request', async () => {
    for (const route of writeRoutes()) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const request = fc.record({
        values: fc.tuple(...params.map(paramValue)),
        body,
        auth: authFor(route.method, route.path),
        contentType: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ values, body, auth, contentType }) => {
          let url = route.path;
          params.forEach((name, i) => (url = url.replace(`:${name}`, values[i] || 'x')));
          const before = await tableCounts();
          const res = await server.app.request(url, {
            method: route.method,
            headers: { 'content-type': contentType, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
            body: route.method === 'DELETE' ? undefined : body,
          });
          expect(
            res.status,
            `${route.method} ${url} → ${res.status} ${await res.clone().text()}`,
          ).toBeLessThan(500);
          if (res.status >= 400)
            expect(await tableCounts(), `${route.method} ${url} left rows behind`).toEqual(before);
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
      );
    }
  }, 120_000);
});
