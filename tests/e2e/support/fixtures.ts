/**
 * The e2e `test`: every page of every browser context a test opens fails the test if
 * the browser reports a Content Security Policy or Trusted Types violation, or a
 * script dialog opens. Its `server` fixture owns the test's real server process: started
 * on a free port with its own data folder before the test, killed and its folder removed
 * after it (the test kills and restarts it at will in between).
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { FaultProxy } from './fault-proxy.ts';
import { freePort, ServerProcess } from './server-process.ts';

export { expect };

const VIOLATION =
  /Content Security Policy|Trusted ?Types?|Trusted(Script|HTML)|Refused to (execute|load|apply|connect|frame)/i;
const watched = new WeakSet<BrowserContext>();

function watchPage(page: Page, violations: string[]): void {
  page.on('console', (message) => {
    if (VIOLATION.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (VIOLATION.test(error.message)) violations.push(error.message);
  });
  page.on('dialog', (dialog) => {
    violations.push(`script dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

function watchContext(context: BrowserContext, violations: string[]): void {
  if (watched.has(context)) return;
  watched.add(context);
  context.pages().forEach((page) => watchPage(page, violations));
  context.on('page', (page) => watchPage(page, violations));
}

interface Fixtures {
  securityViolations: string[];
  watchEveryContext: void;
  /** Environment for this file's server (`test.use({ serverEnv })`), on top of the defaults. */
  serverEnv: Record<string, string>;
  /** The test's own server process, started; disposed (killed, data folder removed) after the test. */
  server: ServerProcess;
  /** A proxy in front of `server` that injects faults on demand; stopped after the test. */
  faultProxy: FaultProxy;
}

export const test = base.extend<Fixtures>({
  securityViolations: async ({}, use) => {
    await use([]);
  },
  serverEnv: [{}, { option: true }],
  faultProxy: async ({ server }, use) => {
    const proxy = new FaultProxy(await freePort(), server.port);
    await proxy.start();
    try {
      await use(proxy);
    } finally {
      await proxy.stop();
    }
  },
  server: async ({ serverEnv }, use) => {
    const server = new ServerProcess(await freePort(), serverEnv);
    try {
      await server.start();
      await use(server);
    } finally {
      await server.dispose();
    }
  },
  // Contexts a test opens itself (a second device, a teacher beside a pupil) are watched too.
  watchEveryContext: [
    async ({ browser, securityViolations }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        watchContext(context, securityViolations);
        return context;
      };
      await use();
      browser.newContext = newContext;
      expect(securityViolations, 'security violations reported by the browser').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, securityViolations }, use) => {
    watchContext(context, securityViolations);
    await use(context);
  },
});
