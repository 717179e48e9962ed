// Atom and JSON Feed documents for the whole archive and for one section. Atom is serialised by
// the `feed` library (xml-js underneath), JSON Feed 1.1 by JSON.stringify: no hand-written escaping.

import { Feed } from 'feed';
import type { DateTime } from 'luxon';
import { closeBidi } from './bidi.ts';
import { escapeHtml } from './html.ts';
import { rfc3339, Rfc3339Date } from './timestamps.ts';
import type { Article } from './load-articles.ts';
import type { SiteContext } from './site-context.ts';
import type { createMarkdownRenderer } from './markdown.ts';

/** Entries per feed: readers poll feeds for what is new, the archive pages hold the rest. */
export const FEED_LIMIT = 50;

/**
 * The most an entry's content holds, in UTF-8 bytes of HTML: a reader fetches the whole feed each
 * time it polls, and many give up on one of a few megabytes (FeedBurner refused more than 512 KB).
 * A long read of 10,000 words is about 64 KB, so nearly every article is whole; a longer one's
 * entry holds its first paragraphs that fit and a link to the rest, so a feed of 50 entries stays
 * under about 3.2 MB (a 10 MB article made 10 MB feeds, four of them with its section's).
 */
export const FEED_ENTRY_MAX_BYTES = 64 * 1024;

type MarkdownRenderer = ReturnType<typeof createMarkdownRenderer>;

/**
 * An article's body as a feed entry's content: whole up to FEED_ENTRY_MAX_BYTES, else its first
 * blocks (paragraphs, headings, lists: never one cut inside) that fit, then a paragraph linking
 * to the article for the rest.
 */
export function renderFeedEntryContent(markdown: MarkdownRenderer, site: SiteContext, article: Article): string {
  const whole = markdown.render(article.body);
  // A UTF-8 character is at most three bytes for each UTF-16 unit.
  if (whole.length * 3 <= FEED_ENTRY_MAX_BYTES || Buffer.byteLength(whole) <= FEED_ENTRY_MAX_BYTES) return whole;
  const more = `<p>The article is longer than a feed entry holds; it continues on the site: <a href="${escapeHtml(site.absoluteUrl(article.url))}">${escapeHtml(closeBidi(article.title))}</a></p>\n`;
  const tokens = markdown.parse(article.body, {});
  let content = '';
  let size = Buffer.byteLength(more);
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    // A top-level block ends at a token of level 0 that opens nothing.
    if (tokens[i]!.level !== 0 || tokens[i]!.nesting === 1) continue;
    const block = markdown.renderer.render(tokens.slice(start, i + 1), markdown.options, {});
    size += Buffer.byteLength(block);
    if (size > FEED_ENTRY_MAX_BYTES) break;
    content += block;
    start = i + 1;
  }
  return content + more;
}

export interface FeedSpec {
  title: string;
  description: string;
  /**
   * Site paths of the two documents and of the HTML page the feed stands for; that page's URL is
   * also the Atom feed's id, so no two feeds may share it.
   */
  atomPath: string;
  jsonPath: string;
  homePath: string;
  /** Newest first; only the first FEED_LIMIT are used. */
  articles: Article[];
  /**
   * The feed's language (Atom's xml:lang on <feed>, JSON Feed's `language`): the site's for the
   * whole archive; a section's entries' own when most of them share it (`dominantLanguage`).
   */
  language: string;
}

/**
 * The language more than half of `articles` are in, else `fallback` (the site's): a reader shows
 * an Arabic section's feed right to left even on an English site, and a mixed one as the site.
 */
export function dominantLanguage(articles: readonly Article[], fallback: string): string {
  const counts = new Map<string, number>();
  for (const article of articles) {
    const count = (counts.get(article.language) ?? 0) + 1;
    if (count * 2 > articles.length) return article.language;
    counts.set(article.language, count);
  }
  return fallback;
}

type RenderBody = (article: Article) => string;

/** An empty archive's feed is dated at the epoch, so the same archive always gives the same feed. */
const toFeedDate = (date: DateTime | undefined): Date => (date ? new Rfc3339Date(date) : new Date(0));

function authorsOf(site: SiteContext, article: Article): string[] {
  return article.authors.length > 0 ? article.authors : [article.source.name ?? site.config.title];
}

