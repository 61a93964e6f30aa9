/**
 * What a refusal from the server means, in the teacher's language. The server answers with a code
 * (`{ error, message }`); its message is English for logs and other clients, never shown here.
 */
import { tt, type TeacherMessageKey } from './teacher-i18n.ts';

const BY_CODE: Record<string, TeacherMessageKey> = {
  nothing_to_export: 'errorNothingToExport',
  not_found: 'errorNotFound',
  rate_limited: 'errorRateLimited',
  too_large: 'errorTooLarge',
  unsupported_type: 'errorUnsupportedType',
  type_mismatch: 'errorTypeMismatch',
  quota_exceeded: 'errorQuotaExceeded',
  class_archived: 'errorClassArchived',
  conflict: 'errorConflict',
  invalid_body: 'errorInvalid',
  bad_json: 'errorInvalid',
  internal: 'errorServer',
};

/** The sentence for a refusal: by its code, else by its status; `status` 0 means no server answered. */
export function apiErrorText(status: number, code: string): string {
  if (status === 0) return tt('errorUnreachable');
  const key = BY_CODE[code];
  if (key) return tt(key);
  if (status === 429) return tt('errorRateLimited');
  if (status >= 500) return tt('errorServer');
  return tt('errorRefused', { status });
}
