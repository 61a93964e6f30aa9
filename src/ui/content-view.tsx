/**
 * Renders the closed content tree with Preact elements only. Every string is a
 * text child, so nothing a teacher typed can become markup or script.
 */
import type { Block, Content, Inline } from '../../protocol/content.ts';
import { SAFE_LINK } from '../../protocol/content.ts';

/**
 * A hyphen that opens a word ("les verbes en -er", "par **-er**") becomes a non-breaking hyphen
 * (U+2011), so a line never ends on "-" with the ending alone on the next one.
 */
export function keepAffixHyphens(text: string): string {
  return text.replace(/(^|[\s(\[«"'“‘])-(?=\p{L})/gu, '$1\u2011');
}

function InlineNodes({ nodes }: { nodes: Inline[] }) {
  return (
    <>
      {nodes.map((node, i) => {
        switch (node.t) {
          case 'text':
            return keepAffixHyphens(node.v);
          case 'br':
            return <br key={i} />;
          case 'em':
            return (
              <em key={i}>
                <InlineNodes nodes={node.c} />
              </em>
            );
          case 'strong':
            return (
              <strong key={i}>
                <InlineNodes nodes={node.c} />
              </strong>
            );
          case 'link':
            // Checked again here: a pack is validated, but rendering must be safe on its own.
            return SAFE_LINK.test(node.href) ? (
              <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
                <InlineNodes nodes={node.c} />
              </a>
            ) : (
              <InlineNodes key={i} nodes={node.c} />
            );
        }
      })}
    </>
  );
}

function BlockNode({ block }: { block: Block }) {
  switch (block.t) {
    case 'p':
      return (
        <p>
          <InlineNodes nodes={block.c} />
        </p>
      );
    case 'h': {
      // Lesson headings sit below the page's h1 and the step's h2.
      const Tag = (['h3', 'h4', 'h5'] as const)[block.level - 1] ?? 'h5';
      return (
        <Tag>
          <InlineNodes nodes={block.c} />
        </Tag>
      );
    }
    case 'list': {
      const items = block.items.map((item, i) => (
        <li key={i}>
          {item.map((b, j) => (
            <BlockNode key={j} block={b} />
          ))}
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
  }
}

/** A teacher's text, rendered from its content tree. */
export function ContentView({ content, class: className }: { content: Content; class?: string }) {
  return (
    <div class={className ?? 'content'}>
      {content.map((block, i) => (
        <BlockNode key={i} block={block} />
      ))}
    </div>
  );
}
