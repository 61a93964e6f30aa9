/**
 * Issue 14, target 5: what is already fast stays fast. In headless Chromium against the real
 * server (then without it):
 *   - keystroke to "Enregistré": in a free-text step, 60 keystrokes one after another; each
 *     timed in the page from its keydown to the moment "Enregistré" is back in the document
 *     (the draft stored in IndexedDB), unthrottled and at 4× CPU throttle; p50 and p95;
 *   - the same keystrokes, and the baseline page's, in a second Chromium started without its
 *     deferral of tasks after input (context: see `withoutInputDeferral` below);
 *   - offline cold start: the server killed, a new tab opens the app; time from navigation
 *     start to the first lesson card in the document, at 4× CPU throttle, median of 5; the tab
 *     is left to settle first (see `settleNewTab`), and the figure without that pause is kept too;
 *   - the pupil's first load (gzip JS), read from dist/.
 * Bounded by counts and timeouts. Run: `npm run build && npx tsx bench/pupil-speed.ts`.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { joinAndDownload, lessonCard } from '../tests/e2e/support/pupil.ts';
import type { DemoPupil } from '../tests/e2e/support/server-process.ts';
import { firstLoadSizes } from './first-load.ts';
import { pupilContext, withServerAndBrowser } from './browser-setup.ts';

const KEYSTROKES = 60;
const COLD_STARTS = 5;

export interface PupilSpeed {
  keystrokeToSaved: { throttle: number; p50ms: number; p95ms: number }[];
  /** The same measure on a page that does only what saving needs (context for the figure above). */
  keystrokeBaseline: { throttle: number; p50ms: number; p95ms: number };
  /**
   * Context, not the target: the app's keystrokes (unthrottled) and the baseline page's in a Chromium
   * started with `--disable-features=DeferRendererTasksAfterInput`. By default Chromium holds
   * most tasks that follow a key press, IndexedDB's answers among them, until the next frame is
   * drawn (for responsiveness): the draft is stored 1-4 ms after the key, and "Enregistré" waits
   * for that frame, up to a vsync (16.7 ms) later. Traced on this machine, it is most of the figure.
   */
  withoutInputDeferral:
    | { app: { p50ms: number; p95ms: number }; baseline: { p50ms: number; p95ms: number } }
    | { failed: string };
  offlineColdStartMs: {
    throttle: number;
    medianMs: number;
    runs: number[];
    /** The same without `settleNewTab`'s pause: the new tab's own browser work competes with the app. */
    newTabBusy: { medianMs: number; runs: number[] };
  };
  firstLoadJsGzipBytes: number | null;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function throttle(context: BrowserContext, page: Page, rate: number): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Opens a lesson's free-text step. */
async function openFreeText(page: Page): Promise<void> {
  await lessonCard(page, 'Le cycle de l’eau').getByRole('link').click();
  for (let i = 0; i < 12 && (await page.locator('textarea').count()) === 0; i++)
    await page.getByRole('button', { name: /Suivant/ }).click();
  await page.locator('textarea').first().click();
}

/** Types `count` characters, each after the previous one was saved; ms per keystroke. */
async function keystrokes(page: Page, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const armed = page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          let down = 0;
          const onKey = () => {
            down = performance.now();
          };
          document.addEventListener('keydown', onKey, { once: true, capture: true });
          const saved = () => document.querySelector('[data-testid="saved"]') !== null;
          let sawUnsaved = false;
          const observer = new MutationObserver(() => {
            if (!saved()) sawUnsaved = true;
            else if (sawUnsaved && down > 0) {
              observer.disconnect();
              resolve(performance.now() - down);
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          setTimeout(() => reject(new Error('no "Enregistré" within 5 s')), 5_000);
        }),
    );
    // Let the listener and observer be in place before the key goes.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    await page.keyboard.press(i % 10 === 9 ? 'Space' : 'e');
    times.push(await armed);
  }
  return times;
}

const figure = (times: number[]) => ({
  p50ms: round(percentile(times, 50)),
  p95ms: round(percentile(times, 95)),
});

/**
 * A new tab of this Chromium starts a renderer of its own for the address bar's pop-up
 * (chrome://omnibox-popup.top-chrome), busy for about a second on these two cores, which is
 * the app's cold start competing with the browser's window rather than the app's own cost (an
 * installed app's window has no address bar). Traced side by side: 557-750 ms with it, 285-370 ms
 * after this pause.
 */
const settleNewTab = (page: Page) => page.waitForTimeout(2_000);

/**
 * The least a page can do per keystroke and still say "Enregistré" honestly: a textarea whose
 * every input is one IndexedDB put (and its length shown), the mark removed at the input and shown at the commit, timed
 * by the same `keystrokes` as the app. On this machine most of a keystroke is there, in the
 * browser's own work after a key (the frame, then the write), not in the app.
 */
async function keystrokeBaseline(browser: Browser): Promise<PupilSpeed['keystrokeBaseline']> {
  return { throttle: 1, ...figure(await baselineKeystrokes(browser)) };
}

