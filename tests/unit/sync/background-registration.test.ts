/** Periodic and one-off Background Sync: registered where the browser allows it, refusal handled. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PERIODIC_TAG_LESSONS, SYNC_TAG_OUTBOX } from '../../../protocol/index.ts';
import {
  PERIODIC_LESSONS_INTERVAL_MS,
  registerPeriodicLessonSync,
  requestOutboxBackgroundSync,
} from '../../../src/sync/background-registration.ts';

function withRegistration(registration: object | undefined) {
  vi.stubGlobal('navigator', { serviceWorker: { getRegistration: async () => registration } });
}
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('registerPeriodicLessonSync', () => {
  it('registers the lessons tag with a 12-hour interval on an installed app', async () => {
    const register = vi.fn(async () => undefined);
    withRegistration({ periodicSync: { register } });
    expect(await registerPeriodicLessonSync()).toBe(true);
    expect(register).toHaveBeenCalledWith(PERIODIC_TAG_LESSONS, {
      minInterval: PERIODIC_LESSONS_INTERVAL_MS,
    });
  });

  it('a refusal (NotAllowedError: not installed) is reported as false, never thrown', async () => {
    withRegistration({
      periodicSync: {
        register: async () => Promise.reject(new DOMException('not installed', 'NotAllowedError')),
      },
    });
    expect(await registerPeriodicLessonSync()).toBe(false);
  });

  it('false where the API or the worker is missing (Safari, Firefox, dev server)', async () => {
    withRegistration({});
    expect(await registerPeriodicLessonSync()).toBe(false);
    withRegistration(undefined);
    expect(await registerPeriodicLessonSync()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await registerPeriodicLessonSync()).toBe(false);
  });
});

describe('requestOutboxBackgroundSync', () => {
  it('registers the outbox tag, and reports a refusal as false', async () => {
    const register = vi.fn(async () => undefined);
    withRegistration({ sync: { register } });
    expect(await requestOutboxBackgroundSync()).toBe(true);
    expect(register).toHaveBeenCalledWith(SYNC_TAG_OUTBOX);
    withRegistration({ sync: { register: async () => Promise.reject(new Error('denied')) } });
    expect(await requestOutboxBackgroundSync()).toBe(false);
  });
});
