/**
 * The e2e `test`: every page of every test fails the test if the browser reports
 * a Content Security Policy or Trusted Types violation, or a script dialog opens.
 */
import { test as base, expect } from '@playwright/test';

export { expect };

const VIOLATION = /Content Security Policy|Trusted ?Types?|Trusted(Script|HTML)|Refused to (execute|load|apply|connect|frame)/i;

export const test = base.extend<{ securityViolations: string[] }>({
  securityViolations: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, securityViolations }, use) => {
    const watch = (page: import('@playwright/test').Page) => {
      page.on('console', (message) => {
        const text = message.text();
        if (VIOLATION.test(text)) securityViolations.push(text);
      });
      page.on('pageerror', (error) => {
        if (VIOLATION.test(error.message)) securityViolations.push(error.message);
      });
      page.on('dialog', (dialog) => {
        securityViolations.push(`script dialog opened: ${dialog.message()}`);
        void dialog.dismiss();
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(context);
    expect(securityViolations, 'security violations reported by the browser').toEqual([]);
  },
});
