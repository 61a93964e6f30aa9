/**
 * Chaos: the real server is SIGKILLed at seeded random moments, hangs, or sheds
 * load, and the pupil's device must end with every lesson ready and verified and
 * every piece of work on the server exactly once. The seed is printed; replay a
 * failure with CHAOS_SEED=<seed>.
 */
import { expect, test } from './support/fixtures.ts';
import {
  chaosSeed,
  expectEveryLessonReadyAndVerified,
  newDevice,
  outboxCount,
  queueCopiesOfLastHandIn,
  serverSubmissionIds,
  updateUntilAllReady,
  verifyCachedMedia,
} from './support/chaos.ts';
import type { FaultProxy } from './support/fault-proxy.ts';
import { doLessonAndHandIn, joinAndDownload, joinLink, lessonCard, workState } from './support/pupil.ts';
import type { DemoPupil, ServerProcess } from './support/server-process.ts';
import { seededRandom } from '../fixtures/seeded-random.ts';

const LARGE_MB = 6;
const LARGE_BYTES = LARGE_MB * 1_000_000;
const ROUNDS = 10;

let server: ServerProcess;
let proxy: FaultProxy;

test.use({ serverEnv: { CARTABLE_DEMO_LARGE_MEDIA_MB: String(LARGE_MB) } });
// The test's own server, and a fault proxy in front of it (fixtures.ts): both stopped after it.
test.beforeEach(({ server: started, faultProxy }) => {
  server = started;
  proxy = faultProxy;
});

/** This test's random source, from a seed it prints (CHAOS_SEED replays it). */
function testRandom(): () => number {
  return seededRandom(chaosSeed(test.info().title));
}

function pupil(index = 0): DemoPupil {
  const found = server.demoPupils()[index];
  if (!found) throw new Error(`no demo pupil ${index}:\n${server.output}`);
  return found;
}

test('(1) SIGKILL during a download, 10 rounds: every lesson ends ready and verified, resumed with Range', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const random = testRandom();
  // A slow link, so that a kill lands in the middle of the large file.
  proxy.throttle('/blobs/', 8_000_000);
  const largePath = () =>
    proxy.log
      .filter((r) => r.method === 'GET' && r.path.startsWith('/blobs/'))
      .sort((a, b) => b.bytes - a.bytes)[0]!.path;

  for (let round = 1; round <= ROUNDS; round++) {
    const page = await newDevice(browser);
    const logStart = proxy.log.length;
    const killAt = Math.floor((0.1 + 0.8 * random()) * LARGE_BYTES);
    let killed: Promise<void> | null = null;
    proxy.whenBytes('/blobs/', killAt, () => {
      killed = server.kill();
      proxy.dropConnections();
    });

    await page.goto(joinLink(proxy.origin, pupil()));
    await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
    await expect
      .poll(() => killed !== null, { timeout: 30_000, message: `round ${round}: kill at ${killAt} B` })
      .toBe(true);
    await killed;
    // Meanwhile the pupil sees the truth: not everything is ready.
    await expect(page.getByTestId('all-ready')).toHaveCount(0);
    await server.start();

    await updateUntilAllReady(page);
    await expectEveryLessonReadyAndVerified(page);

    const round_ = proxy.log.slice(logStart).filter((r) => r.method === 'GET' && r.path === largePath());
    const fetched = round_.reduce((sum, r) => sum + r.bytes, 0);
    // Resumed from the bytes already received, not fetched twice in whole.
    expect(
      round_.slice(1).some((r) => /^bytes=[1-9]\d*-$/.test(r.range ?? '')),
      `round ${round}`,
    ).toBe(true);
    expect(fetched, `round ${round}: bytes of the large file`).toBeLessThan(LARGE_BYTES * 1.5);
    await page.context().close();
  }
});