async function baselineKeystrokes(browser: Browser): Promise<number[]> {
  const context = await pupilContext(browser, true);
  try {
    const page = await context.newPage();
    const html =
      '<!doctype html><p id="mark"></p><textarea rows="8"></textarea><p id="count"></p><script>' +
      "const open = indexedDB.open('baseline', 1);" +
      "open.onupgradeneeded = () => open.result.createObjectStore('drafts');" +
      "open.onsuccess = () => document.querySelector('textarea').addEventListener('input', (e) => {" +
      "  document.getElementById('count').textContent = e.target.value.length + ' / 2000';" +
      "  const mark = document.getElementById('mark'); mark.replaceChildren();" +
      "  const tx = open.result.transaction('drafts', 'readwrite');" +
      "  tx.objectStore('drafts').put({ text: e.target.value, at: new Date().toISOString() }, 'draft');" +
      '  tx.commit();' +
      "  tx.oncomplete = () => { const saved = document.createElement('span');" +
      "    saved.dataset.testid = 'saved'; saved.textContent = 'Enregistré'; mark.replaceChildren(saved); };" +
      '});</script>';
    await page.route('http://baseline.test/', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto('http://baseline.test/');
    await page.locator('textarea').click();
    await keystrokes(page, 5); // warm-up
    return await keystrokes(page, KEYSTROKES);
  } finally {
    await context.close();
  }
}

/**
 * The app's keystrokes (a pupil of its own) and the baseline page's, in a Chromium without the
 * deferral. Context only: a second try if the first fails (once, late in a full run, the join's
 * greeting took over its 5 s), then the reason is recorded instead of the figures.
 */
async function withoutInputDeferral(
  origin: string,
  pupil: DemoPupil,
): Promise<PupilSpeed['withoutInputDeferral']> {
  try {
    return await keystrokesWithoutDeferral(origin, pupil);
  } catch {
    return keystrokesWithoutDeferral(origin, pupil).catch((error: unknown) => ({
      failed: String(error).split('\n')[0]!,
    }));
  }
}

async function keystrokesWithoutDeferral(
  origin: string,
  pupil: DemoPupil,
): Promise<PupilSpeed['withoutInputDeferral']> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--disable-features=DeferRendererTasksAfterInput'],
  });
  try {
    const context = await pupilContext(browser, true);
    const page = await context.newPage();
    await joinAndDownload(page, origin, pupil);
    await openFreeText(page);
    await keystrokes(page, 5); // warm-up
    const app = figure(await keystrokes(page, KEYSTROKES));
    await context.close();
    return { app, baseline: figure(await baselineKeystrokes(browser)) };
  } finally {
    await browser.close();
  }
}

/** Opens the app in `runs` new tabs one after another, the server dead; ms to the first lesson card in each. */
async function coldStarts(context: BrowserContext, origin: string, settle: boolean): Promise<number[]> {
  const runs: number[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const tab = await context.newPage();
    await throttle(context, tab, 4);
    if (settle) await settleNewTab(tab);
    // Not `locator.waitFor`: it injects Playwright's own script into the page while it starts,
    // and at 4x that script's evaluation competed with the app for the main thread (about
    // 200 ms of each run, measured by the two ways side by side).
    const shown = tab.waitForEvent('console', {
      predicate: (message) => message.text() === 'cartable-bench: lesson list shown',
      timeout: 30_000,
    });
    await tab.goto(`${origin}/`);
    await shown;
    runs.push(round(await tab.evaluate(() => (globalThis as { listShownAt?: number }).listShownAt ?? NaN)));
    await tab.close();
  }
  return runs;
}

export async function measurePupilSpeed(): Promise<PupilSpeed> {
  return withServerAndBrowser(async (server, browser) => {
    const [pupil, another] = server.demoPupils();
    const context = await pupilContext(browser, true);
    // When the first lesson card enters the document, seen from the page itself; said on the
    // console, which the bench hears without running anything in the page.
    await context.addInitScript(() => {
      const watch = new MutationObserver(() => {
        if (document.querySelector('.lesson-card')) {
          (globalThis as { listShownAt?: number }).listShownAt = performance.now();
          console.debug('cartable-bench: lesson list shown');
          watch.disconnect();
        }
      });
      watch.observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await joinAndDownload(page, server.origin, pupil!);
    await openFreeText(page);
    const keystrokeToSaved: PupilSpeed['keystrokeToSaved'] = [];
    for (const rate of [1, 4]) {
      await throttle(context, page, rate);
      await keystrokes(page, 5); // warm-up
      const times = await keystrokes(page, KEYSTROKES);
      keystrokeToSaved.push({ throttle: rate, ...figure(times) });
    }
    // A cold start: the app is open nowhere else (the typing tab would keep its worker and
    // its timers running beside the new tab).
    await page.close();

    const deferral = await withoutInputDeferral(server.origin, another!);

    await server.kill();
    const runs = await coldStarts(context, server.origin, true);
    const busyRuns = await coldStarts(context, server.origin, false);
    return {
      keystrokeToSaved,
      keystrokeBaseline: await keystrokeBaseline(browser),
      withoutInputDeferral: deferral,
      offlineColdStartMs: {
        throttle: 4,
        medianMs: percentile(runs, 50),
        runs,
        newTabBusy: { medianMs: percentile(busyRuns, 50), runs: busyRuns },
      },
      firstLoadJsGzipBytes: firstLoadSizes()?.jsGzipBytes ?? null,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(await measurePupilSpeed(), null, 2));
