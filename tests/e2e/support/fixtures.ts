/**
 * The e2e `test`: every page of every browser context a test opens fails the test if
 * the browser reports a Content Security Policy or Trusted Types violation, or a
 * script dialog opens.
 */
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

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

export const test = base.extend<{ securityViolations: string[]; watchEveryContext: void }>({
  securityViolations: async ({}, use) => {
    await use([]);
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
