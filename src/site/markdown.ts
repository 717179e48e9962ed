// Article bodies to HTML. HTML in markdown is off, so text can never become markup; headings
// get stable ids from their text so sections can be linked to.

import MarkdownIt from 'markdown-it';

type MarkdownRenderer = InstanceType<typeof MarkdownIt>;
import { RESERVED_ARTICLE_IDS } from '../../layouts/page-ids.ts';
import { slugify } from '../ingest/slug.ts';

/** What a body heading's id is prefixed with when its slug alone could not be an id. */
export const HEADING_ID_PREFIX = 'section-';

/**
 * The id a heading's text gives before repeats are numbered: its slug, unless the slug starts
 * with a digit (html-validate's valid-id wants a letter first: "20:00 GMT") or is one of the
 * article page's own ids ("Main", "Provenance": layouts/page-ids.ts), in which case it is
 * prefixed with HEADING_ID_PREFIX. Slugs are lower-case ASCII letters, digits and hyphens, so
 * every other id is unchanged and stays valid.
 */
export function headingIdBase(text: string): string {
  const slug = slugify(text, 'section').replace(/^article-section$/, 'section');
  return /^[a-z]/.test(slug) && !RESERVED_ARTICLE_IDS.has(slug) ? slug : `${HEADING_ID_PREFIX}${slug}`;
}

export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  // Links and images are only what the archivist writes by hand; never javascript: or data: URLs.
  md.validateLink = (url) => /^(https?:|mailto:|\/|#|\.\.?\/)/i.test(url.trim()) || !/^[a-z][a-z0-9+.-]*:/i.test(url.trim());
  md.core.ruler.push('heading_ids', (state) => {
    const repeats = new Map<string, number>();
    const taken = new Set<string>();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'heading_open') continue;
      const text = tokens[i + 1]?.content ?? '';
      const base = headingIdBase(text);
      const count = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, count);
      // Repeats are numbered from their text's first heading (context, context-2); a number that
      // another heading's text already gave ("Context 2") or a reserved id moves on to the next.
      let n = count;
      let id = n === 1 ? base : `${base}-${n}`;
      while (taken.has(id) || RESERVED_ARTICLE_IDS.has(id)) id = `${base}-${++n}`;
      taken.add(id);
      token.attrSet('id', id);
    }
  });
  return md;
}
