/**
 * Typed requests to a pupil's server: protocol paths, bearer token, a bounded
 * timeout, and valibot validation of every JSON answer (an invalid answer counts
 * as a server error, never as success).
 */
import * as v from 'valibot';
import {
  API,
  JoinResponseSchema,
  ManifestSchema,
  UpdatesSchema,
  type DeviceStatus,
  type JoinResponse,
  type Manifest,
  type Submission,
  type Updates,
} from '../../protocol/index.ts';
import type { SendOutcome } from './classify.ts';
import { noteContact } from './server-contact.ts';

/** A fetch that takes a Request: the global fetch, or a fake server in tests. */
export type FetchLike = (request: Request) => Promise<Response>;

export const API_TIMEOUT_MS = 20_000;

/** Downloads get 30 s plus the time a 50 kB/s link needs for the expected size. */
export function downloadTimeoutMs(expectedBytes: number): number {
  return 30_000 + Math.ceil(expectedBytes / 50);
}

/** The global fetch, bound (an unbound fetch throws "Illegal invocation" in browsers). */
export function defaultFetch(): FetchLike {
  return (request) => fetch(request);
}

/** Who is asking and where: a profile, or just a server before joining. */
export interface Caller {
  server: string;
  token?: string;
}

interface RequestOptions {
  method?: string;
  json?: unknown;
  body?: ArrayBuffer;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** The browser cache mode (default: the browser's own rules). */
  cache?: RequestCache;
}

function buildRequest(caller: Caller, path: string, options: RequestOptions): Request {
  const headers = new Headers(options.headers);
  if (caller.token) headers.set('authorization', `Bearer ${caller.token}`);
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  }
  return new Request(new URL(path, caller.server), {
    method: options.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
    ...(options.cache ? { cache: options.cache } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? API_TIMEOUT_MS),
  });
}

function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'TimeoutError' || error.name === 'AbortError')
  );
}

/** Raw exchange: the response with its body read, or what went wrong on the way. */
export type Exchange =
  | { kind: 'response'; response: Response; bytes: ArrayBuffer }
  | { kind: 'networkError'; message: string }
  | { kind: 'timeout' };

/** Send one request and read its whole body within the same timeout. */
export async function exchange(
  fetchFn: FetchLike,
  caller: Caller,
  path: string,
  options: RequestOptions = {},
): Promise<Exchange> {
  // Built outside the try: a malformed request is a bug to surface, not a "network error" to retry forever.
  const request = buildRequest(caller, path, options);
  try {
    const response = await fetchFn(request);
    noteContact(caller.server, true);
    return { kind: 'response', response, bytes: await response.arrayBuffer() };
  } catch (error) {
    noteContact(caller.server, false);
    if (isTimeout(error)) return { kind: 'timeout' };
    return { kind: 'networkError', message: error instanceof Error ? error.message : String(error) };
  }
}

