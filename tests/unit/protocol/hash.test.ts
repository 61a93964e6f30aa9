/** The hash and the UUID a page on plain http (no crypto.subtle, no randomUUID) still gets right. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newUuid, sha256Hex } from '../../../protocol/hash.ts';

const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

afterEach(() => vi.unstubAllGlobals());

describe('sha256Hex', () => {
  it('is the standard digest with WebCrypto and without it', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Hex(bytes)).toBe(ABC);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    expect(globalThis.crypto.subtle).toBeUndefined();
    expect(await sha256Hex(bytes)).toBe(ABC);
    expect(await sha256Hex(bytes.buffer)).toBe(ABC);
  });
});

describe('newUuid', () => {
  it('gives distinct version-4 UUIDs with and without randomUUID', () => {
    const real = globalThis.crypto;
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newUuid()).toMatch(v4);
    vi.stubGlobal('crypto', { getRandomValues: real.getRandomValues.bind(real) });
    const ids = new Set(Array.from({ length: 100 }, () => newUuid()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(v4);
  });
});
