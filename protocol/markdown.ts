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
import { MARKDOWN_LIMITS, markdownRefusal } from './markdown-limits.ts';
import { SAFE_LINK, type Block, type Content, type Inline } from './content.ts';

const MAX_HREF = 2048;
/** Deeper than this, a subtree becomes its plain text: the tree (and every recursion over it) stays shallow. */
const MAX_TREE_DEPTH = 24;

/**
 * Converts Markdown to a content tree. The parser is slow or recursive on
 * pathological text, so text beyond the bounds of markdown-limits.ts is never
 * parsed: it is shown as its literal lines. (The server refuses such text
 * with 422 before it gets here; this keeps every other caller safe too, such
 * as the editor's preview.)
 */
export function markdownToContent(markdown: string): Content {
  if (markdownRefusal(markdown, MARKDOWN_LIMITS.lessonField)) return paragraph(linesToInlines(markdown));
  return blocks(fromMarkdown(markdown).children, 0);
}

function blocks(nodes: RootContent[], depth: number): Block[] {
  if (depth > MAX_TREE_DEPTH) return paragraph([{ t: 'text', v: plainText(nodes) }]);
  return nodes.flatMap((node) => block(node, depth + 1));
}

function block(node: RootContent, depth: number): Block[] {
  switch (node.type) {
    case 'paragraph':
      return paragraph(inlines(node.children, depth));
    case 'heading':
      return [
        {
          t: 'h',
          level: Math.min(Math.max(node.depth, 1), 3) as 1 | 2 | 3,
          c: mergeText(inlines(node.children, depth)),
        },
      ];
    case 'list':
      return [
        {
          t: 'list',
          ordered: node.ordered === true,
          items: node.children.map((item) => blocks(item.children, depth + 1)),
        },
      ];
    case 'blockquote':
      // No quote node in the tree: its content reads as ordinary blocks.
      return blocks(node.children, depth + 1);
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

function inlines(nodes: PhrasingContent[], depth: number): Inline[] {
  if (depth > MAX_TREE_DEPTH) return [{ t: 'text', v: plainText(nodes) }];
  return nodes.flatMap((node) => inline(node, depth + 1));
}

function inline(node: PhrasingContent, depth: number): Inline[] {
  switch (node.type) {
    case 'text':
      return [{ t: 'text', v: node.value }];
    case 'emphasis':
      return [{ t: 'em', c: mergeText(inlines(node.children, depth)) }];
    case 'strong':
      return [{ t: 'strong', c: mergeText(inlines(node.children, depth)) }];
    case 'break':
      return [{ t: 'br' }];
    case 'inlineCode':
    case 'html':
      return [{ t: 'text', v: node.value }];
    case 'link': {
      const children = inlines(node.children, depth);
      return SAFE_LINK.test(node.url) && node.url.length <= MAX_HREF
        ? [{ t: 'link', href: node.url, c: mergeText(children) }]
        : children;
    }
    case 'image':
    case 'imageReference':
      return node.alt ? [{ t: 'text', v: node.alt }] : [];
    case 'linkReference':
      // Reference links are not resolved: their text is kept.
      return inlines(node.children, depth);
    default:
      return 'children' in node
        ? inlines((node as { children: PhrasingContent[] }).children, depth)
        : textOf(node);
  }
}

/** The text of a subtree, gathered with an explicit stack (no recursion, whatever its depth). */
function plainText(nodes: MdNode[]): string {
  const parts: string[] = [];
  const stack: MdNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ('value' in node && typeof node.value === 'string') parts.push(node.value);
    else if (node.type === 'image' || node.type === 'imageReference') parts.push(node.alt ?? '');
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
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
