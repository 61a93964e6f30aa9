/** What the outbox-sender tests share: the clock, a lesson and its answers, a server that acknowledges. */
import { json, type Route } from '../client/support/fake-server.ts';

export const NOW = Date.parse('2021-04-06T08:30:00Z');
export const clock = () => NOW;
export const lesson = { lessonId: 'fractions', version: 1 };
export const answers = { q1: { kind: 'text' as const, text: 'trois quarts' } };

/** The server's acknowledgement for whatever UUID is in the path. */
export const acknowledging: Route = (request) => {
  const id = new URL(request.url).pathname.split('/').pop();
  return json({ id, receivedAt: '2021-04-06T08:30:01.000Z' }, 201);
};
