/**
 * The morning check a cache can answer: the manifest names its class's news URL (a
 * capability, no token) and the news value at that time. While the URL still answers the
 * same value, nothing was published and no feedback given in the class, so a device that
 * holds every lesson has nothing to ask its manifest (see docs/PROTOCOL.md).
 */
import * as v from 'valibot';
import { ClassNewsSchema } from '../../protocol/index.ts';
import { exchange, type FetchLike } from './api-client.ts';

/**
 * What the class news says against the value stored with the last manifest: the same,
 * 'moved' (another value, or an answer to doubt — a 404 after the server's key changed, a
 * body that does not parse — which only the manifest can settle), or 'unreachable' (no
 * answer, or a server error: asking the manifest now would only add load).
 */
export type ClassNewsCheck = 'same' | 'moved' | 'unreachable';

/** Ask the class news at `url` whether it still says `value`. */
export async function checkClassNews(
  fetchFn: FetchLike,
  server: string,
  news: { url: string; value: string },
): Promise<ClassNewsCheck> {
  // No token: the URL is the capability, and a shared cache may answer it. The browser's own
  // cache revalidates every time (a 304 is cheap): a device must not sit on a value up to a
  // minute old while the school's cache already knows of a new lesson.
  const result = await exchange(fetchFn, { server }, news.url, { cache: 'no-cache' });
  if (result.kind !== 'response' || result.response.status >= 500) return 'unreachable';
  if (!result.response.ok) return 'moved';
  try {
    const parsed = v.safeParse(ClassNewsSchema, JSON.parse(new TextDecoder().decode(result.bytes)));
    return parsed.success && parsed.output.news === news.value ? 'same' : 'moved';
  } catch {
    return 'moved';
  }
}

/** Whether the class news at `url` still says `value`; false on any doubt (error, other answer). */
export async function classNewsUnchanged(
  fetchFn: FetchLike,
  server: string,
  news: { url: string; value: string },
): Promise<boolean> {
  return (await checkClassNews(fetchFn, server, news)) === 'same';
}
