import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { LessonPackSchema } from '../../../protocol/lesson-pack.ts';
import {
  eachTest,
  joinAs,
  publishTestLesson,
  sampleDraft,
  serverWithSchool,
  signIn,
  type TestSchool,
  type TestServer,
} from './harness.ts';

let server: TestServer, school: TestSchool;
eachTest(
  () => serverWithSchool(),
  (world) => ({ server, school } = world),
);

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads bytes through the API as the school's teacher (lesson media) or a pupil (attachment). */
async function upload(bytes: Uint8Array<ArrayBuffer>, mime: string, token: string): Promise<string> {
  const hash = sha256(bytes);
  const res = await server.app.request(`/api/blobs/${hash}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': mime },
    body: bytes,
  });
  expect(res.status).toBe(201);
  return hash;
}

describe('GET /packs/<sha256>', () => {
  it('serves the published pack immutably, bytes hashing to the name', async () => {
    const published = await publishTestLesson(server, school.classId);
    const res = await server.app.request(`/packs/${published.pack}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('ETag')).toBe(`"${published.pack}"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(sha256(bytes)).toBe(published.pack);
    const pack = v.parse(LessonPackSchema, JSON.parse(new TextDecoder().decode(bytes)));
    expect(pack.classId).toBe(school.classId);
  });

  it('answers 404 for a hash that is not a published pack, even if the bytes are stored', async () => {
    const bytes = new TextEncoder().encode('{"not":"a pack"}');
    await server.blobs.put(sha256(bytes), bytes);
    expect((await server.app.request(`/packs/${sha256(bytes)}`)).status).toBe(404);
    expect((await server.app.request('/packs/not-a-hash')).status).toBe(404);
  });

  it('keeps quiz keys out of the pack when the correction is hidden', async () => {
    const published = await publishTestLesson(server, school.classId, sampleDraft({ showCorrection: false }));
    const pack = (await (await server.app.request(`/packs/${published.pack}`)).json()) as {
      steps: { kind: string; correct?: unknown }[];
    };
    const quizzes = pack.steps.filter((s) => s.kind === 'quiz');
    expect(quizzes.length).toBeGreaterThan(0);
    for (const quiz of quizzes) expect(quiz).not.toHaveProperty('correct');
  });
});

describe('GET /blobs/<sha256>', () => {
  /** 1000 bytes of a known pattern behind a real signature: uploads are typed from their bytes. */
  const withSignature = (signature: number[]) => {
    const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));
    bytes.set(signature);
    return bytes;
  };
  const media = withSignature([0x49, 0x44, 0x33]); // "ID3": an MP3
  const picture = withSignature([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('serves teacher media with byte ranges: 206 for a-b, a- and -n, 416 outside', async () => {
    const hash = await upload(media, 'audio/mpeg', await signIn(server, school.teacher));
    const whole = await server.app.request(`/blobs/${hash}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('Accept-Ranges')).toBe('bytes');
    expect(whole.headers.get('Content-Type')).toBe('audio/mpeg');
    expect(whole.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(media);

    const cases: [string, number, number][] = [
      ['bytes=10-19', 10, 19],
      ['bytes=990-', 990, 999],
      ['bytes=-5', 995, 999],
      ['bytes=995-5000', 995, 999],
    ];
    for (const [range, start, end] of cases) {
      const res = await server.app.request(`/blobs/${hash}`, { headers: { Range: range } });
      expect(res.status, range).toBe(206);
      expect(res.headers.get('Content-Range'), range).toBe(`bytes ${start}-${end}/1000`);
      expect(new Uint8Array(await res.arrayBuffer()), range).toEqual(media.slice(start, end + 1));
    }

    const head = await server.app.request(`/blobs/${hash}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('Content-Length')).toBe('1000');
    expect(await head.text()).toBe('');

    const outside = await server.app.request(`/blobs/${hash}`, { headers: { Range: 'bytes=1000-1001' } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('Content-Range')).toBe('bytes */1000');
  });

  it('never announces HTML or SVG: uploads are refused, and unsafe stored types are served as octet-stream', async () => {
    const teacher = await signIn(server, school.teacher);
    const put = (bytes: Uint8Array<ArrayBuffer>, mime: string) =>
      server.app.request(`/api/blobs/${sha256(bytes)}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${teacher}`, 'Content-Type': mime },
        body: bytes,
      });
    const htmlBytes = new TextEncoder().encode('<script>alert(1)</script>');
    const svgBytes = new TextEncoder().encode('<svg onload="alert(1)"/>');
    expect((await put(htmlBytes, 'text/html')).status).toBe(415);
    expect((await put(svgBytes, 'image/svg+xml')).status).toBe(415);

    // Rows typed by the declared Content-Type before uploads were typed from their bytes.
    const html = sha256(htmlBytes);
    const svg = sha256(svgBytes);
    const at = new Date().toISOString();
    for (const [hash, bytes, mime] of [
      [html, htmlBytes, 'text/html'],
      [svg, svgBytes, 'image/svg+xml'],
    ] as const) {
      await server.blobs.put(hash, bytes);
      await server.db
        .insertInto('blobs')
        .values({ sha256: hash, mime, size: bytes.byteLength, created_at: at })
        .execute();
      await server.db
        .insertInto('blob_owners')
        .values({ sha256: hash, owner_kind: 'teacher', owner_id: school.teacher.id, created_at: at })
        .execute();
    }
    const png = await upload(picture, 'image/png', teacher);
    expect((await server.app.request(`/blobs/${html}`)).headers.get('Content-Type')).toBe(
      'application/octet-stream',
    );
    expect((await server.app.request(`/blobs/${svg}`)).headers.get('Content-Type')).toBe(
      'application/octet-stream',
    );
    expect((await server.app.request(`/blobs/${png}`)).headers.get('Content-Type')).toBe('image/png');
    expect((await server.app.request(`/blobs/${svg}`)).headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('does not serve pupil attachments nor unknown hashes', async () => {
    const device = await joinAs(server, school.pupils[0]!.joinCode);
    const photo = await upload(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]), 'image/jpeg', device);
    expect(await server.blobs.has(photo)).toBe(true);
    expect((await server.app.request(`/blobs/${photo}`)).status).toBe(404);
    expect((await server.app.request(`/blobs/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('serves media referenced by a published pack, and counts it in the lesson size', async () => {
    const teacher = await signIn(server, school.teacher);
    const hash = await upload(picture, 'image/png', teacher);
    const published = await publishTestLesson(
      server,
      school.classId,
      sampleDraft({
        steps: [
          {
            id: 'img',
            kind: 'image',
            media: { blob: hash, mime: 'image/png', size: 1000, optional: false },
            alt: 'une image',
          },
        ],
      }),
    );
    const packBytes = (await server.blobs.read(published.pack))!.byteLength;
    expect(published.size).toBe(packBytes + 1000);
    await server.db.deleteFrom('blob_owners').execute();
    expect((await server.app.request(`/blobs/${hash}`)).status).toBe(200);
  });
});
