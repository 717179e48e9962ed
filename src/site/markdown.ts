// Article bodies to HTML. HTML in markdown is off, so text can never become markup; headings
// get stable ids from their text so sections can be linked to.

import MarkdownIt from 'markdown-it';

type MarkdownRenderer = InstanceType<typeof MarkdownIt>;
import { slugify } from '../ingest/slug.ts';

export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Links and images are only what the archivist writes by hand; never javascript: or data: URLs.
  md.validateLink = (url) => /^(https?:|mailto:|\/|#|\.\.?\/)/i.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());
  md.core.ruler.push('heading_ids', (state) => {
    const used = new Map<string, number>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'heading_open') continue;
      const text = tokens[i + 1]?.content ?? '';
      const base = slugify(text, 'section').replace(/^article-section$/, 'section');
      const count = (used.get(base) ?? 0) + 1;
      used.set(base, count);
      token.attrSet('id', count === 1 ? base : `${base}-${count}`);
    }
  });
  return md;
}
