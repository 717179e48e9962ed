// "Cite this article": a plain-text reference and a BibTeX entry built from the article's data.
// BibTeX's special characters in the data are escaped, so any title gives a valid entry.

import { html, type SafeHtml } from './html.ts';
import { INTERFACE_LANGUAGE, siteTextLang } from './interface-language.ts';
import type { Article } from './load-articles.ts';
import type { SiteContext } from './site-context.ts';

const BIBTEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text for a BibTeX field value inside braces: special characters become their LaTeX commands. */
export function escapeBibtex(text: string): string {
  // Control characters and line breaks cannot be in a field; fold them into spaces.
  return text.replace(/[\p{Cc}\s]+/gu, ' ').replace(/[\\{}%&$#_^~]/g, (char) => BIBTEX_ESCAPES[char]!).trim();
}

/** URLs go into `url` verbatim (the url package), so only what would break the braces is encoded. */
function bibtexUrl(url: string): string {
  return url.replace(/[{}\\%#\s]/g, (char) => encodeURIComponent(char));
}

function authorsOf(site: SiteContext, article: Article): string[] {
  return article.authors.length > 0 ? article.authors : [article.source.name ?? site.config.title];
}

/**
 * The plain reference, as HTML: the names and the title are each in a `<bdi>`, so a right-to-left
 * title keeps its punctuation and an unterminated direction override in one (U+202E, warned about
 * at ingest) cannot reverse the rest of the line, the date and URL a reader copies.
 */
export function plainCitation(site: SiteContext, article: Article): SafeHtml {
  // The reference is in the interface's words; the article's own (names, title) keep its language.
  const lang = article.language === INTERFACE_LANGUAGE ? html`` : html` lang="${article.language}"`;
  const authors = article.authors.length > 0 ? html`${article.authors.map((author, i) => html`${i > 0 ? ', ' : ''}<bdi${lang}>${author}</bdi>`)}. ` : '';
  const date = site.formatDate(article.date, INTERFACE_LANGUAGE);
  return html`${authors}“<bdi${lang}>${article.title}</bdi>.” <bdi${siteTextLang(site.config, 'title')}>${site.config.title}</bdi>, ${date}. ${site.absoluteUrl(article.url)}`;
}

export function bibtexCitation(site: SiteContext, article: Article): string {
  const local = article.date.setZone(site.config.timeZone);
  const key = `${article.slug.replace(/[^a-z0-9]+/g, '').slice(0, 24) || 'article'}${local.year}`;
  const authors = authorsOf(site, article)
    // Braces keep an organisation's name, or a name BibTeX would split, as one author.
    .map((name) => (article.authors.length > 0 ? escapeBibtex(name) : `{${escapeBibtex(name)}}`))
    .join(' and ');
  const fields: Array<[string, string]> = [
    ['author', authors],
    ['title', escapeBibtex(article.title)],
    ['journal', escapeBibtex(site.config.title)],
    ['year', String(local.year)],
    ['month', local.setLocale('en').toFormat('LLL').toLowerCase()],
    ['date', local.toISODate() ?? ''],
    ['url', bibtexUrl(site.absoluteUrl(article.url))],
    ['language', escapeBibtex(article.language)],
  ];
  const body = fields.map(([name, value]) => (name === 'month' ? `  ${name} = ${value}` : `  ${name} = {${value}}`)).join(',\n');
  return `@article{${key},\n${body}\n}`;
}
