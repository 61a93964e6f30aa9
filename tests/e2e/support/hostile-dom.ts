/** What the XSS corpus test checks on each screen: nothing ran, nothing active is in the DOM, the payloads are text. */
import type { Page } from '@playwright/test';
import { MARKDOWN_PAYLOADS } from '../../fixtures/xss-payloads.ts';
import { expect } from './fixtures.ts';

export interface DomReport {
  pwned: unknown;
  activeElements: string[];
  handlers: string[];
  dangerousUrls: string[];
  badLinks: string[];
  contentLinks: number;
}

/**
 * Everything in the DOM that could run or navigate somewhere it should not.
 * Links inside rendered teacher content (`.content`) must be http(s)/mailto,
 * open in a new tab, and carry noopener and noreferrer; the app's own links
 * must stay on this origin.
 */
export function scanDom(page: Page): Promise<DomReport> {
  return page.evaluate(() => {
    const report = {
      pwned: (window as { __pwned?: unknown }).__pwned,
      activeElements: [] as string[],
      handlers: [] as string[],
      dangerousUrls: [] as string[],
      badLinks: [] as string[],
      contentLinks: 0,
    };
    const describe = (el: Element) => el.outerHTML.slice(0, 160);
    for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv]'))
      report.activeElements.push(describe(el));
    // The app's own module scripts are allowed: external, same-origin, in the head.
    for (const script of document.querySelectorAll('script')) {
      const src = script.getAttribute('src');
      if (
        !src ||
        new URL(src, location.href).origin !== location.origin ||
        script.parentElement !== document.head
      )
        report.activeElements.push(describe(script));
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (attr.name.toLowerCase().startsWith('on')) report.handlers.push(`${attr.name} on ${describe(el)}`);
        if (/^\s*(javascript|vbscript|data\s*:\s*text\/html)/i.test(attr.value) && attr.name !== 'value')
          report.dangerousUrls.push(`${attr.name} on ${describe(el)}`);
      }
    }
    for (const a of document.querySelectorAll('a')) {
      const href = a.getAttribute('href') ?? '';
      if (a.closest('.content')) {
        report.contentLinks++;
        const rel = (a.getAttribute('rel') ?? '').split(/\s+/);
        const ok =
          /^(https?:\/\/|mailto:)/i.test(href) &&
          rel.includes('noopener') &&
          rel.includes('noreferrer') &&
          a.getAttribute('target') === '_blank';
        if (!ok) report.badLinks.push(describe(a));
      } else if (new URL(href, location.href).origin !== location.origin) {
        report.badLinks.push(describe(a));
      }
    }
    return report;
  });
}

/** Nothing ran and nothing that could run is in the DOM. */
export async function expectInert(page: Page, where: string): Promise<DomReport> {
  const report = await scanDom(page);
  expect(report.pwned, `${where}: window.__pwned`).toBeUndefined();
  expect(report.activeElements, `${where}: script/iframe/object/embed`).toEqual([]);
  expect(report.handlers, `${where}: on* attributes`).toEqual([]);
  expect(report.dangerousUrls, `${where}: javascript:/vbscript:/data:text/html URLs`).toEqual([]);
  expect(report.badLinks, `${where}: unsafe links`).toEqual([]);
  return report;
}

const squash = (text: string) => text.replace(/\s+/g, '');

/** Every visible text is in the element's text (whitespace ignored, as line breaks render differently). */
export async function expectTexts(
  page: Page,
  selector: string,
  visible: string[],
  where: string,
): Promise<void> {
  const missing = async () => {
    const text = squash((await page.locator(selector).first().textContent()) ?? '');
    return visible.filter((v) => !text.includes(squash(v)));
  };
  // Polled: screens load their data after they appear.
  await expect.poll(missing, { message: `${where}: texts not shown` }).toEqual([]);
}

/** The corpus, rendered inside `selector`: inert, every payload as text, the safe links as safe links. */
export async function expectCorpus(page: Page, selector: string, where: string): Promise<void> {
  const container = page.locator(selector).first();
  await expect(container, `${where}: rendered`).toBeVisible();
  await expectTexts(
    page,
    selector,
    MARKDOWN_PAYLOADS.map((p) => p.visible),
    where,
  );
  const report = await expectInert(page, where);
  // Four safe links per rendered corpus: the check above looked at real links, not an empty set.
  expect(report.contentLinks, `${where}: safe links kept`).toBeGreaterThanOrEqual(4);
  await expect(container.locator('a[href="mailto:teacher@example.org"]')).toHaveCount(1);
}
