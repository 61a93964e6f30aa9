/**
 * Issue 14, target 4: a device drains its outbox fast after an outage. In headless Chromium
 * against the real server: a pupil hands in once while the server is dead (a real outbox
 * item and hand-in record), the bench copies that pair into N queued hand-ins in the
 * device's IndexedDB (new UUIDs, due now), the server comes back, and the time runs from
 * the page's wake-up ('online') to the outbox empty. Baseline in the same run and page:
 * N plain sequential `fetch` PUTs of the same submissions (new UUIDs). For 50 and 1,000.
 * Bounded: each drain has a deadline. Run: `npm run build && npx tsx bench/outbox-drain.ts`.
 */
import type { Page } from '@playwright/test';
import { doLessonAndHandIn, joinAndDownload } from '../tests/e2e/support/pupil.ts';
import { pupilContext, withServerAndBrowser } from './browser-setup.ts';

const COUNTS = (process.env.BENCH_OUTBOX_COUNTS ?? '50,1000').split(',').map(Number);
const DEADLINE_MS = 120_000;

export interface OutboxDrain {
  items: number;
  /** From wake-up to outbox empty. */
  seconds: number;
  msPerItem: number;
  /** The same number of plain sequential fetch PUTs from the same page. */
  baselineMsPerItem: number;
  /** Drain per item over baseline per item (target ≤ 2). */
  ofBaseline: number;
}

/** Copies the one queued hand-in into `count` queued ones, all due now; returns the token. */
function queueCopies(page: Page, count: number): Promise<void> {
  return page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('cartable');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = (tx: IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    const read = db.transaction(['outbox', 'handedIn']);
    const items = await new Promise<{ id: string }[]>((resolve) => {
      const req = read.objectStore('outbox').getAll();
      req.onsuccess = () => resolve(req.result);
    });
    const item = items[0]!;
    const record = await new Promise<{ submission: { id: string } }>((resolve) => {
      const req = read.objectStore('handedIn').get(item.id);
      req.onsuccess = () => resolve(req.result);
    });
    await done(read);
    const write = db.transaction(['outbox', 'handedIn'], 'readwrite');
    write.objectStore('outbox').delete(item.id);
    write.objectStore('handedIn').delete(item.id);
    for (let i = 0; i < count; i++) {
      const id = crypto.randomUUID();
      write.objectStore('outbox').put({ ...item, id, attempts: 0, nextAttemptAt: 0, state: 'waiting' });
      write.objectStore('handedIn').put({ ...record, submission: { ...record.submission, id } });
    }
    await done(write);
    db.close();
  }, count);
}

/** Wakes the page's sync and waits until the outbox is empty; seconds. */
function drain(page: Page, deadlineMs: number): Promise<number> {
  return page.evaluate(async (deadlineMs) => {
    const count = () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cartable');
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
        open.onerror = () => reject(open.error);
      });
    const started = performance.now();
    window.dispatchEvent(new Event('online'));
    while ((await count()) > 0) {
      if (performance.now() - started > deadlineMs) throw new Error('the outbox did not drain in time');
      await new Promise((r) => setTimeout(r, 25));
    }
    return (performance.now() - started) / 1000;
  }, deadlineMs);
}

/** The same submissions as plain sequential PUTs from the page: seconds. */
function sequentialPuts(page: Page, count: number): Promise<number> {
  return page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('cartable');
      open.onsuccess = () => resolve(open.result);
    });
    const get = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    const [profile] = await get<{ token: string; server: string }>('profiles');
    const [record] = await get<{ submission: { id: string } }>('handedIn');
    db.close();
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const id = crypto.randomUUID();
      const res = await fetch(`/api/pupil/submissions/${id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${profile!.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...record!.submission, id }),
      });
      if (!res.ok) throw new Error(`baseline PUT answered ${res.status}`);
    }
    return (performance.now() - started) / 1000;
  }, count);
}

export async function measureOutboxDrain(items: number): Promise<OutboxDrain> {
  return withServerAndBrowser(async (server, browser) => {
    const [pupil] = server.demoPupils();
    const context = await pupilContext(browser, true);
    const page = await context.newPage();
    await joinAndDownload(page, server.origin, pupil!);
    await server.kill();
    await doLessonAndHandIn(page, 'Le cycle de l’eau');
    await queueCopies(page, items);
    await server.start();
    const seconds = await drain(page, DEADLINE_MS);
    const baseline = await sequentialPuts(page, items);
    const msPerItem = (seconds * 1000) / items;
    const baselineMsPerItem = (baseline * 1000) / items;
    const round = (n: number, d = 10) => Math.round(n * d) / d;
    return {
      items,
      seconds: round(seconds, 100),
      msPerItem: round(msPerItem),
      baselineMsPerItem: round(baselineMsPerItem),
      ofBaseline: round(msPerItem / baselineMsPerItem, 100),
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const items of COUNTS) console.log(JSON.stringify(await measureOutboxDrain(items)));
