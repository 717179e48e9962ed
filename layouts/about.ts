// The about page, generated from the configuration and the archive itself: what it is, what it
// holds, how to browse, search and follow it.

import { html } from '../src/site/html.ts';
import { rfc3339 } from '../src/site/timestamps.ts';
import { formatCount, formatNumber } from '../src/site/counts.ts';
import { SECTIONS_LISTED, sectionFeedPaths, sectionTermOf, type SectionSummary } from '../src/site/sections.ts';
import { renderSectionName } from './partials/section-name.ts';
import { termLang } from './partials/term-links.ts';
import { INTERFACE_LANGUAGE, siteTextLang } from '../src/site/interface-language.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderBase, SITE_FEEDS } from './base.ts';

export function renderAboutPage(site: SiteContext, sections: SectionSummary[]): string {
  const { config, articles } = site;
  const newest = articles[0];
  const oldest = articles.at(-1);
  const languages = [...new Set(articles.map((article) => article.language))].sort();
  const languageNames = new Intl.DisplayNames([INTERFACE_LANGUAGE], { type: 'language' });
  // The busiest sections (and their feeds): hundreds would bury the rest; /sections/ lists them all.
  const listed = sections.slice(0, SECTIONS_LISTED);
  const more = sections.length > listed.length;
  const main = html`<div class="prose">
<h1>About <bdi${siteTextLang(config, 'title')}>${config.title}</bdi></h1>
<p${siteTextLang(config, 'description')} dir="auto">${config.description}</p>
<h2>What the archive holds</h2>
<ul>
<li>${formatCount(articles.length, 'article')}${
    newest && oldest
      ? html`, from <time datetime="${rfc3339(oldest.date)}">${site.formatDate(oldest.date, INTERFACE_LANGUAGE)}</time> to <time datetime="${rfc3339(newest.date)}">${site.formatDate(newest.date, INTERFACE_LANGUAGE)}</time>`
      : ''
  }.</li>
<li>${formatCount(sections.length, 'section')}${sections.length > 0 ? html`${more ? html`, the busiest ${formatNumber(listed.length)} of them` : ''}: ${listed.map((section, index) => html`${index > 0 ? ', ' : ''}${renderSectionName(site, section.name)} (${formatNumber(section.articles.length)})`)}` : ''}${more ? html`; <a href="${site.url('/sections/')}">all ${formatCount(sections.length, 'section')}</a>` : ''}.</li>
<li>Languages: ${languages.length === 0 ? 'none yet' : languages.map((code, index) => html`${index > 0 ? ', ' : ''}${languageNames.of(code) ?? code}`)}.</li>
<li>Dates are shown in the ${config.timeZone} time zone.</li>
</ul>
<h2>Finding your way</h2>
<ul>
<li><a href="${site.url('/')}">Latest articles</a>, newest first.</li>
<li><a href="${site.url('/archive/')}">The archive by date</a>: years, months and a calendar of the days with articles.</li>
<li><a href="${site.url('/search/')}">Search</a> runs in your browser; nothing you type leaves it.</li>
</ul>
<h2>Feeds</h2>
<ul>
<li>Everything: <a href="${site.url(SITE_FEEDS.atom)}">Atom</a>, <a href="${site.url(SITE_FEEDS.json)}">JSON Feed</a></li>
${listed.map((section) => {
  const page = sectionTermOf(site, section.name);
  if (!page) return html``;
  const feeds = sectionFeedPaths(page);
  return html`<li><bdi${termLang(site, page)}>${section.name}</bdi>: <a href="${site.url(feeds.atom)}">Atom</a>, <a href="${site.url(feeds.json)}">JSON Feed</a></li>\n`;
})}${more ? html`<li>Every other section: on its page, among <a href="${site.url('/sections/')}">all ${formatCount(sections.length, 'section')}</a></li>\n` : ''}</ul>
<h2>Where the texts come from</h2>
<p>Every article was converted from a plain-text source file. Each article page names its source file and where its date came from. Text is shown as it was found; nothing in it is run as code.</p>
</div>`;
  return renderBase(site, { title: `About ${config.title}`, description: config.description || `About ${config.title}`, path: '/about/' }, main);
}
