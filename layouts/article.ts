// One article: headline, standfirst, date, authors, section, reading time, body, how to cite it,
// and where the text came from.

import { isRightToLeft, nameLanguage } from '../src/ingest/text-stats.ts';
import { printable } from '../src/problems.ts';
import { bibtexCitation, plainCitation } from '../src/site/citation.ts';
import { html, trusted, type SafeHtml } from '../src/site/html.ts';
import { INTERFACE_LANGUAGE } from '../src/site/interface-language.ts';
import type { Article } from '../src/site/load-articles.ts';
import { sectionTermOf } from '../src/site/sections.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { rfc3339 } from '../src/site/timestamps.ts';
import { renderBase } from './base.ts';
import { ARTICLE_PAGE_IDS as IDS } from './page-ids.ts';
import { articleJsonLd, renderArticleHead } from './partials/article-head.ts';
import { renderArticleLinks } from './partials/article-links.ts';
import { renderSearchMeta } from './partials/search-meta.ts';

const DATE_SOURCE_TEXT: Record<Article['dateSource'], string> = {
  sidecar: 'the metadata supplied with the source',
  text: 'a date in the article text',
  filename: 'the source file name',
  'file-mtime': 'the source file’s modification time (no date was given)',
  manual: 'set by hand',
};

/**
 * The article element: what the search index reads of the page (its data-pagefind-body), so
 * the index can render just this ahead of the page (src/search/index-stream.ts). Of the line
 * under the headline only the byline's names are indexed: readers search for a reporter, not for
 * the date, "By" or the reading time.
 */
export function renderArticleElement(site: SiteContext, article: Article, bodyHtml: string): SafeHtml {
  // The words around the article's own (date, labels, citation) are the interface's, not the article's.
  const ui = INTERFACE_LANGUAGE;
  const authorLang = article.language === ui ? html`` : html` lang="${article.language}"`;
  // The section's name is in its own language, which may not be the article's (a folder named
  // `gulf` above Arabic articles); unknown for a section of several languages, then by its letters.
  const sectionLanguage = article.section === undefined ? undefined : (sectionTermOf(site, article.section)?.language ?? nameLanguage(article.section, article.language));
  const sectionName = sectionLanguage === undefined || sectionLanguage === article.language ? html`${article.section}` : html`<bdi lang="${sectionLanguage}">${article.section}</bdi>`;
  // A headline in other letters than the body (Arabic over English) is marked as its own language.
  const titleLang = article.titleLanguage === undefined ? html`` : html` lang="${article.titleLanguage}" dir="${isRightToLeft(article.titleLanguage) ? 'rtl' : 'ltr'}"`;
  return html`<article class="article" lang="${article.language}" dir="${article.dir}" data-pagefind-body>
<header class="article-header">
${article.section ? html`<p class="article-section" data-pagefind-ignore>${sectionName}</p>` : ''}
<h1 data-pagefind-meta="title"${titleLang}>${article.title}</h1>
${article.subtitle ? html`<p class="standfirst">${article.subtitle}</p>` : ''}
<p class="article-meta" lang="${ui}" dir="ltr"><span data-pagefind-ignore><time datetime="${rfc3339(article.date)}">${site.formatDate(article.date, ui)}</time>${
    // An update on the day of publication gives its time: the same day twice says nothing.
    article.updated
      ? html` · Updated <time datetime="${rfc3339(article.updated)}">${site.sameDay(article.updated, article.date) ? site.formatTime(article.updated, ui) : site.formatDate(article.updated, ui)}</time>`
      : ''
  }${
    article.authors.length > 0 ? html` · By</span> ${article.authors.map((author, index) => html`${index > 0 ? ', ' : ''}<bdi${authorLang}>${author}</bdi>`)}<span data-pagefind-ignore>` : ''
  } · ${article.readingMinutes} min read · <a href="#${IDS.provenance}">Source</a></span></p>
</header>
<div class="article-body">
${trusted(bodyHtml)}
</div>
${renderSearchMeta(site, article)}
<footer class="article-footer" data-pagefind-ignore lang="${ui}" dir="ltr">
<section class="cite" aria-labelledby="${IDS.cite}">
<h2 id="${IDS.cite}">Cite this article</h2>
<p class="cite-plain">${plainCitation(site, article)}</p>
<details>
<summary>BibTeX</summary>
<pre class="cite-bibtex"><code>${bibtexCitation(site, article)}</code></pre>
</details>
</section>
<section class="provenance" aria-labelledby="${IDS.provenance}">
<h2 id="${IDS.provenance}">About this text</h2>
<dl>
<dt>Source file</dt><dd><code>${printable(article.source.path)}</code></dd>
${article.source.hash ? html`<dt>Content hash</dt><dd><code>${article.source.hash.slice(0, 19)}</code></dd>` : ''}
<dt>Date</dt><dd>From ${DATE_SOURCE_TEXT[article.dateSource]}.</dd>
${article.source.url ? html`<dt>Originally published</dt><dd><a href="${article.source.url}" rel="nofollow noopener">${article.source.name ?? article.source.url}</a></dd>` : ''}
</dl>
</section>
</footer>
</article>`;
}

/** The article's page around its element (`renderArticleElement`'s result). */
export function renderArticlePage(site: SiteContext, article: Article, element: SafeHtml): string {
  const main = html`${element}
${renderArticleLinks(site, article)}`;
  return renderBase(
    site,
    {
      title: article.title,
      description: article.summary || article.title,
      path: article.url,
      lang: article.language,
      dir: article.dir,
      ogType: 'article',
      head: renderArticleHead(site, article),
      // Marks the words of a search that led here (?highlight=); the page needs no other script.
      scripts: ['/assets/search-highlight.js'],
      jsonLd: articleJsonLd(site, article),
    },
    main,
  );
}
