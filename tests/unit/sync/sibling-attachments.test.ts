/** Siblings on one tablet: the same photo bytes saved by two profiles are two profiles' work. */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAttachment, saveAttachment } from '../../../src/store/attachments.ts';
import { closeDbForTests, DB_NAME } from '../../../src/store/db.ts';
import { handIn } from '../../../src/store/hand-in.ts';
import { removeProfile } from '../../../src/store/profiles.ts';
import { sendOutbox } from '../../../src/sync/outbox-sender.ts';
import { freshDevice, linkedProfile } from '../client/support/device.ts';
import { fakeServer, json } from '../client/support/fake-server.ts';

const lesson = { lessonId: 'fractions', version: 1 };

beforeEach(async () => {
  await freshDevice();
});

describe('attachments of two profiles', () => {
  it("removing one sibling leaves the other's identical photo intact and sendable", async () => {
    const lea = await linkedProfile('lea');
    const tom = await linkedProfile('tom');
    const bytes = () => new Uint8Array([4, 2, 4, 2]).buffer;
    const photoLea = await saveAttachment(lea.id, bytes(), 'image/jpeg');
    const photoTom = await saveAttachment(tom.id, bytes(), 'image/jpeg');
    expect(photoTom.sha256).toBe(photoLea.sha256);
    const answer = { kind: 'attachment' as const, blob: photoLea.sha256, mime: 'image/jpeg', size: 4 };
    await handIn(lea, lesson, { photo: answer });
    await handIn(tom, lesson, { photo: answer });

    expect(await removeProfile(tom.id, { force: true })).toEqual({ removed: true });

    const kept = await getAttachment(lea.id, photoLea.sha256);
    expect(kept?.profileId).toBe(lea.id);
    expect(new Uint8Array(kept!.bytes)).toEqual(new Uint8Array([4, 2, 4, 2]));
    const server = fakeServer((request) => {
      if (request.url.includes('/api/blobs/')) return new Response(null, { status: 204 });
      const id = new URL(request.url).pathname.split('/').pop();
      return json({ id, receivedAt: '2021-04-06T08:30:01.000Z' }, 201);
    });
    const result = await sendOutbox({ fetch: server.fetch, now: () => Date.now() });
    expect(result.delivered).toBe(1);
    expect(server.log[0]).toBe(`PUT /api/blobs/${photoLea.sha256}`);
    expect(new Uint8Array(await server.requests[0]!.arrayBuffer())).toEqual(new Uint8Array([4, 2, 4, 2]));
  });

  it('upgrading a version-2 device keeps every stored attachment, under its owner', async () => {
    const old = await openDB(DB_NAME, 2, {
      upgrade(db) {
        db.createObjectStore('profiles', { keyPath: 'id' });
        const lessons = db.createObjectStore('lessons', { keyPath: ['profileId', 'lessonId'] });
        lessons.createIndex('byProfile', 'profileId');
        db.createObjectStore('drafts', { keyPath: ['profileId', 'lessonId'] });
        const handedIn = db.createObjectStore('handedIn', { keyPath: 'submission.id' });
        handedIn.createIndex('byProfile', 'profileId');
        handedIn.createIndex('byLesson', ['profileId', 'submission.lessonId']);
        db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
        db.createObjectStore('attachments', { keyPath: 'sha256' }).createIndex('byProfile', 'profileId');
        db.createObjectStore('feedback', { keyPath: 'id' }).createIndex('byProfile', 'profileId');
        db.createObjectStore('meta');
        db.createObjectStore('downloadChunks', { keyPath: ['sha256', 'offset'] });
      },
    });
    await old.put('attachments', {
      sha256: 'ab'.repeat(32),
      profileId: 'p|lea',
      mime: 'image/png',
      bytes: new Uint8Array([1, 2]).buffer,
    });
    old.close();
    await closeDbForTests();
    const kept = await getAttachment('p|lea', 'ab'.repeat(32));
    expect(kept?.mime).toBe('image/png');
    expect(new Uint8Array(kept!.bytes)).toEqual(new Uint8Array([1, 2]));
  });
});
