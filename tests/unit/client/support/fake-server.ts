/** Test-only: a fake server as a function of Request, recording what it was asked. */
import type { FetchLike } from '../../../../src/sync/api-client.ts';

export type Route = (request: Request) => Response | Promise<Response>;

export interface FakeServer {
  fetch: FetchLike;
  /** "METHOD /path" of every request, in order. */
  log: string[];
  /** The requests themselves (bodies unread). */
  requests: Request[];
}

/** Serve requests with `route`; a thrown error becomes a network failure, as with fetch. */
export function fakeServer(route: Route): FakeServer {
  const log: string[] = [];
  const requests: Request[] = [];
  return {
    log,
    requests,
    fetch: async (request) => {
      const url = new URL(request.url);
      log.push(`${request.method} ${url.pathname}${url.search}`);
      requests.push(request.clone());
      return route(request);
    },
  };
}

/** A JSON response. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** What fetch throws when the network is down. */
export function networkDown(): never {
  throw new TypeError('fetch failed');
}

/** What fetch throws when AbortSignal.timeout fires. */
export function timedOut(): never {
  throw new DOMException('The operation timed out.', 'TimeoutError');
}
