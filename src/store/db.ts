/**
 * The device database: one typed schema for every store, opened once per
 * runtime (page or service worker) and shared by the repositories beside it.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction } from 'idb';
import { lazyConnection } from './connection.ts';
import type {
  Draft,
  FeedbackRecord,
  HandedInElsewhereRecord,
  HandedInRecord,
  LessonRecord,
  OutboxItem,
  Profile,
} from './records.ts';

// DO NOT CHANGE THESE WITHOUT ADDING MIGRATION LOGIC to `upgrade` below:
// pupils' unsent work lives in this database and must survive every update.
// A new optional field needs no new version (stores are not typed by IndexedDB; only stores,
// key paths and indexes are): feedback's `readAt` came without one, records stored before it
// simply have none and count as unread, which is the truth — nothing had marked them. A
// version bump is not free: every tab still open on the old version must reload.
export const DB_NAME = 'cartable';
export const DB_VERSION = 4;

/** Bytes of a photo or recording, kept until the submission that uses them is acknowledged. */
export interface AttachmentRecord {
  sha256: string;
  profileId: string;
  mime: string;
  /** ArrayBuffer rather than Blob: iOS Safari loses Blobs stored in IndexedDB. */
  bytes: ArrayBuffer;
}

/**
 * Bytes of a media file received so far, one record per piece in arrival order, so
 * an interrupted download resumes with `Range: bytes=<received>-` instead of again
 * from zero. Public media only (not per profile); deleted once the file is verified.
 */
export interface DownloadChunk {
  sha256: string;
  /** Where these bytes start in the file. */
  offset: number;
  bytes: ArrayBuffer;
}

/** Small per-profile values (clock offset, manifest ETag, updates cursor, last sync) and device settings. */
export type MetaValue = string | number;

export interface CartableDB extends DBSchema {
  profiles: { key: string; value: Profile };
  lessons: {
    key: [string, string];
    value: LessonRecord;
    indexes: { byProfile: string };
  };
  drafts: { key: [string, string]; value: Draft };
  handedIn: {
    key: string;
    value: HandedInRecord;
    indexes: { byProfile: string; byLesson: [string, string] };
  };
  handedInElsewhere: {
    key: string;
    value: HandedInElsewhereRecord;
    indexes: { byProfile: string; byLesson: [string, string] };
  };
  outbox: { key: string; value: OutboxItem; indexes: { byProfile: string } };
  attachments: { key: [string, string]; value: AttachmentRecord; indexes: { byProfile: string } };
  feedback: { key: string; value: FeedbackRecord; indexes: { byProfile: string } };
  meta: { key: string; value: MetaValue };
  downloadChunks: { key: [string, number]; value: DownloadChunk };
}

export type StoreName =
  | 'profiles'
  | 'lessons'
  | 'drafts'
  | 'handedIn'
  | 'handedInElsewhere'
  | 'outbox'
  | 'attachments'
  | 'feedback'
  | 'meta'
  | 'downloadChunks';
export type CartableDatabase = IDBPDatabase<CartableDB>;

const connection = lazyConnection<CartableDB>(
  DB_NAME,
  DB_VERSION,
  (db, oldVersion, _newVersion, tx) => {
    // One branch per version: a device may jump several versions at once.
    if (oldVersion < 1) {
      db.createObjectStore('profiles', { keyPath: 'id' });
      const lessons = db.createObjectStore('lessons', { keyPath: ['profileId', 'lessonId'] });
      lessons.createIndex('byProfile', 'profileId');
      db.createObjectStore('drafts', { keyPath: ['profileId', 'lessonId'] });
      const handedIn = db.createObjectStore('handedIn', { keyPath: 'submission.id' });
      handedIn.createIndex('byProfile', 'profileId');
      handedIn.createIndex('byLesson', ['profileId', 'submission.lessonId']);
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('byProfile', 'profileId');
      const feedback = db.createObjectStore('feedback', { keyPath: 'id' });
      feedback.createIndex('byProfile', 'profileId');
      db.createObjectStore('meta');
    }
    if (oldVersion < 2) {
      // Resumable media downloads (v2): nothing to migrate, the store starts empty.
      db.createObjectStore('downloadChunks', { keyPath: ['sha256', 'offset'] });
    }
    if (oldVersion < 3) {
      // v3: attachment bytes are keyed [profileId, sha256], so two siblings' identical photos are
      // two records and removing one profile never deletes the other's. Existing records are kept.
      const create = () =>
        db
          .createObjectStore('attachments', { keyPath: ['profileId', 'sha256'] })
          .createIndex('byProfile', 'profileId');
      if (oldVersion < 1) create();
      else {
        // The v1 store (keyed by sha256 alone): read it, recreate it, put every record back.
        const old = (tx as unknown as IDBPTransaction<unknown, ['attachments'], 'versionchange'>).objectStore(
          'attachments',
        );
        void old.getAll().then((records) => {
          db.deleteObjectStore('attachments');
          create();
          const store = tx.objectStore('attachments');
          for (const record of records as AttachmentRecord[]) void store.put(record);
        });
      }
    }
    if (oldVersion < 4) {
      // v4: lessons handed in from the pupil's other devices, learnt from the feed's acks.
      const elsewhere = db.createObjectStore('handedInElsewhere', { keyPath: 'submissionId' });
      elsewhere.createIndex('byProfile', 'profileId');
      elsewhere.createIndex('byLesson', ['profileId', 'lessonId']);
      if (oldVersion >= 1) {
        // Acks read before v4 were dropped: forget each profile's feed cursor (and its class
        // news, which would skip the feed) so the next sync reads the feed again from the start.
        // A repeat of feedback keeps its read mark; a repeat of our own ack changes nothing.
        const meta = tx.objectStore('meta');
        void meta.getAllKeys().then((keys) => {
          for (const key of keys)
            if (key.startsWith('updatesCursor:') || key.startsWith('classNews:')) void meta.delete(key);
        });
      }
    }
  },
  earlyOpen,
);

/** Takes the open public/open-db.js started before the app's code, in the page (none in the worker). */
function earlyOpen(): IDBOpenDBRequest | undefined {
  const scope = globalThis as { cartableDbOpening?: IDBOpenDBRequest };
  const request = scope.cartableDbOpening;
  delete scope.cartableDbOpening;
  return request;
}

/**
 * For writes made often and redone or re-fetched if lost (a draft at every keystroke, download
 * progress): committed to the operating system, so they survive the tab or the browser closing,
 * without waiting for the disk's own flush. Chromium's default since Chrome 121, said for the
 * browsers where the default is still strict. A hand-in asks for strict instead.
 */
export const RELAXED_WRITE = { durability: 'relaxed' } as const;

/** The shared connection, opened on first use (page and service worker alike). */
export function openDb(): Promise<CartableDatabase> {
  return connection.open();
}

/** Close and forget the connection so the next test starts on a fresh IDBFactory. */
export function closeDbForTests(): Promise<void> {
  return connection.close();
}

/** True for the error browsers raise when the device is out of space (IndexedDB or Cache Storage). */
export function isQuotaError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}
