/**
 * Plain, cloneable records kept on the device (IndexedDB `cartable`).
 * Shared by the page and the service worker; no Blobs (iOS), no class instances.
 */
import type { ManifestSequence } from '../../protocol/manifest-sequence.ts';
import type { Answers, LessonPack, MediaRef, Submission } from '../../protocol/index.ts';

/** A pupil linked on this device. Siblings each have one. */
export interface Profile {
  /** Local id: `${server}|${pupilId}` so two schools' servers never collide. */
  id: string;
  pupilId: string;
  pupilName: string;
  classId: string;
  className: string;
  /** Device token (bearer). Never leaves this device except to its own server. */
  token: string;
  /** Origin of the server this pupil belongs to. */
  server: string;
  joinedAt: string;
  /**
   * 'relink' after a 401: keep everything, ask the pupil to join again. 'file': made from a
   * lessons file with no network (no token yet): it links itself with `joinCode` once a server answers.
   */
  link: 'ok' | 'relink' | 'file';
  /** The join code a lessons file carried, kept until the device links (link 'file' only). */
  joinCode?: string;
}

/** 'missing': was ready, then files vanished (storage evicted, site data cleared); repaired on the next sync. */
export type LessonDownloadState = 'queued' | 'downloading' | 'ready' | 'error' | 'missing';

/** One lesson of a profile's class: the manifest entry and, once downloaded, its pack. */
export interface LessonRecord {
  profileId: string;
  lessonId: string;
  version: number;
  title: string;
  packHash: string;
  /** Total bytes (pack + media), from the manifest. */
  size: number;
  availableFrom: string;
  dueAt: string | null;
  state: LessonDownloadState;
  /** Bytes verified and stored so far (for progress). */
  bytesDone: number;
  /** Machine code of the last download error for this lesson (hash_mismatch, quota, network…). */
  error?: string;
  /** Present once the pack is verified (kept across retries); media are in Cache Storage. */
  pack?: LessonPack;
  /** Media left for the pupil to fetch on demand (data saver); the lesson is ready without them. */
  mediaOnDemand?: MediaRef[];
  /** How many files of a 'missing' lesson are gone from the device. */
  missingFiles?: number;
  readyAt?: string;
  /** No longer in the manifest, kept because the pupil's draft or handed-in work refers to it. */
  withdrawn?: boolean;
  /** The sequence this lesson is a séance of (from the manifest; absent from older records). */
  sequence?: ManifestSequence | null;
}

/** Work in progress, saved at every change. */
export interface Draft {
  profileId: string;
  lessonId: string;
  lessonVersion: number;
  answers: Answers;
  /** Where the pupil was, to reopen at the same step. */
  stepIndex: number;
  /** Quiz steps the pupil has checked: their correction is shown and the answer frozen. */
  checked?: string[];
  updatedAt: string;
  /**
   * The UUID this attempt will be handed in under, chosen when the draft starts: handing in
   * the same attempt twice (double click, two tabs, a repeat) finds it and stores nothing new.
   * Absent on drafts saved before it existed; hand-in then chooses one.
   */
  submissionId?: string;
}

export type DeliveryState = 'waiting' | 'delivered' | 'needsAttention' | 'relink';

/** The pupil's own copy of everything handed in, delivered or not. Never deleted by sync. */
export interface HandedInRecord {
  profileId: string;
  submission: Submission;
  state: DeliveryState;
  /** Set on the server's 2xx acknowledgement. */
  receivedAt?: string;
}

/**
 * Work this pupil handed in from another device (a second tablet, a parent's phone), learnt
 * from the server's acknowledgements in the updates feed. The answers stayed on that device;
 * this says only that the lesson is done, and when.
 */
export interface HandedInElsewhereRecord {
  submissionId: string;
  profileId: string;
  lessonId: string;
  /** When the server received it. */
  receivedAt: string;
  /** When the pupil handed it in (that device's corrected clock); absent from older servers. */
  handedInAt?: string;
}

/** An item waiting to be sent. Removed only when the server acknowledges its UUID. */
export interface OutboxItem {
  /** The submission UUID (also the idempotency key). */
  id: string;
  profileId: string;
  attempts: number;
  /** Epoch ms before which the sender must not try again. */
  nextAttemptAt: number;
  /** Machine code or server reason of the last failure. */
  lastError?: string;
  /** The server's human sentence for a refusal (needsAttention), English; the UI translates `lastError`. */
  lastErrorMessage?: string;
  /** 'waiting' is retried automatically; the others wait for the pupil. */
  state: 'waiting' | 'needsAttention' | 'relink';
}

/** Teacher feedback, readable offline. */
export interface FeedbackRecord {
  profileId: string;
  id: string;
  submissionId: string;
  lessonId: string;
  body: import('../../protocol/index.ts').Content;
  createdAt: string;
  /**
   * When the pupil first saw it (opened the lesson's feedback); absent means unread. Set on
   * this device only: the feed's copy never carries it, and a repeat from the feed keeps it.
   */
  readAt?: string;
}
