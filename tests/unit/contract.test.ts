/**
 * One contract (issue 9, point 4): every schema in protocol/ is used by the server (it validates
 * what it receives, or types what it sends with the schema's type) and by a client (which parses
 * the server's answer with it). Requests are the server's to validate; the few one-sided schemas
 * are listed with the reason, and the test fails on a new one-sided schema, on one used by nobody,
 * and on a listing that is no longer true.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contractBreaches, readSchemaUses, type OneSided, type SchemaUse } from './contract-usage.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const request = (name: string, why = 'a request body the server validates'): OneSided => ({
  name,
  kind: 'request',
  why,
});

const ONE_SIDED: OneSided[] = [
  request('JoinRequestSchema'),
  request('AddPupilsSchema'),
  request('CreateClassSchema'),
  request('UpdateClassSchema'),
  request('RenamePupilSchema'),
  request('NewJoinCodeSchema'),
  request('SaveDraftSchema'),
  request('PublishRequestSchema'),
  request('FeedbackRequestSchema'),
  request('NameSchema', 'a pupil, class or teacher name inside requests (and `npm run teacher:add`)'),
  request('SaveSequenceSchema'),
  request('DuplicateSequenceSchema'),
  request('NewSequenceLessonSchema'),
  request('SchedulePreviewRequestSchema'),
  request('AssignmentRequestSchema'),
  request('ScheduleRuleSchema', 'part of the sequence requests'),
  request('DueRuleSchema', 'part of the sequence requests'),
  {
    name: 'HealthSchema',
    kind: 'serverOnly',
    why: 'GET /api/health is read by load balancers and monitors (docs/DEPLOYMENT.md), not by the app',
  },
  {
    name: 'MeResponseSchema',
    kind: 'serverOnly',
    why: 'GET /api/teacher/me is for outside clients; the app has the same from the sign-in answer',
  },
  {
    name: 'SchedulePreviewSchema',
    kind: 'serverOnly',
    why: 'POST …/schedule-preview is for outside clients; the app computes the same dates itself (protocol/sequence-schedule.ts)',
  },
];

const uses = readSchemaUses(ROOT);

describe('the contract in protocol/', () => {
  it('is read whole: the schemas every client and the server share are seen on both sides', () => {
    expect(uses.length).toBeGreaterThan(60);
    const both = (name: string) => uses.find((u) => u.name === name)?.used;
    expect(both('ManifestSchema')).toEqual({ server: true, client: true });
    expect(both('LessonPackSchema')).toEqual({ server: true, client: true });
    expect(both('StepIdSchema')).toEqual({ server: true, client: true }); // through the step schemas
  });

  it('has every schema used by both sides, or listed with the reason it is not', () => {
    expect(contractBreaches(uses, ONE_SIDED)).toEqual([]);
  });

  it('reports a schema used by one side only, one used by nobody, and a listing no longer true', () => {
    const use = (name: string, server: boolean, client: boolean): SchemaUse => ({
      file: 'protocol/x.ts',
      name,
      direct: { server: [], client: [] },
      used: { server, client },
    });
    const problems = contractBreaches(
      [
        use('AnswerOnlyReadSchema', false, true),
        use('DeadSchema', false, false),
        use('FixedSchema', true, true),
      ],
      [{ name: 'FixedSchema', kind: 'knownGap', why: 'was one-sided' }],
    );
    expect(problems).toEqual([
      'AnswerOnlyReadSchema (protocol/x.ts) is used by the client only',
      'DeadSchema (protocol/x.ts) is used by neither side: remove it',
      'FixedSchema is listed as a known gap but both sides use it now: remove it from the list',
    ]);
  });
});
