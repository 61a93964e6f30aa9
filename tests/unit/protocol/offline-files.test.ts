/** The two no-network files round-trip, and every kind of damage is refused before anything counts. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../protocol/hash.ts';
import { readOfflineFile, writeOfflineFile } from '../../../protocol/offline-file-archive.ts';
import {
  blobEntry,
  LESSONS_FILE_FORMAT,
  MANIFEST_ENTRY,
  packEntry,
  WORK_FILE_FORMAT,
  type LessonsFileManifest,
  type WorkFileManifest,
} from '../../../protocol/offline-files.ts';

const pack = strToU8(JSON.stringify({ format: 'cartable.lesson/1', id: 'l1' }));
const image = new Uint8Array(4096).map((_, i) => (i * 7) % 251);

/** Whose file it is, the same in both kinds: Léa of CM1, on the school's server. */
const LEA_IN_CM1 = {
  server: 'http://127.0.0.1:8080',
  pupil: { id: 'p1', name: 'Léa' },
  class: { id: 'c1', name: 'CM1' },
};

async function lessonsFile(): Promise<Uint8Array> {
  const packSha = await sha256Hex(pack);
  const imageSha = await sha256Hex(image);
  const manifest: Omit<LessonsFileManifest, 'entries'> = {
    ...LEA_IN_CM1,
    format: LESSONS_FILE_FORMAT,
    createdAt: '2026-12-01T08:00:00.000Z',
    joinCode: 'ABC DEF GHJ',
    lessons: [
      {
        id: 'l1',
        version: 1,
        title: 'Fractions',
        pack: packSha,
        size: pack.byteLength + image.byteLength,
        availableFrom: '2026-12-02T07:30:00.000Z',
        dueAt: null,
      },
    ],
  };
  return writeOfflineFile<'lessons'>(
    manifest,
    new Map([
      [packEntry(packSha), pack],
      [blobEntry(imageSha), image],
    ]),
  );
}

/** The file's entries, to put together again with one change. */
function entriesOf(file: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(file);
}

describe('lessons file', () => {
  it('round-trips: manifest and every entry come back verified', async () => {
    const read = await readOfflineFile(await lessonsFile(), 'lessons');
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.manifest.pupil.name).toBe('Léa');
    expect(read.file.manifest.joinCode).toBe('ABC DEF GHJ');
    expect(read.file.manifest.entries.map((e) => e.path).sort()).toEqual(
      [packEntry(await sha256Hex(pack)), blobEntry(await sha256Hex(image))].sort(),
    );
    expect(read.file.entries.get(blobEntry(await sha256Hex(image)))).toEqual(image);
  });

  it('refuses what is not a Cartable file', async () => {
    expect(await readOfflineFile(strToU8('hello, not a zip at all'), 'lessons')).toEqual({
      ok: false,
      problem: 'not_cartable_file',
    });
    const otherZip = zipSync({ 'readme.txt': strToU8('hi') });
    expect(await readOfflineFile(otherZip, 'lessons')).toMatchObject({ problem: 'not_cartable_file' });
    const badJson = zipSync({ [MANIFEST_ENTRY]: strToU8('{ nope') });
    expect(await readOfflineFile(badJson, 'lessons')).toMatchObject({ problem: 'not_cartable_file' });
  });

  it('refuses a work file where a lessons file is expected, and the other way round', async () => {
    expect(await readOfflineFile(await lessonsFile(), 'work')).toMatchObject({ problem: 'wrong_file_kind' });
  });

  it('refuses another format version', async () => {
    const files = entriesOf(await lessonsFile());
    const manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST_ENTRY]));
    files[MANIFEST_ENTRY] = strToU8(JSON.stringify({ ...manifest, format: 'cartable.lessons-file/2' }));
    expect(await readOfflineFile(zipSync(files), 'lessons')).toMatchObject({ problem: 'wrong_file_version' });
  });

  it('refuses an entry whose bytes do not match their hash', async () => {
    const files = entriesOf(await lessonsFile());
    const path = blobEntry(await sha256Hex(image));
    const changed = files[path]!.slice();
    changed[100] = changed[100]! ^ 0xff;
    files[path] = changed;
    expect(await readOfflineFile(zipSync(files), 'lessons')).toMatchObject({ problem: 'file_tampered' });
  });

  it('refuses an entry added that the manifest does not list, or of another size', async () => {
    const files = entriesOf(await lessonsFile());
    const extra = { ...files, [blobEntry('0'.repeat(64))]: strToU8('extra') };
    expect(await readOfflineFile(zipSync(extra), 'lessons')).toMatchObject({ problem: 'file_tampered' });
    const path = blobEntry(await sha256Hex(image));
    const shorter = { ...files, [path]: files[path]!.slice(0, 10) };
    expect(await readOfflineFile(zipSync(shorter), 'lessons')).toMatchObject({ problem: 'file_tampered' });
  });

  it('refuses a file cut short, wherever it was cut', async () => {
    const file = await lessonsFile();
    for (const keep of [0.2, 0.5, 0.9, 0.999]) {
      const cut = file.slice(0, Math.floor(file.byteLength * keep));
      expect(await readOfflineFile(cut, 'lessons'), `cut at ${keep}`).toMatchObject({
        problem: 'file_truncated',
      });
    }
  });

  it('refuses a file that lost a listed entry', async () => {
    const files = entriesOf(await lessonsFile());
    delete files[packEntry(await sha256Hex(pack))];
    expect(await readOfflineFile(zipSync(files), 'lessons')).toMatchObject({ problem: 'file_truncated' });
  });

  it('refuses a manifest that lies about what an entry is named', async () => {
    const files = entriesOf(await lessonsFile());
    const manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST_ENTRY]));
    manifest.entries[0].path = 'packs/../../etc/passwd';
    files[MANIFEST_ENTRY] = strToU8(JSON.stringify(manifest));
    expect(await readOfflineFile(zipSync(files), 'lessons')).toMatchObject({ problem: 'not_cartable_file' });
  });
});

describe('work file', () => {
  it('round-trips submissions and their attachment bytes', async () => {
    const photoSha = await sha256Hex(image);
    const manifest: Omit<WorkFileManifest, 'entries'> = {
      ...LEA_IN_CM1,
      format: WORK_FILE_FORMAT,
      createdAt: '2026-12-02T09:00:00.000Z',
      submissions: [
        {
          id: '0b9e3c55-4c0a-4f4e-9d57-3f1c2a7d9e10',
          lessonId: 'l1',
          lessonVersion: 1,
          handedInAt: '2026-12-02T08:45:00.000Z',
          answers: { s1: { kind: 'attachment', blob: photoSha, mime: 'image/jpeg', size: image.byteLength } },
        },
      ],
    };
    const file = await writeOfflineFile<'work'>(manifest, new Map([[blobEntry(photoSha), image]]));
    const read = await readOfflineFile(file, 'work');
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.manifest.submissions).toEqual(manifest.submissions);
    expect(read.file.entries.get(blobEntry(photoSha))).toEqual(image);
    expect(await readOfflineFile(file, 'lessons')).toMatchObject({ problem: 'wrong_file_kind' });
  });
});
