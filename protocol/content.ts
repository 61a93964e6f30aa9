/**
 * The closed content tree: the only shape teacher text takes once published.
 * Markdown is turned into this on the server at publish; Preact components
 * render it node by node. There is deliberately no "raw HTML" node.
 */
import * as v from 'valibot';

export type Inline =
  | { t: 'text'; v: string }
  | { t: 'em'; c: Inline[] }
  | { t: 'strong'; c: Inline[] }
  | { t: 'link'; href: string; c: Inline[] }
  | { t: 'br' };

export type Block =
  | { t: 'p'; c: Inline[] }
  | { t: 'h'; level: 1 | 2 | 3; c: Inline[] }
  | { t: 'list'; ordered: boolean; items: Block[][] };

export type Content = Block[];

/** Links may only leave to the web or to an e-mail address. */
export const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

const MAX_TEXT = 20_000;

export const InlineSchema: v.GenericSchema<Inline> = v.variant('t', [
  v.object({ t: v.literal('text'), v: v.pipe(v.string(), v.maxLength(MAX_TEXT)) }),
  v.object({ t: v.literal('em'), c: v.array(v.lazy(() => InlineSchema)) }),
  v.object({ t: v.literal('strong'), c: v.array(v.lazy(() => InlineSchema)) }),
  v.object({
    t: v.literal('link'),
    href: v.pipe(v.string(), v.maxLength(2048), v.regex(SAFE_LINK, 'links must be http(s) or mailto')),
    c: v.array(v.lazy(() => InlineSchema)),
  }),
  v.object({ t: v.literal('br') }),
]);

export const BlockSchema: v.GenericSchema<Block> = v.variant('t', [
  v.object({ t: v.literal('p'), c: v.array(InlineSchema) }),
  v.object({
    t: v.literal('h'),
    level: v.picklist([1, 2, 3]),
    c: v.array(InlineSchema),
  }),
  v.object({
    t: v.literal('list'),
    ordered: v.boolean(),
    items: v.array(v.array(v.lazy(() => BlockSchema))),
  }),
]);

export const ContentSchema = v.array(BlockSchema);

/** Plain text of a content tree (for titles, screen readers, search). */
export function contentToText(content: Content): string {
  const inline = (nodes: Inline[]): string =>
    nodes.map((n) => (n.t === 'text' ? n.v : n.t === 'br' ? '\n' : inline(n.c))).join('');
  const block = (b: Block): string =>
    b.t === 'list' ? b.items.map((item) => item.map(block).join('\n')).join('\n') : inline(b.c);
  return content.map(block).join('\n\n');
}
