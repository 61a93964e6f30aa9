/**
 * Teacher Markdown → the closed content tree of protocol/content.ts. The
 * output can only hold paragraphs, headings, lists, emphasis, strong, safe
 * links and line breaks: raw HTML becomes its literal text, unsafe links and
 * images become their text, so nothing a teacher types reaches a pupil's DOM
 * as markup. Shared by the server (at publish) and the teacher's editor (live
 * preview), so the preview follows exactly the rules pupils will see.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes as MdNode, PhrasingContent, RootContent } from 'mdast';
import { SAFE_LINK, type Block, type Content, type Inline } from './content.ts';

const MAX_HREF = 2048;

/** Converts Markdown to a content tree. */
export function markdownToContent(markdown: string): Content {
  return blocks(fromMarkdown(markdown).children);
}

function blocks(nodes: RootContent[]): Block[] {
  return nodes.flatMap(block);
}

function block(node: RootContent): Block[] {
  switch (node.type) {
    case 'paragraph':
      return paragraph(inlines(node.children));
    case 'heading':
      return [
        {
          t: 'h',
          level: Math.min(Math.max(node.depth, 1), 3) as 1 | 2 | 3,
          c: mergeText(inlines(node.children)),
        },
      ];
    case 'list':
      return [
        {
          t: 'list',
          ordered: node.ordered === true,
          items: node.children.map((item) => blocks(item.children)),
        },
      ];
    case 'blockquote':
      // No quote node in the tree: its content reads as ordinary blocks.
      return blocks(node.children);
    case 'code':
    case 'html':
      // Literal text, line by line: a <script> typed by a teacher is shown, never run.
      return paragraph(linesToInlines(node.value));
    default:
      // Definitions and thematic breaks carry no readable text; CommonMark without extensions
      // produces no other block node.
      return [];
  }
}

function paragraph(content: Inline[]): Block[] {
  const c = mergeText(content);
  return c.length > 0 ? [{ t: 'p', c }] : [];
}

function inlines(nodes: PhrasingContent[]): Inline[] {
  return nodes.flatMap(inline);
}

function inline(node: PhrasingContent): Inline[] {
  switch (node.type) {
    case 'text':
      return [{ t: 'text', v: node.value }];
    case 'emphasis':
      return [{ t: 'em', c: mergeText(inlines(node.children)) }];
    case 'strong':
      return [{ t: 'strong', c: mergeText(inlines(node.children)) }];
    case 'break':
      return [{ t: 'br' }];
    case 'inlineCode':
    case 'html':
      return [{ t: 'text', v: node.value }];
    case 'link': {
      const children = inlines(node.children);
      return SAFE_LINK.test(node.url) && node.url.length <= MAX_HREF
        ? [{ t: 'link', href: node.url, c: mergeText(children) }]
        : children;
    }
    case 'image':
    case 'imageReference':
      return node.alt ? [{ t: 'text', v: node.alt }] : [];
    case 'linkReference':
      // Reference links are not resolved: their text is kept.
      return inlines(node.children);
    default:
      return 'children' in node ? inlines((node as { children: PhrasingContent[] }).children) : textOf(node);
  }
}

function textOf(node: MdNode): Inline[] {
  return 'value' in node && typeof node.value === 'string' ? [{ t: 'text', v: node.value }] : [];
}

function linesToInlines(text: string): Inline[] {
  return text
    .split('\n')
    .flatMap((line, i): Inline[] =>
      i === 0 ? [{ t: 'text', v: line }] : [{ t: 'br' }, { t: 'text', v: line }],
    );
}

/** Joins neighbouring text nodes and drops empty ones, so the tree stays small. */
function mergeText(nodes: Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const node of nodes) {
    const last = merged[merged.length - 1];
    if (node.t === 'text') {
      if (node.v === '') continue;
      if (last?.t === 'text') {
        merged[merged.length - 1] = { t: 'text', v: last.v + node.v };
        continue;
      }
    }
    merged.push(node);
  }
  return merged;
}
