// A visible "§" link at the end of each heading in an article body, to the heading's own id
// (set by the heading_ids rule in markdown.ts), so readers can link to a section.

import type MarkdownIt from 'markdown-it';

type MarkdownRenderer = InstanceType<typeof MarkdownIt>;
type InlineTokens = NonNullable<ReturnType<MarkdownRenderer['parseInline']>[number]['children']>;

/**
 * A heading's text as readers see it: its parsed inline tokens, not its markdown source, which
 * holds the escapes ingest writes (`\*Costs\*`) for a screen reader to read out.
 */
function plainText(children: InlineTokens): string {
  return children
    .map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : plainText(child.children ?? [])))
    .join('');
}

export function headingAnchors(md: MarkdownRenderer): void {
  md.core.ruler.push('heading_anchors', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const open = tokens[i]!;
      const inline = tokens[i + 1];
      const id = open.attrGet('id');
      if (open.type !== 'heading_open' || !id || inline?.type !== 'inline') continue;
      const linkOpen = new state.Token('link_open', 'a', 1);
      linkOpen.attrs = [
        ['class', 'heading-anchor'],
        ['href', `#${id}`],
        ['aria-label', `Link to the section “${plainText(inline.children ?? [])}”`],
        ['data-pagefind-ignore', ''],
      ];
      const text = new state.Token('text', '', 0);
      text.content = '§';
      const space = new state.Token('text', '', 0);
      space.content = ' ';
      inline.children = [...(inline.children ?? []), space, linkOpen, text, new state.Token('link_close', 'a', -1)];
    }
  });
}
