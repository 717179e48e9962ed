// The ids the layouts give an article page's own elements, in one place: the layouts write them
// from here, and the ids of an article's body headings (src/site/markdown.ts) never take one, so
// a heading "Main" or "Provenance" cannot duplicate the main landmark or steal the "Source"
// link's target. tests/site/heading-ids.test.ts checks this list against a rendered article page:
// an id added to base.ts, article.ts or a partial of theirs must be added here.

export const ARTICLE_PAGE_IDS = {
  /** The main landmark, target of the skip link (base.ts). */
  main: 'main',
  /** The header's search box (base.ts). */
  siteSearch: 'site-search-q',
  /** "Cite this article" (article.ts). */
  cite: 'cite-heading',
  /** "About this text", target of the article's "Source" link (article.ts). */
  provenance: 'provenance',
  /** "In this article" (partials/article-links.ts). */
  articleTerms: 'article-terms-heading',
  /** "Related articles" (partials/article-links.ts). */
  related: 'related-heading',
} as const;

/** Every id in ARTICLE_PAGE_IDS: what a body heading's id must not be. */
export const RESERVED_ARTICLE_IDS: ReadonlySet<string> = new Set(Object.values(ARTICLE_PAGE_IDS));
