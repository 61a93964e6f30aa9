/**
 * The two files of the no-network path (docs/PROTOCOL.md, "Files for families without a
 * connection"): a lessons file a teacher hands to a family (`cartable.lessons-file/1`) and a
 * work file the family brings back (`cartable.work-file/1`). Each is a zip whose entry
 * `cartable.json` lists every other entry with its size and SHA-256; packs and blobs are
 * named by their hashes. Reading and writing them is offline-file-archive.ts.
 */
import * as v from 'valibot';
import { ManifestLessonSchema, SubmissionSchema } from './api.ts';
import { Sha256Schema } from './hash.ts';

export const LESSONS_FILE_FORMAT = 'cartable.lessons-file/1';
export const WORK_FILE_FORMAT = 'cartable.work-file/1';

/** The manifest entry: first in every file Cartable writes, and the only entry not listed in itself. */
export const MANIFEST_ENTRY = 'cartable.json';

/** The file extension a teacher hands out and the app opens (also in the web app manifest's file_handlers). */
export const OFFLINE_FILE_EXTENSION = '.cartable';
export const OFFLINE_FILE_MIME = 'application/vnd.cartable+zip';

/** The largest manifest a reader accepts, before it is even decompressed. */
export const MANIFEST_MAX_BYTES = 8 * 1024 * 1024;

/** Where a lesson pack and a media file or attachment live inside a file. */
export const packEntry = (sha256: string) => `packs/${sha256}`;
export const blobEntry = (sha256: string) => `blobs/${sha256}`;

const IsoDate = v.pipe(v.string(), v.isoTimestamp());
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const Name = v.pipe(v.string(), v.maxLength(200));

/** One entry of a file: a pack or a blob, named by the SHA-256 of its bytes. */
export const FileEntrySchema = v.pipe(
  v.object({
    path: v.pipe(
      v.string(),
      v.regex(/^(packs|blobs)\/[0-9a-f]{64}$/, 'expected packs/<sha256> or blobs/<sha256>'),
    ),
    size: v.pipe(v.number(), v.integer(), v.minValue(0)),
    sha256: Sha256Schema,
  }),
  v.check((entry) => entry.path.endsWith(`/${entry.sha256}`), 'an entry is named by its SHA-256'),
);
export type FileEntry = v.InferOutput<typeof FileEntrySchema>;

const Entries = v.pipe(
  v.array(FileEntrySchema),
  v.maxLength(20_000),
  v.check(
    (entries) => new Set(entries.map((e) => e.path)).size === entries.length,
    'an entry is listed once',
  ),
);

/** The pupil and class a file is for (names as the teacher typed them). */
const PupilSchema = v.object({ id: Id, name: Name });
const ClassSchema = v.object({ id: Id, name: Name });

/** `cartable.json` of a lessons file: what that pupil is assigned, and the code to link later. */
export const LessonsFileManifestSchema = v.object({
  format: v.literal(LESSONS_FILE_FORMAT),
  /** When the server wrote it (the server's clock: the device's clock offset until it links). */
  createdAt: IsoDate,
  /** The origin of the server that wrote it (informative: a device links with its own origin). */
  server: v.pipe(v.string(), v.maxLength(300)),
  pupil: PupilSchema,
  class: ClassSchema,
  /** The pupil's join code, as printed on the teacher's code sheet. */
  joinCode: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  /** As in the pupil's manifest (`GET /api/pupil/manifest`). */
  lessons: v.pipe(v.array(ManifestLessonSchema), v.maxLength(2_000)),
  entries: Entries,
});
export type LessonsFileManifest = v.InferOutput<typeof LessonsFileManifestSchema>;

/** `cartable.json` of a work file: the pupil's own hand-ins, each exactly as it would be sent. */
export const WorkFileManifestSchema = v.object({
  format: v.literal(WORK_FILE_FORMAT),
  /** When the device wrote it (the device's corrected clock). */
  createdAt: IsoDate,
  server: v.pipe(v.string(), v.maxLength(300)),
  pupil: PupilSchema,
  class: ClassSchema,
  submissions: v.pipe(v.array(SubmissionSchema), v.maxLength(2_000)),
  /** The photos and recordings the submissions refer to, as `blobs/<sha256>`. */
  entries: Entries,
});
export type WorkFileManifest = v.InferOutput<typeof WorkFileManifestSchema>;

/** Which of the two formats; the name before the `/` of `format`. */
export type OfflineFileKind = 'lessons' | 'work';

export const OFFLINE_FILE_FORMATS = {
  lessons: { format: LESSONS_FILE_FORMAT, schema: LessonsFileManifestSchema },
  work: { format: WORK_FILE_FORMAT, schema: WorkFileManifestSchema },
} as const;

/**
 * Why a file was refused, the same codes on the device and the server: not a Cartable file
 * at all, the other kind of file, a format version this app does not read, bytes that differ
 * from the list (changed on the way), a file cut short.
 */
export const OFFLINE_FILE_PROBLEMS = [
  'not_cartable_file',
  'wrong_file_kind',
  'wrong_file_version',
  'file_tampered',
  'file_truncated',
] as const;
export type OfflineFileProblem = (typeof OFFLINE_FILE_PROBLEMS)[number];
