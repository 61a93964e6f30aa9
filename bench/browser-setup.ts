/** What the benches that drive a browser or a rush of devices share: the server, Chromium, a pupil's context. */
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { freePort, ServerProcess } from '../tests/e2e/support/server-process.ts';

/** Runs `measure` with a fresh compiled server and Debian's Chromium; both are closed after it, whatever happens. */
export async function withServerAndBrowser<T>(
  measure: (server: ServerProcess, browser: Browser) => Promise<T>,
): Promise<T> {
  const server = new ServerProcess(await freePort());
  await server.start();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    return await measure(server, browser);
  } finally {
    await browser.close();
    await server.dispose();
  }
}

/**
 * A pupil's browser: service workers allowed, French, Paris time. With `evaluates`, the bench passes
 * functions to page.evaluate: tsx names their inner functions with a helper the page lacks, defined here.
 */
export async function pupilContext(browser: Browser, evaluates = false): Promise<BrowserContext> {
  const context = await browser.newContext({
    serviceWorkers: 'allow',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  if (evaluates) await context.addInitScript('globalThis.__name = (f) => f;');
  return context;
}

/**
 * A started server for a rush of `devices` devices: more requests at once, and the per-class join
 * limit lifted (a security control, not what a rush measures).
 */
export async function rushServer(devices: number): Promise<ServerProcess> {
  const server = new ServerProcess(await freePort(), {
    CARTABLE_MAX_IN_FLIGHT: '500',
    CARTABLE_CLASS_JOINS_PER_MINUTE: String(devices + 10),
  });
  await server.start();
  return server;
}
