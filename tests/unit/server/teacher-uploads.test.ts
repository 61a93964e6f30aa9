import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectMediaType } from '../../../server/blobs/sniff.ts';
import { joinAs, type TestSchool, type TestServer } from './harness.ts';
import { client, mediaBytes, sha256, type Client, serverWithTeacher } from './teacher-support.ts';

let server: TestServer;
let school: TestSchool;
let teacher: Client;
beforeEach(async () => {
  ({ server, school, teacher } = await serverWithTeacher(['Léa Martin'], {
    quotas: { teacherBytes: 12 * 1024 * 1024, pupilBytes: 5 * 1024 * 1024 },
  }));
});
afterEach(() => server.close());

const MB = 1024 * 1024;
const ascii = (text: string) => [...new TextEncoder().encode(text)];
const bytesOf = (...parts: number[][]) => new Uint8Array(parts.flat());

describe('media types from magic numbers', () => {
  it('recognises every accepted format and nothing else', () => {
    const mp4 = (brand: string, handler: string) =>
      bytesOf(
        [0, 0, 0, 24],
        ascii(`ftyp${brand}`),
        [0, 0, 0, 0],
        ascii('moov....hdlr'),
        [0, 0, 0, 0, 0, 0, 0, 0],
        ascii(handler),
      );
    const webm = (codec: string) =>
      bytesOf([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], ascii(`webm....${codec}`));
    const cases: [Uint8Array, string | null][] = [
      [mediaBytes('png'), 'image/png'],
      [mediaBytes('jpeg'), 'image/jpeg'],
      [bytesOf(ascii('GIF89a'), [1, 2]), 'image/gif'],
      [bytesOf(ascii('RIFF'), [1, 2, 3, 4], ascii('WEBPVP8 ')), 'image/webp'],
      [mediaBytes('mp3'), 'audio/mpeg'],
      [bytesOf([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
      [bytesOf([0xff, 0xf1, 0x50, 0x80]), null], // AAC in ADTS: layer bits 00, not MP3
      [bytesOf(ascii('OggS'), [0, 2]), 'audio/ogg'],
      [webm('A_OPUS'), 'audio/webm'],
      [webm('V_VP8'), 'video/webm'],
      [mp4('M4A ', 'soun'), 'audio/mp4'],
      [mp4('isom', 'vide'), 'video/mp4'],
      [mediaBytes('pdf'), 'application/pdf'],
      [mediaBytes('html'), null],
      [bytesOf(ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')), null],
      [bytesOf(ascii('MZ'), [0x90, 0]), null],
      [new Uint8Array(), null],
    ];
    for (const [bytes, expected] of cases)
      expect(detectMediaType(bytes), expected ?? 'refused').toBe(expected);
  });
});

describe('PUT /api/blobs/<sha256> as a teacher', () => {
  it('answers with the type read from the bytes', async () => {
    const pdf = mediaBytes('pdf', 1000);
    const res = await teacher.upload(pdf);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ sha256: sha256(pdf), size: 1000, mime: 'application/pdf' });
    expect(await server.db.selectFrom('blobs').select('mime').executeTakeFirst()).toEqual({
      mime: 'application/pdf',
    });
  });

  it('refuses HTML bytes (415 unsupported_type) and a PNG declared as a PDF (415 type_mismatch), storing nothing', async () => {
    const html = await teacher.upload(mediaBytes('html'), 'application/pdf');
    expect(html.status).toBe(415);
    expect(await html.json()).toMatchObject({
      error: 'unsupported_type',
      message: expect.stringContaining('image'),
    });
    const png = await teacher.upload(mediaBytes('png'), 'application/pdf');
    expect(png.status).toBe(415);
    expect(await png.json()).toMatchObject({
      error: 'type_mismatch',
      message: expect.stringContaining('image/png'),
    });
    expect(await server.db.selectFrom('blobs').selectAll().execute()).toEqual([]);
    expect(await server.blobs.has(sha256(mediaBytes('png')))).toBe(false);
  });

  it('applies the limit of the kind detected: 413 too_large naming the limit', async () => {
    const image = await teacher.upload(mediaBytes('png', 5 * MB + 1));
    expect(image.status).toBe(413);
    expect(await image.json()).toMatchObject({
      error: 'too_large',
      message: expect.stringContaining('5 MB'),
    });
    // The same size is fine for a PDF (20 MB).
    expect((await teacher.upload(mediaBytes('pdf', 5 * MB + 1))).status).toBe(201);
  });

  it('refuses an upload over the teacher quota with 413 quota_exceeded; a repeat of a stored file costs nothing', async () => {
    const first = mediaBytes('pdf', 7 * MB, 1);
    expect((await teacher.upload(first)).status).toBe(201);
    const res = await teacher.upload(mediaBytes('pdf', 6 * MB, 2));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({
      error: 'quota_exceeded',
      message: expect.stringContaining('12 MB'),
    });
    expect((await teacher.upload(first)).status).toBe(200);
  });
});

describe('PUT /api/blobs/<sha256> as a pupil', () => {
  it('accepts photos and recordings only, within their own limits and the pupil quota', async () => {
    const device = client(server, await joinAs(server, school.pupils[0]!.joinCode));
    const photo = await device.upload(mediaBytes('jpeg', 1000), 'image/jpeg');
    expect(photo.status).toBe(201);
    expect(await photo.json()).toMatchObject({ mime: 'image/jpeg' });

    const pdf = await device.upload(mediaBytes('pdf', 1000));
    expect(pdf.status).toBe(415);
    expect(await pdf.json()).toMatchObject({
      error: 'unsupported_type',
      message: expect.stringContaining('photo, recording'),
    });
    const big = await device.upload(mediaBytes('jpeg', 3 * MB + 1, 3), 'image/jpeg');
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'too_large', message: expect.stringContaining('3 MB') });

    for (let i = 0; i < 2; i++)
      expect((await device.upload(mediaBytes('jpeg', 2 * MB, 10 + i))).status).toBe(201);
    const over = await device.upload(mediaBytes('jpeg', 2 * MB, 20));
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ error: 'quota_exceeded' });
  });
});