test('(2) SIGKILL during an outbox drain of 50, 10 rounds: exactly the 50 on the server, once each', async ({
  page,
}) => {
  test.setTimeout(150_000);
  const random = testRandom();
  await joinAndDownload(page, proxy.origin, pupil());
  // One real hand-in through the player; its record is the template for the rest.
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn');
  await page.goto(`${proxy.origin}/device`);
  const expected = new Set<string>();

  for (let round = 1; round <= ROUNDS; round++) {
    const ids = await queueCopiesOfLastHandIn(page, 50);
    ids.forEach((id) => expected.add(id));
    const killAfter = 1 + Math.floor(random() * 49);
    let killed: Promise<void> | null = null;
    proxy.whenRequests('PUT', '/api/pupil/submissions/', killAfter, () => {
      killed = server.kill();
      proxy.dropConnections();
    });

    await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
    await expect
      .poll(() => killed !== null, { message: `round ${round}: kill after ${killAfter} PUTs` })
      .toBe(true);
    await killed;
    await server.start();
    // No tap needed: the retry timers (backoff) drain the queue by themselves.
    await expect.poll(() => outboxCount(page), { timeout: 60_000, message: `round ${round}` }).toBe(0);

    const stored = serverSubmissionIds(server.dataDir);
    for (const id of ids) expect(stored.get(id), `round ${round}: ${id}`).toBe(1);
  }
  const stored = serverSubmissionIds(server.dataDir);
  // The 500 queued plus the real hand-in, none twice, none extra.
  expect(stored.size).toBe(expected.size + 1);
  expect([...stored.values()].every((n) => n === 1)).toBe(true);
});

test('(3) a hung server and a 503 + Retry-After: the queue still drains, Retry-After respected', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const PUT = '/api/pupil/submissions/';
  await joinAndDownload(page, proxy.origin, pupil());
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'handedIn');
  await page.goto(`${proxy.origin}/device`);

  // Hung: accepts the request and never answers. The sender must give up and retry.
  proxy.setFault('PUT', PUT, { kind: 'hang' });
  const hungIds = await queueCopiesOfLastHandIn(page, 3);
  const before = proxy.requests('PUT', PUT).length;
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect
    .poll(() =>
      proxy
        .requests('PUT', PUT)
        .slice(before)
        .some((r) => r.answered === 'hung'),
    )
    .toBe(true);
  const hung = proxy
    .requests('PUT', PUT)
    .slice(before)
    .find((r) => r.answered === 'hung')!;
  proxy.setFault('PUT', PUT, { kind: 'pass' });
  await expect.poll(() => outboxCount(page), { timeout: 45_000 }).toBe(0);
  const afterHang = proxy.requests('PUT', PUT).filter((r) => r.at > hung.at);
  // The next attempt came only after the bounded timeout (20 s), not never.
  expect(afterHang[0]!.at - hung.at).toBeGreaterThanOrEqual(19_000);
  for (const id of hungIds) expect(serverSubmissionIds(server.dataDir).get(id)).toBe(1);

  // Shedding load: 503 with Retry-After. Nothing is asked again before it elapses.
  const RETRY_AFTER_S = 4;
  proxy.setFault('PUT', PUT, { kind: 'unavailable', retryAfterSeconds: RETRY_AFTER_S });
  const busyIds = await queueCopiesOfLastHandIn(page, 3);
  const start = proxy.requests('PUT', PUT).length;
  await page.getByRole('button', { name: 'Envoyer maintenant' }).click();
  await expect.poll(() => proxy.requests('PUT', PUT).length).toBeGreaterThan(start);
  const refused = proxy.requests('PUT', PUT)[start]!;
  expect(refused.answered).toBe(503);
  await page.waitForTimeout(1_000);
  // One refusal covers the whole pass: the struggling server is not asked for the others.
  expect(proxy.requests('PUT', PUT).length).toBe(start + 1);
  proxy.setFault('PUT', PUT, { kind: 'pass' });
  await expect.poll(() => outboxCount(page), { timeout: 30_000 }).toBe(0);
  for (const retry of proxy.requests('PUT', PUT).slice(start + 1)) {
    expect(retry.at - refused.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
  }
  for (const id of busyIds) expect(serverSubmissionIds(server.dataDir).get(id)).toBe(1);
});

