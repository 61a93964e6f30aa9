import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ContentSchema, contentToText } from '../../../protocol/content.ts';
import { markdownToContent } from '../../../server/lessons/markdown.ts';

describe('markdownToContent', () => {
  it('turns headings, emphasis, strong, lists and line breaks into the content tree', () => {
    const content = markdownToContent(
      '# Titre\n\n#### Trop profond\n\nUn *mot* et **un autre**\\\nligne 2\n\n1. un\n2. deux\n\n- a\n- b',
    );
    expect(content).toEqual([
      { t: 'h', level: 1, c: [{ t: 'text', v: 'Titre' }] },
      { t: 'h', level: 3, c: [{ t: 'text', v: 'Trop profond' }] },
      {
        t: 'p',
        c: [
          { t: 'text', v: 'Un ' },
          { t: 'em', c: [{ t: 'text', v: 'mot' }] },
          { t: 'text', v: ' et ' },
          { t: 'strong', c: [{ t: 'text', v: 'un autre' }] },
          { t: 'br' },
          { t: 'text', v: 'ligne 2' },
        ],
      },
      {
        t: 'list',
        ordered: true,
        items: [[{ t: 'p', c: [{ t: 'text', v: 'un' }] }], [{ t: 'p', c: [{ t: 'text', v: 'deux' }] }]],
      },
      {
        t: 'list',
        ordered: false,
        items: [[{ t: 'p', c: [{ t: 'text', v: 'a' }] }], [{ t: 'p', c: [{ t: 'text', v: 'b' }] }]],
      },
    ]);
    expect(v.is(ContentSchema, content)).toBe(true);
  });

  it('keeps http(s) and mailto links, and turns other links into their text', () => {
    const content = markdownToContent(
      '[site](https://example.org) [mail](mailto:a@b.fr) [piège](javascript:alert(1)) [data](data:text/html,<b>x</b>)',
    );
    expect(content).toEqual([
      {
        t: 'p',
        c: [
          { t: 'link', href: 'https://example.org', c: [{ t: 'text', v: 'site' }] },
          { t: 'text', v: ' ' },
          { t: 'link', href: 'mailto:a@b.fr', c: [{ t: 'text', v: 'mail' }] },
          { t: 'text', v: ' piège data' },
        ],
      },
    ]);
    expect(JSON.stringify(content)).not.toContain('javascript:');
  });

  it('never lets HTML through: raw HTML becomes literal text, images their alt', () => {
    const markdown =
      '<script>alert(1)</script>\n\nSalut <b onclick="x()">toi</b> ![un chat](https://example.org/chat.png) `<i>`';
    const content = markdownToContent(markdown);
    expect(v.is(ContentSchema, content)).toBe(true);
    // No node kind can carry markup: every string is a text value, shown as text.
    const kinds = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        kinds.add((node as { t: string }).t);
        Object.values(node).forEach(walk);
      }
    };
    walk(content);
    expect(
      [...kinds].every((k) => ['p', 'h', 'list', 'text', 'em', 'strong', 'link', 'br'].includes(k)),
    ).toBe(true);
    expect(content[0]).toEqual({ t: 'p', c: [{ t: 'text', v: '<script>alert(1)</script>' }] });
    expect(contentToText(content)).toContain('Salut <b onclick="x()">toi</b> un chat <i>');
    expect(JSON.stringify(content)).not.toContain('chat.png');
  });
});
