/** The content tree renderer: every teacher string becomes text, never markup. */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Content } from '../../../protocol/content.ts';
import { ContentView, keepAffixHyphens } from '../../../src/ui/content-view.tsx';

const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';

describe('ContentView', () => {
  it('renders hostile strings as escaped text in every kind of node', () => {
    const content: Content = [
      { t: 'h', level: 1, c: [{ t: 'text', v: hostile }] },
      {
        t: 'p',
        c: [
          { t: 'em', c: [{ t: 'text', v: hostile }] },
          { t: 'br' },
          { t: 'strong', c: [{ t: 'text', v: hostile }] },
        ],
      },
      { t: 'list', ordered: false, items: [[{ t: 'p', c: [{ t: 'text', v: hostile }] }]] },
    ];
    const html = renderToString(<ContentView content={content} />);
    expect(html).not.toMatch(/<img|<script/i);
    expect(html.split('&lt;img').length - 1).toBe(4);
    expect(html).toContain('<h3>');
    expect(html).toContain('<em>');
    expect(html).toContain('<ul>');
  });

  it('opens safe links in a new tab without opener or referrer', () => {
    const html = renderToString(
      <ContentView
        content={[
          {
            t: 'p',
            c: [
              {
                t: 'link',
                href: 'https://fr.wikipedia.org/wiki/Fraction',
                c: [{ t: 'text', v: 'Wikipédia' }],
              },
            ],
          },
        ]}
      />,
    );
    expect(html).toContain('href="https://fr.wikipedia.org/wiki/Fraction"');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('target="_blank"');
  });

  it('drops an unsafe link to its text even if a tree bypassed validation', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:x',
    ]) {
      const html = renderToString(
        <ContentView content={[{ t: 'p', c: [{ t: 'link', href, c: [{ t: 'text', v: 'clique' }] }] }]} />,
      );
      expect(html).not.toContain('<a');
      expect(html).toContain('clique');
    }
  });
});

describe('word endings like -er', () => {
  it('keep their hyphen on the same line as the ending (a non-breaking hyphen)', () => {
    const content: Content = [
      {
        t: 'p',
        c: [
          { t: 'text', v: 'un infinitif qui se termine par ' },
          { t: 'strong', c: [{ t: 'text', v: '-er' }] },
          { t: 'text', v: ' ; les verbes en -ir, (-re) et « -oir »' },
        ],
      },
    ];
    const html = renderToString(<ContentView content={content} />);
    expect(html).toContain('<strong>\u2011er</strong>');
    expect(html).toContain('en \u2011ir, (\u2011re) et « \u2011oir »');
    expect(html).not.toMatch(/-(er|ir|re|oir)/);
  });

  it('leave other hyphens alone', () => {
    expect(keepAffixHyphens('peut-être, 10 - 3, chant-, e-mail')).toBe('peut-être, 10 - 3, chant-, e-mail');
  });
});