test('(4) two pupils on one device: switching and removing the other never loses unsent work', async ({
  page,
}) => {
  const [lea, noah] = [pupil(0), pupil(1)];
  await joinAndDownload(page, proxy.origin, lea);
  test.setTimeout(120_000);
  // Léa's work cannot leave yet: the server sheds load (Retry-After 15 s, again while the fault lasts).
  proxy.setFault('PUT', '/api/pupil/submissions/', { kind: 'unavailable', retryAfterSeconds: 15 });
  await doLessonAndHandIn(page, 'Le cycle de l’eau');
  await expect(workState(page)).toHaveAttribute('data-work-state', 'waiting');

  // Noah joins on the same device (his own join link), then the family switches back and forth.
  await page.goto(joinLink(proxy.origin, noah));
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${noah.name}` })).toBeVisible();
  await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await expect(lessonCard(page, 'Le cycle de l’eau').locator('[data-work-state]')).toHaveAttribute(
    'data-work-state',
    'notStarted',
  );
  const switchTo = async (name: string) => {
    await page.locator('.profile-picker > button').click();
    await page
      .locator('.profile-picker-list')
      .getByRole('button', { name: new RegExp(name) })
      .click();
  };
  await switchTo(lea.name);
  await expect(page.getByRole('heading', { level: 1, name: `Bonjour ${lea.name}` })).toBeVisible();
  await expect(lessonCard(page, 'Le cycle de l’eau').locator('[data-work-state]')).toHaveAttribute(
    'data-work-state',
    'waiting',
  );
  await switchTo(noah.name);

  // Removing Léa is refused until her work is exported.
  await page.goto(`${proxy.origin}/device`);
  const leaRow = page.locator(`[data-profile="${lea.name}"]`);
  await leaRow.getByRole('button', { name: 'Retirer de cet appareil' }).click();
  await expect(leaRow.getByText(/pas encore envoyé/)).toBeVisible();
  const removeAnyway = leaRow.getByRole('button', { name: /Retirer \(le travail est exporté\)/ });
  await expect(removeAnyway).toBeDisabled();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    leaRow.getByRole('button', { name: 'Exporter' }).click(),
  ]);
  const exported = JSON.parse(
    await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
  );
  expect(exported).toMatchObject({ format: 'cartable.export/1', pupil: { name: lea.name } });
  expect(exported.submissions).toHaveLength(1);
  await leaRow.getByRole('button', { name: 'Annuler' }).click();

  // Removing Noah (nothing unsent) asks for confirmation, then leaves Léa's work alone.
  const noahRow = page.locator(`[data-profile="${noah.name}"]`);
  await noahRow.getByRole('button', { name: 'Retirer de cet appareil' }).click();
  await noahRow.getByRole('button', { name: 'Oui, retirer' }).click();
  await expect(noahRow).toHaveCount(0);
  expect(await outboxCount(page)).toBe(1);

  // The server recovers: Léa's work arrives by itself, exactly once.
  proxy.setFault('PUT', '/api/pupil/submissions/', { kind: 'pass' });
  await expect.poll(() => outboxCount(page), { timeout: 45_000 }).toBe(0);
  const [id] = exported.submissions.map((s: { submission: { id: string } }) => s.submission.id);
  expect(serverSubmissionIds(server.dataDir).get(id)).toBe(1);
  expect(serverSubmissionIds(server.dataDir).size).toBe(1);
});

test('(5) cleared Cache Storage: the pupil is told what is missing, and it is repaired on the next start', async ({
  page,
}) => {
  await joinAndDownload(page, proxy.origin, pupil());
  expect(await verifyCachedMedia(page)).toEqual({ count: 2, bad: [] });

  // Offline, the media cache vanishes (eviction): the app says so instead of pretending.
  await server.kill();
  await page.evaluate(() => caches.delete('cartable-media'));
  await page.reload();
  await expect(page.getByTestId('missing-summary')).toBeVisible();
  await expect(page.locator('[data-download-state="missing"]').first()).toBeVisible();
  // A lesson missing its picture still opens (text and quizzes are on the device).
  await expect(lessonCard(page, 'Le cycle de l’eau').getByRole('link')).toBeVisible();

  // Next start with the server back: repaired, verified.
  await server.start();
  await page.reload();
  await expect(page.getByTestId('all-ready')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('missing-summary')).toHaveCount(0);
  expect(await verifyCachedMedia(page)).toEqual({ count: 2, bad: [] });

  // Every cache cleared (the app shell too), server up: the app still starts and repairs.
  await page.evaluate(async () => {
    for (const name of await caches.keys()) await caches.delete(name);
  });
  await page.reload();
  // The start-up check finds the media gone and the sync brings them back (bounded wait).
  await expect.poll(() => verifyCachedMedia(page), { timeout: 60_000 }).toEqual({ count: 2, bad: [] });
  await expect(page.getByTestId('all-ready')).toBeVisible();
});
