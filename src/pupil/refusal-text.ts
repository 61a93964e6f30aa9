/**
 * Why the server refused a pupil's work, in the pupil's language, from the server's code (its
 * `message` is English, for logs). A code this version does not know is named in a sentence.
 */
import type { DeviceErrorCode } from '../../protocol/error-codes.ts';
import { t, type MessageKey } from '../app/i18n.ts';

/** Every code a device can meet (protocol/error-codes.ts): a new one is a compile error here. */
export const PUPIL_ERROR_TEXT: Record<DeviceErrorCode, MessageKey> = {
  bad_json: 'refusedUnreadable',
  invalid_body: 'refusedUnreadable',
  too_large: 'refusedTooLarge',
  request_timeout: 'refusedBusy',
  busy: 'refusedBusy',
  rate_limited: 'refusedBusy',
  internal: 'refusedBusy',
  not_found: 'refusedUnknownLesson',
  unauthorized: 'stateRelink',
  device_revoked: 'stateRelink',
  bad_code: 'joinErrorBadCode',
  unknown_code: 'joinErrorUnknownCode',
  expired_code: 'joinErrorExpiredCode',
  class_archived: 'joinErrorClassArchived',
  class_join_limit: 'refusedBusy',
  bad_id: 'refusedUnreadable',
  id_mismatch: 'refusedUnreadable',
  conflict: 'refusedConflict',
  missing_attachment: 'refusedMissingFile',
  unknown_lesson: 'refusedUnknownLesson',
  bad_hash: 'refusedMissingFile',
  hash_mismatch: 'refusedMissingFile',
  unsupported_type: 'refusedFileType',
  type_mismatch: 'refusedFileType',
  quota_exceeded: 'refusedQuota',
  bad_cursor: 'refusedUnreadable',
  range_not_satisfiable: 'refusedUnreadable',
};

/** The sentence for a refusal code (the device's own `missing_submission` reads as unreadable work). */
export function pupilRefusalText(code: string): string {
  if (code === 'missing_submission') return t('refusedUnreadable');
  return Object.hasOwn(PUPIL_ERROR_TEXT, code)
    ? t(PUPIL_ERROR_TEXT[code as DeviceErrorCode], { minutes: 1 })
    : t('refusedOther', { code });
}
