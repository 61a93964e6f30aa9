/**
 * Issue 8 point 7: hostile Markdown at publish and at feedback is refused with
 * 422 and a reason code, fast, without blocking the event loop (it used to
 * answer 500 after a stack overflow, or hold the loop for seconds).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markdownToContent } from '../../../protocol/markdown.ts';
import { MARKDOWN_LIMITS, markdownRefusal } from '../../../protocol/markdown-limits.ts';
import { createSchool, createTestServer, joinAs, sampleDraft, signIn, type TestServer } from './harness.ts';
import { type Client, client, handIn } from './teacher-support.ts';

const HOSTILE = {
  emphasis: '**_'.repeat(6666),
  quotes: '>'.repeat(2000) + ' profond',
  lists: '1. '.repeat(1666) + 'x',
};

/**
 * Runs a request while a 5 ms timer watches the event loop; returns the answer, its duration and
 * the longest gap between two ticks (a synchronous block shows as a late tick, once it ends).
 */
async function measured(request: () => Response | Promise<Response>) {
  let last = performance.now();
  let maxStallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxStallMs = Math.max(maxStallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const res = await request();
  const body = (await res.json()) as { error: string; problems?: { code: string; stepId?: string }[] };
  const ms = performance.now() - started;
  // Let the tick that a block delayed run before the watch stops.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(ticker);
  return { status: res.status, body, ms, maxStallMs };
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

describe('the heaviest Markdown the bounds allow', () => {
  it('publishes without stalling the event loop (the conversion runs in worker threads)', async () => {
    // Nested lists fill the field: within every bound, and among the slowest texts for the parser.
    const unit = `${Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`;
    const body = unit.repeat(Math.floor(MARKDOWN_LIMITS.lessonField / unit.length));
    expect(markdownRefusal(body, MARKDOWN_LIMITS.lessonField)).toBeNull();
    const draft = sampleDraft({
      steps: Array.from({ length: 10 }, (_, i) => ({
        id: `t${i}`,
        kind: 'text' as const,
        body: `${i}\n\n${body}`,
      })),
    });
    const outcome = await measured(() =>
      teacher.put(`/api/teacher/classes/${classId}/lessons/heavy/publications/${randomUUID()}`, { draft }),
    );
    expect(outcome.status).toBe(201);
    // On the event loop these ten fields block it for 2.2-2.8 s on this machine; in the
    // workers the loop's longest gap was 414 ms once, with a loaded CI machine's parallel
    // test files. A second is far from both, so load cannot fail this, nor a regression pass it.
    expect(outcome.maxStallMs).toBeLessThan(1000);
  }, 30_000);
});

describe('hostile Markdown in feedback', () => {
  const cases = { ...HOSTILE, emphasisShort: '**_'.repeat(1600), quotesShort: '>'.repeat(1600) };
  for (const [name, markdown] of Object.entries(cases)) {
    it(`refuses ${name} with 422 and a reason code, fast`, async () => {
      await teacher.publish(classId, 'lesson', sampleDraft());
      const lea = (globalThis as { lea?: Client }).lea!;
      const submission = handIn('lesson', 1, { q1: { kind: 'choice', selected: ['a'] } });
      await lea.handIn(submission);
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
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it('never overflows the stack, even on input that skipped the bounds', () => {
    expect(() => markdownToContent(HOSTILE.quotes)).not.toThrow();
    expect(() => markdownToContent('1. '.repeat(1666))).not.toThrow();
  });
});
