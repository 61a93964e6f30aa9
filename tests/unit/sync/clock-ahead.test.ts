/** A device clock that ran ahead must not park work until that future date once it is corrected. */
import { beforeEach, describe, expect, it } from 'vitest';
import { handIn } from '../../../src/store/hand-in.ts';
import { listOutbox, nextDueAt, reschedule } from '../../../src/store/outbox.ts';
import type { Profile } from '../../../src/store/records.ts';
import { BACKOFF_CAP_MS, isDue, nextAttemptAt } from '../../../src/sync/backoff.ts';
import { sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { deviceWithLea } from '../client/support/device.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';

const NOW = Date.parse('2021-04-06T08:30:00Z');
const YEAR_AHEAD = NOW + 365 * 24 * 3_600_000;
let lea: Profile;

beforeEach(async () => ({ lea } = await deviceWithLea()));

describe('outbox retries after a clock correction', () => {
  it('an item scheduled while the clock was a year ahead is sent once the clock is back', async () => {
    const record = await handIn(lea, { lessonId: 'fractions', version: 1 }, {});
    // Scheduled from a clock a year ahead: "try again a second after next year's date".
    await reschedule(record.submission.id, { nextAttemptAt: YEAR_AHEAD + 1_000, lastError: 'network' });
    expect(await nextDueAt(NOW)).toBeLessThanOrEqual(NOW + BACKOFF_CAP_MS);
    const server = fakeServer((request) => {
      const id = new URL(request.url).pathname.split('/').pop();
      return json({ id, receivedAt: '2021-04-06T08:30:01.000Z' }, 201);
    });
    const result = await sendOutbox({ fetch: server.fetch, now: () => NOW });
    expect(result.delivered).toBe(1);
    expect(await listOutbox()).toEqual([]);
  });

  it('no wait is ever longer than the backoff cap, whatever the Retry-After', () => {
    expect(nextAttemptAt(NOW, 60, 24 * 3_600_000, () => 0.99)).toBeLessThanOrEqual(NOW + BACKOFF_CAP_MS);
    expect(isDue(NOW + BACKOFF_CAP_MS + 5_000, NOW)).toBe(true);
    expect(isDue(NOW + 5_000, NOW)).toBe(false);
    expect(isDue(NOW - 1, NOW)).toBe(true);
  });
});
