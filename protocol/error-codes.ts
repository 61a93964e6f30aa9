/**
 * Every `error` code a Cartable server answers with (`{ error, message }`), by who can meet it.
 * The server's `message` is English, for logs; Cartable's screens word these codes in the
 * interface language, and a unit test checks that each code in server/ is listed here and worded
 * on both sides. New codes may appear in later servers: clients fall back on the HTTP status.
 */

import { OFFLINE_FILE_PROBLEMS } from './offline-files.ts';

/** Codes any route may answer with, to a device or a teacher. */
const ANY_ROUTE_ERROR_CODES = [
  'bad_json',
  'invalid_body',
  'too_large',
  'request_timeout',
  'busy',
  'rate_limited',
  'internal',
  'not_found',
  'unauthorized',
] as const;

/** Codes a pupil's device can be answered with (join, manifest, hand-ins, uploads, feed). */
export const DEVICE_ERROR_CODES = [
  ...ANY_ROUTE_ERROR_CODES,
  'device_revoked',
  // Join
  'bad_code',
  'unknown_code',
  'expired_code',
  'class_archived',
  'class_join_limit',
  // Hand-ins, uploads, feed, media
  'bad_id',
  'id_mismatch',
  'conflict',
  'missing_attachment',
  'unknown_lesson',
  'bad_hash',
  'hash_mismatch',
  'unsupported_type',
  'type_mismatch',
  'quota_exceeded',
  'bad_cursor',
  'range_not_satisfiable',
] as const;

/** Codes a teacher's screens can be answered with (teacher routes and media uploads). */
export const TEACHER_ERROR_CODES = [
  ...ANY_ROUTE_ERROR_CODES,
  // Session
  'bad_credentials',
  // Ownership: missing, or another teacher's
  'bad_id',
  'unknown_class',
  'unknown_pupil',
  'unknown_device',
  'unknown_lesson',
  'unknown_submission',
  'unknown_attachment',
  'unknown_sequence',
  // Writes
  'class_archived',
  'conflict',
  'published',
  'nothing_to_export',
  'invalid_lesson',
  'missing_media',
  'markdown_too_long',
  'markdown_too_deep',
  'markdown_too_complex',
  // Sequences: a class's dates refused, per reason (protocol/sequence-schedule.ts), or no séance to publish
  'schedule_in_past',
  'schedule_day_off',
  'schedule_after_due',
  'empty_sequence',
  // Media uploads
  'bad_hash',
  'hash_mismatch',
  'unsupported_type',
  'type_mismatch',
  'quota_exceeded',
  // A family's work file (POST /api/teacher/work-files)
  ...OFFLINE_FILE_PROBLEMS,
] as const;

export type DeviceErrorCode = (typeof DEVICE_ERROR_CODES)[number];
export type TeacherErrorCode = (typeof TEACHER_ERROR_CODES)[number];
export type ServerErrorCode = DeviceErrorCode | TeacherErrorCode;
