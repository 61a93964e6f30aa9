import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinAs, type TestServer, type TestSchool, serverWithSchool } from './harness.ts';

let server: TestServer;
let school: TestSchool;
let device: string;
beforeEach(async () => {
  ({ server, school } = await serverWithSchool());
  device = await joinAs(server, school.pupils[0]!.joinCode);
});
afterEach(() => server.close());

const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
const hash = createHash('sha256').update(photo).digest('hex');
const put = (path: string, body: Uint8Array<ArrayBuffer>, token?: string) =>
  server.app.request(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'image/jpeg', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body,
  });

describe('PUT /api/blobs/<sha256>', () => {
  it('stores bytes that hash to the address: 201, then 200 on a repeat, one stored copy', async () => {
    const first = await put(`/api/blobs/${hash}`, photo, device);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: hash, size: photo.byteLength, mime: 'image/jpeg' });
    const again = await put(`/api/blobs/${hash}`, photo, device);
    expect(again.status).toBe(200);
    expect(await server.blobs.read(hash)).toEqual(photo);
    const rows = await server.db.selectFrom('blobs').selectAll().execute();
    expect(rows).toEqual([
      expect.objectContaining({ sha256: hash, mime: 'image/jpeg', size: photo.byteLength }),
    ]);
    const owners = await server.db.selectFrom('blob_owners').selectAll().execute();
    expect(owners).toEqual([
      expect.objectContaining({ sha256: hash, owner_kind: 'pupil', owner_id: school.pupils[0]!.id }),
    ]);
  });

  it('refuses bytes that do not hash to the address with 400 hash_mismatch and stores nothing', async () => {
    const cut = photo.slice(0, 5);
    const res = await put(`/api/blobs/${hash}`, cut, device);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'hash_mismatch' });
    expect(await server.blobs.has(hash)).toBe(false);
    expect(await server.db.selectFrom('blobs').selectAll().execute()).toEqual([]);
  });

  it('requires a device or teacher token', async () => {
    const res = await put(`/api/blobs/${hash}`, photo);
    expect(res.status).toBe(401);
    expect(await server.blobs.has(hash)).toBe(false);
  });

  it('refuses an address that is not a sha256 and a body over the size limit', async () => {
    expect((await put('/api/blobs/ABC', photo, device)).status).toBe(400);
    // Over the largest kind a pupil may send (a 10 MB recording): refused before the bytes are hashed.
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    const res = await put(`/api/blobs/${createHash('sha256').update(huge).digest('hex')}`, huge, device);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'too_large' });
  });
});
