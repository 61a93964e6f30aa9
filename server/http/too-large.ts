/** The answer of every body-limit middleware. */
import type { Context } from 'hono';
import { apiError } from './json.ts';

/** 413 too_large. */
export function tooLarge(c: Context): Response {
  return apiError(c, 413, 'too_large', 'The request body is larger than this route accepts.');
}
