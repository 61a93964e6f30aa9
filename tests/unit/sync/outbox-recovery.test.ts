/** After a server acknowledges work, this device's other waiting items for it follow at once, a few at a time. */
import { beforeEach, describe, expect, it } from 'vitest';
import { handIn } from '../../../src/store/hand-in.ts';
import { listOutbox, reschedule } from '../../../src/store/outbox.ts';
import type { Profile } from '../../../src/store/records.ts';
import { IN_FLIGHT_PER_SERVER, sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { fakeServer } from '../client/support/fake-server.ts';
import { deviceWithLea, linkedProfile } from '../client/support/device.ts';
import { acknowledging, answers, clock, lesson, NOW } from './outbox-fixtures.ts';

let lea: Profile;
beforeEach(async () => ({ lea } = await deviceWithLea()));

describe('sendOutbox after a recovery', () => {
  it('once the server acknowledges a due item, the device’s other waiting items follow in the same pass', async () => {
    const due = await handIn(lea, lesson, answers);
    const later = await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    const tom = await linkedProfile('tom', {
      server: 'https://autre-ecole.example',
      id: 'https://autre-ecole.example|tom',
    });
    const elsewhere = await handIn(tom, { lessonId: 'geo', version: 1 }, answers);
    await reschedule(later.submission.id, { nextAttemptAt: NOW + 300_000, lastError: 'network' });
    await reschedule(elsewhere.submission.id, { nextAttemptAt: NOW + 300_000, lastError: 'network' });
    const server = fakeServer(acknowledging);

    const result = await sendOutbox({ fetch: server.fetch, now: clock });

    expect(server.log).toEqual([
      `PUT /api/pupil/submissions/${due.submission.id}`,
      `PUT /api/pupil/submissions/${later.submission.id}`,
    ]);
    expect(result).toMatchObject({ delivered: 2, remaining: 1 });
    // Another server's backoff is its own business: Tom's item still waits.
    expect((await listOutbox()).map((i) => i.id)).toEqual([elsewhere.submission.id]);
  });

  it('drains a long outbox a few at a time once the server has acknowledged the first, never more than the cap', async () => {
    const lessons = Array.from({ length: 12 }, (_, i) => ({ lessonId: `lecon-${i}`, version: 1 }));
    for (const l of lessons) await handIn(lea, l, answers);
    let inFlight = 0;
    const seen: number[] = [];
    const server = fakeServer(async (request) => {
      seen.push(++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return acknowledging(request);
    });

    const result = await sendOutbox({ fetch: server.fetch, now: clock });

    expect(result).toMatchObject({ delivered: 12, remaining: 0 });
    expect(seen[0]).toBe(1);
    expect(Math.max(...seen)).toBe(IN_FLIGHT_PER_SERVER);
    expect(await listOutbox()).toEqual([]);
  });

  it('when the network comes back, the earliest waiting item goes at once, whatever its backoff, and the rest follow', async () => {
    const first = await handIn(lea, lesson, answers);
    const second = await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    await reschedule(first.submission.id, { nextAttemptAt: NOW + 300_000, lastError: 'network' });
    await reschedule(second.submission.id, { nextAttemptAt: NOW + 600_000, lastError: 'network' });
    const server = fakeServer(acknowledging);

    // A timer's pass respects the backoff: nothing is due yet.
    expect(await sendOutbox({ fetch: server.fetch, now: clock })).toMatchObject({
      delivered: 0,
      remaining: 2,
    });
    expect(server.log).toEqual([]);

    const woken = await sendOutbox({ fetch: server.fetch, now: clock, probe: true });
    expect(woken).toMatchObject({ delivered: 2, remaining: 0 });
    expect(server.log).toEqual([
      `PUT /api/pupil/submissions/${first.submission.id}`,
      `PUT /api/pupil/submissions/${second.submission.id}`,
    ]);
  });

  it('a wake with the server still down asks it once and leaves the other items as they were', async () => {
    const first = await handIn(lea, lesson, answers);
    const second = await handIn(lea, { lessonId: 'conjugaison', version: 1 }, answers);
    await reschedule(first.submission.id, { nextAttemptAt: NOW + 300_000, lastError: 'network' });
    await reschedule(second.submission.id, { nextAttemptAt: NOW + 600_000, lastError: 'network' });
    const server = fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));

    await sendOutbox({ fetch: server.fetch, now: clock, probe: true });

    expect(server.log).toEqual([`PUT /api/pupil/submissions/${first.submission.id}`]);
    const untouched = (await listOutbox()).find((item) => item.id === second.submission.id);
    expect(untouched).toMatchObject({ attempts: 1, nextAttemptAt: NOW + 600_000 });
  });

  it('a wake does not hurry work the server itself asked to wait (busy, Retry-After)', async () => {
    const busy = await handIn(lea, lesson, answers);
    await reschedule(busy.submission.id, { nextAttemptAt: NOW + 120_000, lastError: 'http_503' });
    const server = fakeServer(acknowledging);

    expect(await sendOutbox({ fetch: server.fetch, now: clock, probe: true })).toMatchObject({
      delivered: 0,
    });
    expect(server.log).toEqual([]);
  });
});
