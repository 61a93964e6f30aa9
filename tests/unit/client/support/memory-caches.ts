/** Test-only in-memory Cache Storage: just what the lesson downloader and media route use. */

function keyOf(request: RequestInfo | URL): string {
  if (typeof request === 'string') return request;
  if (request instanceof URL) return request.pathname;
  return new URL(request.url).pathname;
}

export class MemoryCache {
  readonly entries = new Map<string, { body: ArrayBuffer; init: ResponseInit }>();
  /** When set, put() rejects with this error (e.g. a QuotaExceededError DOMException). */
  failPutsWith: Error | null = null;

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const entry = this.entries.get(keyOf(request));
    return entry ? new Response(entry.body.slice(0), entry.init) : undefined;
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    if (this.failPutsWith) throw this.failPutsWith;
    const body = await response.arrayBuffer();
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    this.entries.set(keyOf(request), { body, init: { status: response.status, headers } });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(keyOf(request));
  }

  /** Stored requests, as Cache.keys() gives them (absolute URLs; this fake's origin is made up). */
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((path) => new Request(new URL(path, 'http://device')));
  }
}

export class MemoryCacheStorage {
  readonly caches = new Map<string, MemoryCache>();

  async open(name: string): Promise<MemoryCache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new MemoryCache();
      this.caches.set(name, cache);
    }
    return cache;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }
}

/** Install a fresh, empty `caches` global and return it. */
export function installMemoryCaches(): MemoryCacheStorage {
  const storage = new MemoryCacheStorage();
  (globalThis as { caches?: unknown }).caches = storage;
  return storage;
}
