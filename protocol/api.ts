/**
 * The HTTP API shared by app, service worker and server: paths, request and
 * response bodies. See docs/PROTOCOL.md; the paths are a public contract.
 */
import * as v from 'valibot';
import { AnswersSchema } from './answers.ts';
import { Sha256Schema, UuidSchema } from './hash.ts';
import { ContentSchema } from './content.ts';
import { ManifestSequenceSchema } from './manifest-sequence.ts';

export const API = {
  health: '/api/health',
  join: '/api/join',
  manifest: '/api/pupil/manifest',
  submission: (id: string) => `/api/pupil/submissions/${id}`,
  updates: (since: string) => `/api/pupil/updates?since=${encodeURIComponent(since)}`,
  deviceStatus: '/api/pupil/device-status',
  uploadBlob: (sha256: string) => `/api/blobs/${sha256}`,
  pack: (sha256: string) => `/packs/${sha256}`,
  blob: (sha256: string) => `/blobs/${sha256}`,
} as const;

/** Every error body: a stable machine code and a human sentence (English; the app translates codes). */
export const ApiErrorSchema = v.object({ error: v.string(), message: v.string() });
export type ApiError = v.InferOutput<typeof ApiErrorSchema>;

const IsoDate = v.pipe(v.string(), v.isoTimestamp());
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

export const HealthSchema = v.object({ ok: v.literal(true), version: v.string() });

/** Join codes are typed by children: we accept spaces, dashes and lowercase. */
export const JoinRequestSchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) });
export type JoinRequest = v.InferOutput<typeof JoinRequestSchema>;

export const JoinResponseSchema = v.object({
  token: v.pipe(v.string(), v.minLength(32)),
  pupil: v.object({ id: Id, name: v.string() }),
  class: v.object({ id: Id, name: v.string() }),
  serverTime: IsoDate,
});
export type JoinResponse = v.InferOutput<typeof JoinResponseSchema>;

export const ManifestLessonSchema = v.object({
  id: Id,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: v.string(),
  pack: Sha256Schema,
  /** Bytes to download for this lesson: the pack plus its media. */
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  availableFrom: IsoDate,
  dueAt: v.nullable(IsoDate),
  /** The sequence this lesson is a séance of, or null. Optional: older servers send none. */
  sequence: v.optional(v.nullable(ManifestSequenceSchema)),
});
export type ManifestLesson = v.InferOutput<typeof ManifestLessonSchema>;

export const ManifestSchema = v.object({
  serverTime: IsoDate,
  lessons: v.array(ManifestLessonSchema),
});
export type Manifest = v.InferOutput<typeof ManifestSchema>;

/**
 * Manifest answers (200 and 304) carry the cursor of the pupil's latest update in this
 * header: a device whose stored cursor equals it has nothing to ask the updates feed.
 */
export const FEED_CURSOR_HEADER = 'Cartable-Feed-Cursor';

/**
 * Manifest answers also name the class's news URL (a capability, no token, any cache may hold
 * it a minute) and its current value. While the news is unchanged, nothing was published and
 * no feedback given in the class since: a device holding everything needs no manifest check.
 */
export const CLASS_NEWS_HEADER = 'Cartable-Class-News';
export const CLASS_NEWS_VALUE_HEADER = 'Cartable-Class-News-Value';

export const ClassNewsSchema = v.object({ news: v.string() });
export type ClassNews = v.InferOutput<typeof ClassNewsSchema>;

/** The body of PUT /api/pupil/submissions/<uuid>: immutable once handed in. */
export const SubmissionSchema = v.object({
  id: UuidSchema,
  lessonId: Id,
  lessonVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  answers: AnswersSchema,
  /** Device clock at hand-in (corrected by the server offset); informative only. */
  handedInAt: IsoDate,
});
export type Submission = v.InferOutput<typeof SubmissionSchema>;

/** The server's acknowledgement: the same body on every repeat of the same submission. */
export const SubmissionAckSchema = v.object({
  id: UuidSchema,
  receivedAt: IsoDate,
});
export type SubmissionAck = v.InferOutput<typeof SubmissionAckSchema>;

export const UpdateSchema = v.variant('kind', [
  v.object({
    kind: v.literal('ack'),
    submissionId: UuidSchema,
    lessonId: Id,
    receivedAt: IsoDate,
    /**
     * The submission's own `handedInAt`, so another device of the pupil can tell whether it was
     * late. Optional: servers before it sent none (a client then falls back on `receivedAt`).
     */
    handedInAt: v.optional(IsoDate),
  }),
  v.object({
    kind: v.literal('feedback'),
    id: Id,
    submissionId: UuidSchema,
    lessonId: Id,
    body: ContentSchema,
    createdAt: IsoDate,
  }),
]);
export type Update = v.InferOutput<typeof UpdateSchema>;

export const UpdatesSchema = v.object({
  /** Opaque; send it back as `since` next time. */
  cursor: v.string(),
  updates: v.array(UpdateSchema),
});
export type Updates = v.InferOutput<typeof UpdatesSchema>;

export const DeviceStatusSchema = v.object({
  lessonsReady: v.pipe(
    v.array(v.object({ id: Id, version: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    v.maxLength(1000),
  ),
  storage: v.object({
    persisted: v.boolean(),
    usage: v.optional(v.number()),
    quota: v.optional(v.number()),
  }),
  lastSyncAt: IsoDate,
  /**
   * Lessons the pupil has started on this device and not handed in (work saved there), so the
   * teacher's sequence grid can say "started". Optional: devices before it omit it.
   */
  lessonsStarted: v.optional(v.pipe(v.array(v.object({ id: Id })), v.maxLength(1000))),
});
export type DeviceStatus = v.InferOutput<typeof DeviceStatusSchema>;