function parseJson(bytes: ArrayBuffer): unknown {
  if (bytes.byteLength === 0) return null;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

/** The exchange as the classifier sees it. */
export function toSendOutcome(result: Exchange): SendOutcome {
  if (result.kind !== 'response') return result;
  return {
    kind: 'response',
    status: result.response.status,
    retryAfter: result.response.headers.get('retry-after'),
    body: parseJson(result.bytes),
  };
}

/** A validated JSON answer, or the outcome that explains why there is none. */
export type ApiResult<T> = { ok: true; value: T; response: Response } | { ok: false; outcome: SendOutcome };

function badResponse(message: string): SendOutcome {
  // Treated exactly like a gateway failure: retried later, never trusted.
  return { kind: 'response', status: 502, retryAfter: null, body: { error: 'bad_response', message } };
}

/** A 2xx answer from the server (its body is then worth parsing). */
function isSuccess(outcome: SendOutcome): outcome is Extract<SendOutcome, { kind: 'response' }> {
  return outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300;
}

async function jsonCall<T>(
  schema: v.GenericSchema<unknown, T>,
  fetchFn: FetchLike,
  caller: Caller,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const result = await exchange(fetchFn, caller, path, options);
  const outcome = toSendOutcome(result);
  if (result.kind !== 'response' || !isSuccess(outcome)) {
    return { ok: false, outcome };
  }
  const parsed = v.safeParse(schema, outcome.body);
  if (!parsed.success) return { ok: false, outcome: badResponse(`invalid answer from ${path}`) };
  return { ok: true, value: parsed.output, response: result.response };
}

/** POST /api/join with a pupil's code. */
export function postJoin(fetchFn: FetchLike, server: string, code: string): Promise<ApiResult<JoinResponse>> {
  return jsonCall(JoinResponseSchema, fetchFn, { server }, API.join, { method: 'POST', json: { code } });
}

export type ManifestResult =
  | { kind: 'notModified'; response: Response }
  | { kind: 'manifest'; manifest: Manifest; etag: string | null; response: Response }
  | { kind: 'failed'; outcome: SendOutcome };

/** GET the class manifest, conditionally on the stored ETag. */
export async function getManifest(
  fetchFn: FetchLike,
  caller: Caller,
  etag: string | null,
): Promise<ManifestResult> {
  const headers: Record<string, string> = etag ? { 'if-none-match': etag } : {};
  const result = await exchange(fetchFn, caller, API.manifest, { headers });
  if (result.kind === 'response' && result.response.status === 304)
    return { kind: 'notModified', response: result.response };
  const outcome = toSendOutcome(result);
  if (result.kind !== 'response' || !isSuccess(outcome)) {
    return { kind: 'failed', outcome };
  }
  const parsed = v.safeParse(ManifestSchema, outcome.body);
  if (!parsed.success) return { kind: 'failed', outcome: badResponse('invalid manifest') };
  return {
    kind: 'manifest',
    manifest: parsed.output,
    etag: result.response.headers.get('etag'),
    response: result.response,
  };
}

/** GET the feed of feedback and acknowledgements after `since`. */
export function getUpdates(fetchFn: FetchLike, caller: Caller, since: string): Promise<ApiResult<Updates>> {
  return jsonCall(UpdatesSchema, fetchFn, caller, API.updates(since));
}

/** POST this device's readiness report. */
export async function postDeviceStatus(
  fetchFn: FetchLike,
  caller: Caller,
  status: DeviceStatus,
): Promise<SendOutcome> {
  return toSendOutcome(await exchange(fetchFn, caller, API.deviceStatus, { method: 'POST', json: status }));
}

/** PUT a submission (idempotent: a repeat gets the same acknowledgement). */
export async function putSubmission(
  fetchFn: FetchLike,
  caller: Caller,
  submission: Submission,
): Promise<SendOutcome> {
  return toSendOutcome(
    await exchange(fetchFn, caller, API.submission(submission.id), { method: 'PUT', json: submission }),
  );
}

/** PUT attachment bytes under their hash (idempotent). */
export async function putBlob(
  fetchFn: FetchLike,
  caller: Caller,
  sha256: string,
  bytes: ArrayBuffer,
  mime: string,
): Promise<SendOutcome> {
  const result = await exchange(fetchFn, caller, API.uploadBlob(sha256), {
    method: 'PUT',
    body: bytes,
    headers: { 'content-type': mime },
    timeoutMs: downloadTimeoutMs(bytes.byteLength),
  });
  return toSendOutcome(result);
}

/** GET an immutable pack or media file; public capability URLs need no token. */
export async function download(
  fetchFn: FetchLike,
  server: string,
  path: string,
  expectedBytes: number,
): Promise<
  { ok: true; bytes: ArrayBuffer; contentType: string | null } | { ok: false; outcome: SendOutcome }
> {
  const result = await exchange(fetchFn, { server }, path, { timeoutMs: downloadTimeoutMs(expectedBytes) });
  if (result.kind === 'response' && result.response.status === 200) {
    return { ok: true, bytes: result.bytes, contentType: result.response.headers.get('content-type') };
  }
  return { ok: false, outcome: toSendOutcome(result) };
}
