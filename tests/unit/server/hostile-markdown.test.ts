/**
 * Issue 8 point 7: hostile Markdown at publish and at feedback is refused with
 * 422 and a reason code, fast, without blocking the event loop (it used to
 * answer 500 after a stack overflow, or hold the loop for seconds).
 */
import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownToContent } from '../../../protocol/markdown.ts';
import { MARKDOWN_LIMITS, markdownRefusal } from '../../../protocol/markdown-limits.ts';
import { createSchool, createTestServer, joinAs, sampleDraft, signIn, type TestServer } from './harness.ts';
import { client, handIn, handInAs, publish, type Client } from './teacher-support.ts';

const HOSTILE = {
  emphasis: '**_'.repeat(6666),
  quotes: '>'.repeat(2000) + ' profond',
  lists: '1. '.repeat(1666) + 'x',
};

/** Runs a request while sampling the event loop; returns the answer, its duration and the worst stall. */
async function measured(request: () => Response | Promise<Response>) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const res = await request();
  const body = (await res.json()) as { error: string; problems?: { code: string; stepId?: string }[] };
  const ms = performance.now() - started;
  delay.disable();
  return { status: res.status, body, ms, maxStallMs: delay.max / 1e6 };
}

let server: TestServer;
let teacher: Client;
let classId: string;
beforeEach(async () => {
  server = await createTestServer();
  const school = await createSchool(server);
  classId = school.classId;
  teacher = client(server, await signIn(server, school.teacher));
  (globalThis as { lea?: Client }).lea = client(server, await joinAs(server, school.pupils[0]!.joinCode));
});
afterEach(() => server.close());

describe('hostile Markdown at publish', () => {
  for (const [name, markdown] of Object.entries(HOSTILE)) {
    it(`refuses ${name} with 422 and the step's reason, fast`, async () => {
      const draft = sampleDraft({
        steps: Array.from({ length: 5 }, (_, i) => ({ id: `t${i}`, kind: 'text' as const, body: markdown })),
      });
      const outcome = await measured(() =>
        teacher.put(`/api/teacher/classes/${classId}/lessons/hostile/publications/${randomUUID()}`, {
          draft,
        }),
      );
      expect(outcome.status).toBe(422);
      expect(outcome.body.error).toBe('invalid_lesson');
      expect(outcome.body.problems).toContainEqual({
        code: name === 'emphasis' ? 'markdown_too_complex' : 'markdown_too_deep',
        stepId: 't0',
      });
      expect(outcome.ms).toBeLessThan(1000);
      expect(outcome.maxStallMs).toBeLessThan(250);
    });
  }
});

describe('hostile Markdown in feedback', () => {
  const cases = { ...HOSTILE, emphasisShort: '**_'.repeat(1600), quotesShort: '>'.repeat(1600) };
  for (const [name, markdown] of Object.entries(cases)) {
    it(`refuses ${name} with 422 and a reason code, fast`, async () => {
      await publish(teacher, classId, 'lesson', sampleDraft());
      const lea = (globalThis as { lea?: Client }).lea!;
      const submission = handIn('lesson', 1, { q1: { kind: 'choice', selected: ['a'] } });
      await handInAs(lea, submission);
      const outcome = await measured(() =>
        teacher.put(`/api/teacher/submissions/${submission.id}/feedback/${randomUUID()}`, { markdown }),
      );
      expect(outcome.status).toBe(422);
      expect(['markdown_too_long', 'markdown_too_deep', 'markdown_too_complex']).toContain(
        outcome.body.error,
      );
      expect(outcome.ms).toBeLessThan(1000);
      expect(outcome.maxStallMs).toBeLessThan(250);
    });
  }
});

describe('the Markdown bounds', () => {
  it('accept ordinary lesson text, lists and fill-in blanks', () => {
    const text =
      '## Consigne\n\n> Lis **bien** le texte.\n\n1. Le chat ____ sur le tapis.\n   - un _indice_\n';
    expect(markdownRefusal(text, MARKDOWN_LIMITS.lessonField)).toBeNull();
    expect(
      markdownRefusal('Le chat ____ sur le tapis. '.repeat(700), MARKDOWN_LIMITS.lessonField),
    ).toBeNull();
  });

  it('convert the worst input they allow well under the time budget, without overflowing the stack', () => {
    const worst = [
      '**_'.repeat(MARKDOWN_LIMITS.maxMarkup / 2 - 1),
      `${'> '.repeat(MARKDOWN_LIMITS.maxDepth - 1)}x`,
      Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i % 7)}- item ${'*a* '.repeat(10)}`).join('\n'),
      `${'!['.repeat(MARKDOWN_LIMITS.maxBrackets - 1)}a${'](x)'.repeat(MARKDOWN_LIMITS.maxBrackets - 1)}`,
    ];
    for (const markdown of worst) {
      expect(markdownRefusal(markdown, MARKDOWN_LIMITS.lessonField)).toBeNull();
      const started = performance.now();
      markdownToContent(markdown);
      expect(performance.now() - started).toBeLessThan(150);
    }
  });

  it('never overflows the stack, even on input that skipped the bounds', () => {
    expect(() => markdownToContent(HOSTILE.quotes)).not.toThrow();
    expect(() => markdownToContent('1. '.repeat(1666))).not.toThrow();
  });
});
