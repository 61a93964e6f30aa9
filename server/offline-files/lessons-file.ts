/**
 * The lessons file for a family without a connection (`cartable.lessons-file/1`): the very
 * lessons that pupil's manifest lists, their packs and media, the pupil's name and class and
 * the join code the device links itself with once a network appears. Planned first (every
 * size known before a byte is sent, so the teacher sees it), then streamed with fflate one
 * file at a time: a year of videos need not fit in memory.
 */
import { ZipDeflate, ZipPassThrough } from 'fflate';
import type { Kysely } from 'kysely';
import type { ManifestLesson } from '../../protocol/api.ts';
import { packMedia } from '../../protocol/lesson-pack.ts';
import {
  blobEntry,
  LESSONS_FILE_FORMAT,
  MANIFEST_ENTRY,
  packEntry,
  type FileEntry,
  type LessonsFileManifest,
} from '../../protocol/offline-files.ts';
import type { BlobStore } from '../blobs/store.ts';
import type { Database } from '../db/schema.ts';
import { zipStream } from '../exports/zip-stream.ts';
import { latestLessonsOfClass } from '../lessons/catalogue.ts';
import { readPack } from '../lessons/versions.ts';

/** A lessons file ready to be written: its manifest, and the size of what it holds. */
export interface LessonsFilePlan {
  manifest: LessonsFileManifest;
  /** Bytes of the packs and media inside (the zip adds a few hundred bytes a file). */
  bytes: number;
}

/** Who the file is for, as the teacher's routes found them. */
export interface FamilyFileFor {
  pupil: { id: string; name: string };
  class: { id: string; name: string };
  joinCode: string;
  /** The origin the teacher reached this server at. */
  server: string;
}

/**
 * The file's manifest: the pupil's lessons from the function that builds their device manifest,
 * each pack and each medium listed once (media shared by lessons are not repeated).
 */
export async function planLessonsFile(
  db: Kysely<Database>,
  blobs: BlobStore,
  target: FamilyFileFor,
  now: Date,
): Promise<LessonsFilePlan> {
  const lessons: ManifestLesson[] = await latestLessonsOfClass(db, target.class.id, {
    pupilId: target.pupil.id,
  });
  const entries = new Map<string, FileEntry>();
  for (const lesson of lessons) {
    const packSize = await blobs.size(lesson.pack);
    if (packSize === null) throw new Error(`pack ${lesson.pack} is missing from the blob store`);
    entries.set(packEntry(lesson.pack), {
      path: packEntry(lesson.pack),
      size: packSize,
      sha256: lesson.pack,
    });
    for (const ref of packMedia(await readPack(blobs, lesson.pack))) {
      entries.set(blobEntry(ref.blob), { path: blobEntry(ref.blob), size: ref.size, sha256: ref.blob });
    }
  }
  const listed = [...entries.values()];
  return {
    manifest: {
      format: LESSONS_FILE_FORMAT,
      createdAt: now.toISOString(),
      server: target.server,
      pupil: target.pupil,
      class: target.class,
      joinCode: target.joinCode,
      lessons,
      entries: listed,
    },
    bytes: listed.reduce((sum, entry) => sum + entry.size, 0),
  };
}

/**
 * The zip, streamed: `cartable.json` first, then each entry read from the blob store. A file
 * whose stored size differs from the plan ends the stream with an error, so the family never
 * gets a file that looks whole and is not (the device would refuse it anyway).
 */
export function streamLessonsFile(blobs: BlobStore, plan: LessonsFilePlan): ReadableStream<Uint8Array> {
  return zipStream(async (zip) => {
    const head = new ZipDeflate(MANIFEST_ENTRY, { level: 6 });
    zip.add(head);
    head.push(new TextEncoder().encode(JSON.stringify(plan.manifest)), true);
    for (const entry of plan.manifest.entries) {
      const bytes = await blobs.read(entry.sha256);
      if (!bytes || bytes.byteLength !== entry.size) throw new Error(`${entry.path} is not as planned`);
      // Packs are JSON and shrink; media are already compressed and are stored as they are.
      const file = entry.path.startsWith('packs/')
        ? new ZipDeflate(entry.path, { level: 6 })
        : new ZipPassThrough(entry.path);
      zip.add(file);
      file.push(bytes, true);
    }
    zip.end();
  });
}
