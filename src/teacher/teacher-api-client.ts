/**
 * Calls to the teacher API with the session's bearer token. Every JSON answer
 * is validated with the contract's schemas; failures become a TeacherApiError
 * carrying the server's code (screens word it: api-error-text.ts) and its
 * English sentence (for logs only).
 */
import * as v from 'valibot';
import { ApiErrorSchema } from '../../protocol/api.ts';
import { defaultFetch, exchange, toSendOutcome, type Exchange } from '../sync/api-client.ts';
import { session, sessionRefused } from './teacher-session.ts';

export class TeacherApiError extends Error {
  constructor(
    /** 0 when no server answered. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

interface CallOptions {
  method?: string;
  json?: unknown;
  /** Raw bytes (a family's work file), with their `content-type` in `headers`. */
  body?: ArrayBuffer;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** One raw exchange with the signed-in teacher's token (used by the outbox, which classifies it itself). */
export function teacherExchange(path: string, options: CallOptions = {}): Promise<Exchange> {
  const token = session.value?.token;
  return exchange(defaultFetch(), { server: location.origin, ...(token ? { token } : {}) }, path, options);
}

/** Turn a failed exchange into an error with the server's reason (and note a refused session). */
export function apiErrorOf(result: Exchange): TeacherApiError {
  const outcome = toSendOutcome(result);
  if (outcome.kind === 'networkError') return new TeacherApiError(0, 'network', outcome.message);
  if (outcome.kind === 'timeout') return new TeacherApiError(0, 'timeout', 'timeout');
  if (outcome.status === 401) sessionRefused();
  const error = v.safeParse(ApiErrorSchema, outcome.body);
  return error.success
    ? new TeacherApiError(outcome.status, error.output.error, error.output.message, outcome.body)
    : new TeacherApiError(outcome.status, `http_${outcome.status}`, `HTTP ${outcome.status}`, outcome.body);
}

/** Call and validate the JSON answer; a 204 or an empty body needs no schema. */
export async function teacherCall<T>(
  schema: v.GenericSchema<unknown, T> | null,
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const result = await teacherExchange(path, options);
  if (result.kind !== 'response' || !result.response.ok) throw apiErrorOf(result);
  if (!schema) return undefined as T;
  const outcome = toSendOutcome(result);
  const body = outcome.kind === 'response' ? outcome.body : null;
  const parsed = v.safeParse(schema, body);
  if (!parsed.success) throw new TeacherApiError(502, 'bad_response', `invalid answer from ${path}`);
  return parsed.output;
}

/** Bytes of an authenticated file (a pupil's photo, an export) as a Blob for a blob: URL. */
export async function teacherDownload(path: string): Promise<Blob> {
  const result = await teacherExchange(path, { timeoutMs: 120_000 });
  if (result.kind !== 'response' || !result.response.ok) throw apiErrorOf(result);
  return new Blob([result.bytes], { type: result.response.headers.get('content-type') ?? '' });
}

/** How long an editor waits for the server's copy before opening the device's. */
const SERVER_WAIT_MS = 3_000;

/** The call's answer, or a failure once an editor has waited long enough to open the device's copy instead. */
export function withinServerWait<T>(call: Promise<T>): Promise<T> {
  return Promise.race([
    call,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow server')), SERVER_WAIT_MS)),
  ]);
}
