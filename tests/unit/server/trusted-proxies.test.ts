/** Rate limits behind the school's HTTPS proxy: per real pupil address, never per forged header. */
import { describe, expect, it } from 'vitest';
import { createTestServer } from './harness.ts';

async function wrongCodes(trustedProxies: number | undefined, forwardedFor: string[]): Promise<number[]> {
  const server = await createTestServer(trustedProxies === undefined ? {} : { trustedProxies });
  try {
    const statuses: number[] = [];
    for (const xff of forwardedFor) {
      const res = await server.app.request('/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
        body: JSON.stringify({ code: 'ZZZZZZZZZ' }),
      });
      statuses.push(res.status);
    }
    return statuses;
  } finally {
    await server.close();
  }
}

describe('client addresses for rate limits', () => {
  it('ignores X-Forwarded-For by default: a client cannot dodge the limit by inventing addresses', async () => {
    const statuses = await wrongCodes(undefined, Array.from({ length: 11 }, (_, i) => `10.0.0.${i}`));
    expect(statuses.at(-1)).toBe(429);
  });

  it('behind one trusted proxy, each pupil has their own limit', async () => {
    const tenTypos = Array.from({ length: 10 }, () => '203.0.113.7');
    const statuses = await wrongCodes(1, [...tenTypos, '203.0.113.7', '198.51.100.9']);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses[10]).toBe(429); // the same pupil, an eleventh time
    expect(statuses[11]).toBe(404); // a classmate behind the same proxy is not blocked
  });

  it('behind one trusted proxy, entries a client forged on the left are not believed', async () => {
    const forged = Array.from({ length: 11 }, (_, i) => `10.9.9.${i}, 203.0.113.7`);
    expect((await wrongCodes(1, forged)).at(-1)).toBe(429);
  });
});
