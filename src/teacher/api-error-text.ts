/**
 * What a refusal from the server means, in the teacher's language. The server answers with a code
 * (`{ error, message }`); its message is English for logs and other clients, never shown here.
 */
import type { TeacherErrorCode } from '../../protocol/error-codes.ts';
import { MARKDOWN_LIMITS } from '../../protocol/markdown-limits.ts';
import { tt, type TeacherMessageKey } from './teacher-i18n.ts';

/** Every code a teacher screen can meet (protocol/error-codes.ts): a new one is a compile error here. */
export const TEACHER_ERROR_TEXT: Record<TeacherErrorCode, TeacherMessageKey> = {
  bad_json: 'errorInvalid',
  invalid_body: 'refused_invalid_body',
  too_large: 'errorTooLarge',
  request_timeout: 'errorTimeout',
  busy: 'errorBusy',
  rate_limited: 'errorRateLimited',
  internal: 'errorServer',
  not_found: 'errorNotFound',
  unauthorized: 'sessionExpired',
  bad_credentials: 'signInBadCredentials',
  bad_id: 'errorNotFound',
  unknown_class: 'errorNotFound',
  unknown_pupil: 'errorNotFound',
  unknown_device: 'errorNotFound',
  unknown_lesson: 'errorNotFound',
  unknown_submission: 'errorNotFound',
  unknown_attachment: 'errorAttachmentMissing',
  unknown_sequence: 'errorSequenceNotFound',
  class_archived: 'refused_class_archived',
  conflict: 'errorConflict',
  published: 'errorPublishedLesson',
  nothing_to_export: 'errorNothingToExport',
  invalid_lesson: 'refused_invalid_lesson',
  missing_media: 'refused_missing_media',
  markdown_too_long: 'problem_markdown_too_long',
  markdown_too_deep: 'problem_markdown_too_deep',
  markdown_too_complex: 'problem_markdown_too_complex',
  schedule_in_past: 'refused_schedule_in_past',
  schedule_day_off: 'refused_schedule_day_off',
  schedule_after_due: 'refused_schedule_after_due',
  empty_sequence: 'refused_empty_sequence',
  bad_hash: 'errorUploadCut',
  hash_mismatch: 'errorUploadCut',
  unsupported_type: 'errorUnsupportedType',
  type_mismatch: 'errorTypeMismatch',
  quota_exceeded: 'errorQuotaExceeded',
  not_cartable_file: 'errorNotCartableFile',
  wrong_file_kind: 'errorWrongFileKind',
  wrong_file_version: 'errorWrongFileVersion',
  file_tampered: 'errorFileTampered',
  file_truncated: 'errorFileTruncated',
};

function keyOf(code: string): TeacherMessageKey | undefined {
  return Object.hasOwn(TEACHER_ERROR_TEXT, code) ? TEACHER_ERROR_TEXT[code as TeacherErrorCode] : undefined;
}

/** The sentence for a refusal code; a code this version does not know is named, never left blank. */
export function refusalByCode(code: string): string {
  const key = keyOf(code);
  return key ? tt(key, { max: MARKDOWN_LIMITS.lessonField }) : tt('errorRefusedCode', { code });
}

/** The sentence for a refusal: by its code, else by its status; `status` 0 means no server answered. */
export function apiErrorText(status: number, code: string): string {
  if (status === 0) return code === 'timeout' ? tt('errorNoAnswer') : tt('errorUnreachable');
  if (keyOf(code)) return refusalByCode(code);
  if (status === 429) return tt('errorRateLimited');
  if (status === 503) return tt('errorBusy');
  if (status >= 500) return tt('errorServer');
  return tt('errorRefused', { status });
}
