// The links that tie an article into the archive: section, tags, people, organisations, places,
// related articles, and the previous and next article in time and within the section.

import { html, type SafeHtml } from '../../src/site/html.ts';
import { INTERFACE_LANGUAGE } from '../../src/site/interface-language.ts';
import type { Article } from '../../src/site/load-articles.ts';
import type { SiteContext } from '../../src/site/site-context.ts';
import { ARTICLE_PAGE_IDS as IDS } from '../page-ids.ts';
import { renderTermList, termLang } from './term-links.ts';

function articleLink(site: SiteContext, article: Article): SafeHtml {
  return html`<a href="${site.url(article.url)}" lang="${article.titleLanguage ?? article.language}" dir="auto">${article.title}</a>`;
}

function neighbourLink(site: SiteContext, rel: 'prev' | 'next' | undefined, label: SafeHtml | string, article: Article | undefined): SafeHtml {
  if (!article) return html``;
  return html`<li><span class="neighbour-label">${label}</span> <a href="${site.url(article.url)}"${rel ? html` rel="${rel}"` : ''} lang="${article.titleLanguage ?? article.language}" dir="auto">${article.title}</a></li>`;
}

export function renderArticleLinks(site: SiteContext, article: Article): SafeHtml {
  const terms = site.index.termsOf(article);
  const ofKind = (kind: string) => terms.filter((term) => term.kind === kind);
  const related = site.index.related(article);
  const neighbours = site.index.neighbours(article);
  const section = ofKind('section')[0];
  const hasTerms = terms.length > 0;
  return html`<aside class="article-links" lang="${INTERFACE_LANGUAGE}" dir="ltr" data-pagefind-ignore>
${hasTerms
  ? html`<section class="article-terms" aria-labelledby="${IDS.articleTerms}">
<h2 id="${IDS.articleTerms}">In this article</h2>
<dl class="term-groups">
${renderTermList(site, 'Section', ofKind('section'))}
${renderTermList(site, 'Tags', ofKind('tag'))}
${renderTermList(site, 'People', ofKind('person'))}
${renderTermList(site, 'Organisations', ofKind('organization'))}
${renderTermList(site, 'Places', ofKind('place'))}
</dl>
</section>`
  : ''}
${related.length > 0
  ? html`<section class="related-articles" aria-labelledby="${IDS.related}">
<h2 id="${IDS.related}">Related articles</h2>
<ul>${related.map((other) => html`<li>${articleLink(site, other)} <span class="related-date">${site.formatDate(other.date, INTERFACE_LANGUAGE)}</span></li>`)}</ul>
</section>`
  : ''}
${neighbours.older || neighbours.newer || neighbours.olderInSection || neighbours.newerInSection
  ? html`<nav class="article-neighbours" aria-label="Previous and next articles">
<ul>
${neighbourLink(site, 'prev', 'Previous article:', neighbours.older)}
${neighbourLink(site, 'next', 'Next article:', neighbours.newer)}
${section ? neighbourLink(site, undefined, html`Previous in <bdi${termLang(site, section)}>${section.name}</bdi>:`, neighbours.olderInSection) : ''}
${section ? neighbourLink(site, undefined, html`Next in <bdi${termLang(site, section)}>${section.name}</bdi>:`, neighbours.newerInSection) : ''}
</ul>
</nav>`
  : ''}
</aside>`;
}
