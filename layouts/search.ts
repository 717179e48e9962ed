// The search page: a form, filters, an announced result count and a result list, run in the
// browser by assets/search.js on Pagefind's index. The query lives in ?q= (and the order and
// filters in the URL too), so a search is a link. Without JavaScript the page says so and
// points to the browsing pages. On an archive searched in waves (src/search/bundles.ts), a line
// says which years were searched and offers the rest; it stays hidden on a small archive. The
// filters come before the results, as many checkboxes as they have values shown (over thirty on
// the BBC corpus), so a link at their start skips them for a keyboard user.

import { searchWaves } from '../src/search/bundles.ts';
import { normaliseValue } from '../src/search/search-fields.ts';
import { html } from '../src/site/html.ts';
import { INTERFACE_LANGUAGE } from '../src/site/interface-language.ts';
import { sectionLanguages } from '../src/site/sections.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderBase } from './base.ts';

/** The query parameter Pagefind adds to result links and the article page's highlighter reads. */
export const HIGHLIGHT_PARAM = 'highlight';

export function renderSearchPage(site: SiteContext): string {
  // What the page's search engine needs to know of each part before loading any of it.
  const waves = searchWaves(site.searchParts);
  const parts = site.searchParts.map((part, index) => ({
    bundle: site.url(part.bundlePath),
    from: part.years[0],
    to: part.years.at(-1),
    articles: part.articles,
    wave: waves[index],
  }));
  if (parts.length === 0) parts.push({ bundle: site.url('/pagefind/'), from: undefined, to: undefined, articles: 0, wave: 0 });
  // The index of sections exists only when some article has a section.
  // Section names in another language than the interface's, by filter value (search-fields.ts).
  const sectionLanguageOf = Object.fromEntries(
    sectionLanguages(site)
      .filter(([, language]) => language !== null && language !== INTERFACE_LANGUAGE)
      .map(([name, language]) => [normaliseValue(name), language]),
  );
  const sections = site.index.pagesOfKind('section').length > 0 ? html`, the <a href="${site.url('/sections/')}">sections</a>` : '';
  const main = html`<h1>Search the archive</h1>
<noscript><p class="search-notice">Search runs in your browser and needs JavaScript, which is turned off or blocked here. You can still browse: the <a href="${site.url('/')}">latest articles</a>, the <a href="${site.url('/archive/')}">archive by date</a>${sections}, and the people, places and topics linked from every article.</p></noscript>
<div id="search" class="search" data-search-parts="${JSON.stringify(parts)}" data-base-url="${site.url('/')}" data-language="${site.config.language}" data-section-languages="${JSON.stringify(sectionLanguageOf)}" data-highlight-param="${HIGHLIGHT_PARAM}">
<form class="search-form" action="${site.url('/search/')}" method="get" hidden>
<div class="search-field">
<label for="search-q">Words to find</label>
<input id="search-q" name="q" type="search" dir="auto" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">Search</button>
</div>
<div class="search-field">
<label for="search-order">Order</label>
<select id="search-order" name="order">
<option value="">Best match first</option>
<option value="newest">Newest first</option>
<option value="oldest">Oldest first</option>
</select>
</div>
</form>
<p id="search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
<p id="search-scope" class="search-scope" hidden><span id="search-scope-years"></span> · <button id="search-all-years" class="search-all-years" type="button">Search all years</button></p>
<div class="search-body">
<section id="search-filters" class="search-filters" aria-labelledby="search-filters-heading" hidden>
<a class="search-skip" href="#search-results-heading">Skip the filters, to the results</a>
<h2 id="search-filters-heading">Narrow the results</h2>
<p id="search-filters-scope" class="search-filters-scope" hidden></p>
<button id="search-filters-load" class="search-filters-load" type="button" aria-controls="search-filter-groups" hidden>Show filters</button>
<div id="search-filter-groups"></div>
</section>
<div id="search-results-area" class="search-results-area" hidden>
<h2 id="search-results-heading" class="visually-hidden" tabindex="-1">Results</h2>
<ol id="search-results" class="search-results"></ol>
<button id="search-more" class="search-more" type="button" hidden>Show more results</button>
</div>
</div>
</div>`;
  return renderBase(
    site,
    {
      title: 'Search',
      description: `Search ${site.config.title}`,
      path: '/search/',
      stylesheets: ['/assets/search.css'],
      scripts: ['/assets/search.js'],
    },
    main,
  );
}