export function renderAtomFeed(site: SiteContext, spec: FeedSpec, renderBody: RenderBody): string {
  const entries = spec.articles.slice(0, FEED_LIMIT);
  const feed = new Feed({
    id: site.absoluteUrl(spec.homePath),
    title: spec.title,
    description: spec.description,
    link: site.absoluteUrl(spec.homePath),
    feedLinks: { atom: site.absoluteUrl(spec.atomPath) },
    // The newest article's date, so the same archive always gives the same feed.
    updated: toFeedDate(entries[0]?.date ?? site.articles[0]?.date),
    author: { name: site.config.title },
    favicon: site.absoluteUrl('/assets/favicon.svg'),
    generator: 'Broadsheet',
  });
  for (const article of entries) {
    const link = site.absoluteUrl(article.url);
    feed.addItem({
      // The library declares title and summary as type="html", so plain text is escaped first.
      // Closed, so a reader listing entries after the headline (its feed's name, a date) keeps their order.
      title: escapeHtml(closeBidi(article.title)),
      id: link,
      link,
      // Atom's <updated>: the last change an `Updated …` line gave, else the date.
      date: new Rfc3339Date(article.updated ?? article.date),
      published: new Rfc3339Date(article.date),
      ...(article.summary ? { description: escapeHtml(article.summary) } : {}),
      content: renderBody(article),
      author: authorsOf(site, article).map((name) => ({ name })),
    });
  }
  return withLanguages(feed.atom1(), spec.language, site.config.language, entries);
}

const ATOM_FEED_OPEN = '<feed xmlns="http://www.w3.org/2005/Atom">';
const ATOM_ENTRY_OPEN = '\n    <entry>\n';

/**
 * The Atom document with its language on <feed> and an entry's own on each entry in another, as
 * xml:lang: the library writes none, so a reader could not tell that an entry is Arabic. A feed
 * in another language than the site's keeps its title and subtitle (the site's name, the
 * interface's sentence) in the site's. Entries open on lines of their own, and no text can hold a
 * raw `<entry>` (titles and summaries are escaped, bodies are markdown-it's HTML of escaped
 * text); language tags are checked tags (site-config.ts, load-articles.ts), safe in an attribute.
 */
function withLanguages(atom: string, feedLanguage: string, siteLanguage: string, entries: Article[]): string {
  const parts = atom.replace(ATOM_FEED_OPEN, `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feedLanguage}">`).split(ATOM_ENTRY_OPEN);
  if (parts.length !== entries.length + 1) throw new Error(`the Atom feed has ${parts.length - 1} entries where ${entries.length} were added`);
  if (feedLanguage !== siteLanguage) {
    for (const element of ['title', 'subtitle']) parts[0] = parts[0]!.replace(`\n    <${element}>`, `\n    <${element} xml:lang="${siteLanguage}">`);
  }
  return parts.reduce((document, part, index) => {
    const entry = entries[index - 1];
    const language = entry?.language;
    // A headline in other letters than its article (Arabic over English) has its own language;
    // the entry's <title> is the first element of its part.
    const titled = entry?.titleLanguage === undefined ? part : part.replace('<title', `<title xml:lang="${entry.titleLanguage}"`);
    return `${document}${language === feedLanguage ? ATOM_ENTRY_OPEN : `\n    <entry xml:lang="${language}">\n`}${titled}`;
  });
}

export function renderJsonFeed(site: SiteContext, spec: FeedSpec, renderBody: RenderBody): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: spec.title,
    description: spec.description,
    home_page_url: site.absoluteUrl(spec.homePath),
    feed_url: site.absoluteUrl(spec.jsonPath),
    language: spec.language,
    favicon: site.absoluteUrl('/assets/favicon.svg'),
    authors: [{ name: site.config.title }],
    items: spec.articles.slice(0, FEED_LIMIT).map((article) => ({
      id: site.absoluteUrl(article.url),
      url: site.absoluteUrl(article.url),
      title: closeBidi(article.title),
      ...(article.summary ? { summary: article.summary } : {}),
      content_html: renderBody(article),
      date_published: rfc3339(article.date),
      ...(article.updated ? { date_modified: rfc3339(article.updated) } : {}),
      authors: authorsOf(site, article).map((name) => ({ name })),
      language: article.language,
      ...(article.section ? { tags: [article.section] } : {}),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
