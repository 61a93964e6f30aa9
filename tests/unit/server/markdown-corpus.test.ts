/**
 * The e2e XSS corpus at unit speed: each Markdown payload becomes exactly its
 * expected visible text, and the only links left are http(s)/mailto ones.
 */
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ContentSchema, contentToText, type Content, type Inline } from '../../../protocol/content.ts';
import { markdownToContent } from '../../../protocol/markdown.ts';
import { MARKDOWN_PAYLOADS } from '../../fixtures/xss-payloads.ts';

/** Every link href in a content tree. */
function hrefs(content: Content): string[] {
  const inline = (nodes: Inline[]): string[] =>
    nodes.flatMap((n) => (n.t === 'link' ? [n.href, ...inline(n.c)] : 'c' in n ? inline(n.c) : []));
  return content.flatMap((b) => (b.t === 'list' ? b.items.flatMap((item) => hrefs(item)) : inline(b.c)));
}

describe('Markdown XSS corpus', () => {
  for (const payload of MARKDOWN_PAYLOADS) {
    it(`${payload.name}: shown as its text, links only to the web or e-mail`, () => {
      const content = markdownToContent(payload.markdown);
      expect(v.safeParse(ContentSchema, content).success).toBe(true);
      expect(contentToText(content).replace(/\s+/g, '')).toBe(payload.visible.replace(/\s+/g, ''));
      for (const href of hrefs(content)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    });
  }
});
