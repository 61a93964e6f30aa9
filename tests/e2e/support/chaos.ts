/**
 * Chaos helpers: a seeded random source (printed, replayable with CHAOS_SEED),
 * reading the server's database as it really is, checking the device's media
 * against their hashes, and filling the outbox in the app's own record format.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Browser, type Page } from '@playwright/test';

/** The seed for one test: CHAOS_SEED to replay a failure, else a fresh one. Always printed. */
export function chaosSeed(testTitle: string): number {
  const fromEnv = process.env.CHAOS_SEED;
  const seed = fromEnv ? Number(fromEnv) : Math.floor(Math.random() * 2 ** 31);
  console.log(
    `chaos seed ${seed} for "${testTitle}" (replay: CHAOS_SEED=${seed} npx playwright test -g "${testTitle.slice(0, 3)}")`,
  );
  return seed;
}

/** Submission ids stored by the server (its SQLite file, read-only), with how many rows each has. */
export function serverSubmissionIds(dataDir: string): Map<string, number> {
  const db = new Database(join(dataDir, 'cartable.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('select id, count(*) as n from submissions group by id').all() as {
      id: string;
      n: number;
    }[];
    return new Map(rows.map((row) => [row.id, row.n]));
  } finally {
    db.close();
  }
}

/**
 * Every media file in the device's media cache, checked against the SHA-256 in its
 * URL (computed in Node from bytes read in the page).
 */
export async function verifyCachedMedia(page: Page): Promise<{ count: number; bad: string[] }> {
  const files = await page.evaluate(async () => {
    const cache = await caches.open('cartable-media');
    const out: { path: string; base64: string }[] = [];
    for (const request of await cache.keys()) {
      const bytes = new Uint8Array(await (await cache.match(request))!.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      out.push({ path: new URL(request.url).pathname, base64: btoa(binary) });
    }
    return out;
  });
  const bad = files
    .filter(
      (f) =>
        createHash('sha256').update(Buffer.from(f.base64, 'base64')).digest('hex') !==
        f.path.split('/').pop(),
    )
    .map((f) => f.path);
  return { count: files.length, bad };
}

/**
 * Queue `count` hand-ins of the pupil's last handed-in lesson, written straight into
 * the app's IndexedDB in exactly the records `handIn()` writes (pupil's copy +
 * outbox item, one transaction). The production build exposes no test hook, and
 * fifty walks through the player would take minutes; the sender under test is the
 * app's own, unchanged. Returns the new submission ids.
 */
export async function queueCopiesOfLastHandIn(page: Page, count: number): Promise<string[]> {
  return page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('cartable');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<
      { profileId: string; submission: { handedInAt: string } & Record<string, unknown> }[]
    >((resolve, reject) => {
      const request = db.transaction('handedIn').objectStore('handedIn').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const template = all.sort((a, b) => b.submission.handedInAt.localeCompare(a.submission.handedInAt))[0];
    if (!template) throw new Error('hand in one lesson through the UI first');
    const ids: string[] = [];
    const tx = db.transaction(['handedIn', 'outbox'], 'readwrite');
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      const submission = { ...template.submission, id, handedInAt: new Date(Date.now() + i).toISOString() };
      tx.objectStore('handedIn').add({ profileId: template.profileId, submission, state: 'waiting' });
      tx.objectStore('outbox').add({
        id,
        profileId: template.profileId,
        attempts: 0,
        nextAttemptAt: 0,
        state: 'waiting',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    return ids;
  }, count);
}

/** How many items wait in the device's outbox. */
export async function outboxCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('cartable');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const n = await new Promise<number>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return n;
  });
}

/** A brand-new device: its own browser context (storage, service worker). */
export async function newDevice(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
  });
  return context.newPage();
}

/** The pupil taps "Mettre à jour" until every lesson card says ready (bounded). */
export async function updateUntilAllReady(page: Page): Promise<void> {
  await expect(async () => {
    const button = page.locator('.sync-summary button');
    if (await button.isEnabled()) await button.click();
    await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000, intervals: [500, 1_000, 2_000] });
}

/** Every lesson card ready, and every cached file matching its hash. */
export async function expectEveryLessonReadyAndVerified(page: Page): Promise<void> {
  const cards = page.locator('.lesson-card');
  // The four demo lessons and the three séances of the demo sequence (the adapted lesson is not Léa’s).
  await expect(cards).toHaveCount(7);
  for (const card of await cards.all()) await expect(card).toHaveAttribute('data-ready', 'true');
  const media = await verifyCachedMedia(page);
  // The pizza picture and the large file.
  expect(media).toEqual({ count: 2, bad: [] });
}
