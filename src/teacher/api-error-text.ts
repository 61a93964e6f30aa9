/**
 * What a refusal from the server means, in the teacher's language. The server answers with a code
 * (`{ error, message }`); its message is English for logs and other clients, never shown here.
 */
import { MARKDOWN_LIMITS } from '../../protocol/markdown-limits.ts';
import { tt, type TeacherMessageKey } from './teacher-i18n.ts';

const BY_CODE: Record<string, TeacherMessageKey> = {
  nothing_to_export: 'errorNothingToExport',
  not_found: 'errorNotFound',
  rate_limited: 'errorRateLimited',
  too_large: 'errorTooLarge',
  unsupported_type: 'errorUnsupportedType',
  type_mismatch: 'errorTypeMismatch',
  quota_exceeded: 'errorQuotaExceeded',
  class_archived: 'refused_class_archived',
  conflict: 'errorConflict',
  invalid_body: 'refused_invalid_body',
  bad_json: 'errorInvalid',
  internal: 'errorServer',
  invalid_lesson: 'refused_invalid_lesson',
  missing_media: 'refused_missing_media',
  markdown_too_long: 'problem_markdown_too_long',
  markdown_too_deep: 'problem_markdown_too_deep',
  markdown_too_complex: 'problem_markdown_too_complex',
};

/** The sentence for a refusal code; a code this version does not know is named, never left blank. */
export function refusalByCode(code: string): string {
  const key = BY_CODE[code];
  return key ? tt(key, { max: MARKDOWN_LIMITS.lessonField }) : tt('errorRefusedCode', { code });
}

/** The sentence for a refusal: by its code, else by its status; `status` 0 means no server answered. */
export function apiErrorText(status: number, code: string): string {
  if (status === 0) return tt('errorUnreachable');
  if (BY_CODE[code]) return refusalByCode(code);
  if (status === 429) return tt('errorRateLimited');
  if (status >= 500) return tt('errorServer');
  return tt('errorRefused', { status });
}
