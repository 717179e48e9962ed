// Pagefind metadata, filters and sort keys for an article page, as hidden elements inside the
// indexed region. Values are element text (escaped by `html`), never attribute syntax, so a comma
// or colon in a name cannot split or rename a filter. Pagefind indexes meta values as words, so
// the date and language code are written unsearchable (src/search/unsearchable-value.ts) and the
// section is not meta at all: the search page reads it from the section filter. Words written in
// compatibility forms (full-width, ligatures) are meta too, as NFKC writes them, for a query to
// find them (compatibilityWords in src/search/search-fields.ts), and so are the parts of words
// with symbols in them, marked, that a literal word of a query is looked up by (symbolParts). data-search-bundle
// tells the article's highlight script (assets/search-highlight.js) where Pagefind's highlighter is.

import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { FILTER_NAMES, searchFields } from '../../src/search/search-fields.ts';
import { writeUnsearchable } from '../../src/search/unsearchable-value.ts';
import { INTERFACE_LANGUAGE } from '../../src/site/interface-language.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderSearchMeta(site: SiteContext, article: Article): SafeHtml {
  const fields = searchFields(article, site.config.timeZone, INTERFACE_LANGUAGE, site.entityRules);
  // data-pagefind-ignore keeps these words out of the full text; Pagefind still reads the
  // meta, filter and sort elements inside (only ignore="all" would drop them).
  return html`<div class="search-meta" hidden data-pagefind-ignore data-search-bundle="${site.url(site.searchParts[0]?.bundlePath ?? '/pagefind/')}">
<span data-pagefind-meta="date">${writeUnsearchable(fields.meta.date)}</span>
<span data-pagefind-meta="lang">${writeUnsearchable(article.language)}</span>
${article.titleLanguage === undefined ? '' : html`<span data-pagefind-meta="titleLang">${writeUnsearchable(article.titleLanguage)}</span>\n`}${fields.meta.summary ? html`<span data-pagefind-meta="summary">${fields.meta.summary}</span>` : ''}${fields.meta.folded ? html`\n<span data-pagefind-meta="folded">${fields.meta.folded}</span>` : ''}${fields.meta.parts ? html`\n<span data-pagefind-meta="parts">${fields.meta.parts}</span>` : ''}
<span data-pagefind-sort="date">${fields.sortDate}</span>
${FILTER_NAMES.map((name) => fields.filters[name].map((value) => html`<span data-pagefind-filter="${name}">${value}</span>`))}
</div>`;
}
