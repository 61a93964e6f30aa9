/**
 * "Ouvrir un fichier de leçons": a lessons file from the teacher, with no network at all.
 * Every entry is verified first (protocol/offline-file-archive.ts), every pack parsed and its
 * media found in the file, the free space checked with navigator.storage.estimate(); only
 * then are media cached (as a download caches them) and the lessons and the pupil's profile
 * stored in one transaction. A refusal leaves nothing marked ready. Loaded on demand only.
 */
import { packMedia, type MediaRef } from '../../protocol/index.ts';
import { readOfflineFile } from '../../protocol/offline-file-archive.ts';
import { blobEntry, packEntry, type OfflineFileProblem } from '../../protocol/offline-files.ts';
import { isQuotaError } from '../store/db.ts';
import {
  storeLessonsFromFile,
  type LessonFromFile,
  type LessonsFromFileOutcome,
} from '../store/lessons-from-file.ts';
import type { Profile } from '../store/records.ts';
import { notifyPages } from './broadcast.ts';
import { parsePack } from './lesson-download.ts';
import { cacheMedia, hasMedia, openMediaCache } from './media-cache.ts';

/** Room kept free beyond the file's contents: drafts and hand-ins must still fit afterwards. */
export const SPACE_MARGIN_BYTES = 5 * 1024 * 1024;

export type LessonsFileImport =
  | ({ ok: true; profile: Profile } & LessonsFromFileOutcome)
  | { ok: false; problem: OfflineFileProblem }
  | { ok: false; problem: 'not_enough_space'; neededBytes: number; freeBytes: number }
  | { ok: false; problem: 'no_storage' };

export interface LessonsFileImportOptions {
  /** The origin whose pupil this is (default: this page's; the app talks to its own server). */
  server?: string;
  /** Free space, as navigator.storage.estimate() tells it (tests pass their own). */
  estimate?: () => Promise<{ usage?: number; quota?: number } | undefined>;
  now?: () => number;
}

/** Verify, check the space, then store a lessons file. Never throws for a bad file. */
export async function importLessonsFile(
  bytes: Uint8Array,
  options: LessonsFileImportOptions = {},
): Promise<LessonsFileImport> {
  const reading = await readOfflineFile(bytes, 'lessons');
  if (!reading.ok) return reading;
  const { manifest, entries } = reading.file;

  const lessons: LessonFromFile[] = [];
  const media = new Map<string, MediaRef>();
  for (const entry of manifest.lessons) {
    const packBytes = entries.get(packEntry(entry.pack));
    const pack = packBytes ? parsePack(packBytes) : null;
    // Listed, verified, yet not the lesson it claims: the file was not written by a Cartable server.
    if (!pack || pack.id !== entry.id) return { ok: false, problem: 'file_tampered' };
    for (const ref of packMedia(pack)) {
      if (!entries.has(blobEntry(ref.blob))) return { ok: false, problem: 'file_truncated' };
      media.set(ref.blob, ref);
    }
    lessons.push({ entry, pack });
  }

  const cache = await openMediaCache();
  if (!cache && media.size > 0) return { ok: false, problem: 'no_storage' };
  const toCache: MediaRef[] = [];
  for (const ref of media.values()) if (!(await hasMedia(cache, ref.blob))) toCache.push(ref);
  const neededBytes =
    toCache.reduce((sum, ref) => sum + ref.size, 0) +
    lessons.reduce((sum, { entry }) => sum + (entries.get(packEntry(entry.pack))?.byteLength ?? 0), 0);
  const estimate = await (options.estimate ?? defaultEstimate)().catch(() => undefined);
  if (estimate?.quota !== undefined && estimate.usage !== undefined) {
    const freeBytes = Math.max(0, estimate.quota - estimate.usage);
    if (neededBytes + SPACE_MARGIN_BYTES > freeBytes)
      return { ok: false, problem: 'not_enough_space', neededBytes, freeBytes };
  }

  try {
    // Media first, under their hashes: nothing points at them until the lessons are stored.
    for (const ref of toCache) await cacheMedia(cache!, ref, entries.get(blobEntry(ref.blob))!);
    const server = new URL(options.server ?? location.origin).origin;
    const now = new Date((options.now ?? Date.now)());
    const profile: Profile = {
      id: `${server}|${manifest.pupil.id}`,
      pupilId: manifest.pupil.id,
      pupilName: manifest.pupil.name,
      classId: manifest.class.id,
      className: manifest.class.name,
      token: '',
      server,
      joinedAt: now.toISOString(),
      link: 'file',
      joinCode: manifest.joinCode,
    };
    const outcome = await storeLessonsFromFile(profile, lessons, now);
    if (outcome.added + outcome.updated > 0) notifyPages({ type: 'lessons:changed' });
    return { ok: true, profile, ...outcome };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return { ok: false, problem: 'not_enough_space', neededBytes, freeBytes: 0 };
  }
}

function defaultEstimate() {
  return globalThis.navigator?.storage?.estimate?.() ?? Promise.resolve(undefined);
}
