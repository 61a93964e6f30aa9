import { describe, expect, it } from 'vitest';
import { rangeResponse } from '../../../sw/media-range.ts';

const bytes = Uint8Array.from({ length: 100 }, (_, i) => i);
const full = () => new Response(bytes, { headers: { 'content-type': 'video/mp4', 'content-length': '100' } });

describe('rangeResponse (video and audio from the media cache)', () => {
  it('without Range returns the whole file', async () => {
    const response = await rangeResponse(null, full());
    expect(response.status).toBe(200);
    expect((await response.arrayBuffer()).byteLength).toBe(100);
  });

  it('bytes=10-19 → 206 with exactly those bytes', async () => {
    const response = await rangeResponse('bytes=10-19', full());
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 10-19/100');
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
    ]);
  });

  it('open-ended and suffix ranges', async () => {
    expect((await rangeResponse('bytes=95-', full())).headers.get('content-range')).toBe('bytes 95-99/100');
    expect((await rangeResponse('bytes=-5', full())).headers.get('content-range')).toBe('bytes 95-99/100');
    expect((await rangeResponse('bytes=90-500', full())).headers.get('content-range')).toBe(
      'bytes 90-99/100',
    );
  });

  it('an unsatisfiable range → 416', async () => {
    const response = await rangeResponse('bytes=200-300', full());
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */100');
  });
});
