// The frame of every page: head (meta, canonical, CSP, social cards, feeds, JSON-LD), header with
// the site name, navigation and a search box that works as a plain form, main landmark, footer.

import { closeBidi, closeBidiInStrings, isolateBidi } from '../src/site/bidi.ts';
import { html, jsonForScript, type SafeHtml } from '../src/site/html.ts';
import { INTERFACE_LANGUAGE, siteTextLang } from '../src/site/interface-language.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { ARTICLE_PAGE_IDS as IDS } from './page-ids.ts';

export interface PageFrame {
  title: string;
  description: string;
  /** Site path of this page, without the prefix. */
  path: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Extra elements for <head> (meta tags). */
  head?: SafeHtml;
  /** Open Graph type: `website` unless the page says otherwise (articles are `article`). */
  ogType?: string;
  /** schema.org data for the page, serialised into a JSON-LD script. */
  jsonLd?: Record<string, unknown>;
  /** Site paths of the previous and next page of a paginated listing. */
  prev?: string | undefined;
  next?: string | undefined;
  /** Feeds for this page besides the whole archive's (e.g. a section's). */
  feeds?: Array<{ title: string; path: string; type: 'atom' | 'json' }>;
  /** Site paths of scripts this page needs (only search does). */
  scripts?: string[];
  stylesheets?: string[];
  /** Set on pages that must not be indexed by search engines (404). */
  noindex?: boolean;
}

// No inline script, nothing from other hosts. Pagefind needs WebAssembly and a blob: worker.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The origin printed before a link's site path on paper (`https://news.example.org`), or nothing
 * when the site has no public address: the default `http://localhost:8080`, or any loopback host,
 * names no page a reader of the printout can open.
 */
export function printedOrigin(baseUrl: string): string | undefined {
  const { origin, hostname } = new URL(baseUrl);
  const loopback = hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\./.test(hostname) || hostname === '[::1]';
  return loopback ? undefined : origin;
}

const ogLocales = new Map<string, string | undefined>();

/**
 * A language tag in the `ll_CC` form Open Graph expects (`en-GB` → `en_GB`), or undefined when
 * the tag names no country (`en`, `ar`): guessing one (`en_US` for all English) would be wrong.
 */
export function ogLocaleOf(languageTag: string): string | undefined {
  if (ogLocales.has(languageTag)) return ogLocales.get(languageTag);
  let locale: string | undefined;
  try {
    const { language, region } = new Intl.Locale(languageTag);
    if (/^[a-z]{2}$/.test(language) && region !== undefined && /^[A-Z]{2}$/.test(region)) locale = `${language}_${region}`;
  } catch {
    // Not a language tag: no locale.
  }
  ogLocales.set(languageTag, locale);
  return locale;
}

export const SITE_FEEDS = { atom: '/feed.xml', json: '/feed.json' } as const;

const FEED_TYPES = { atom: 'application/atom+xml', json: 'application/feed+json' } as const;

export function renderBase(site: SiteContext, frame: PageFrame, main: SafeHtml): string {
  const { config } = site;
  // Plain-text titles cannot hold <bdi>: the page's title is isolated from the site name by
  // characters instead (src/site/bidi.ts), so an override in a headline cannot reverse it.
  const siteName = closeBidi(config.title);
  const pageTitle = frame.path === '/' ? siteName : `${isolateBidi(frame.title)} · ${siteName}`;
  const shareTitle = closeBidi(frame.title);
  // Search engines and share cards show the description beside other text too.
  const description = closeBidi(frame.description);
  const canonical = site.absoluteUrl(frame.path);
  // Internal links' targets are printed in full when the site has a public address (the
  // stylesheet prints external ones); an origin is only scheme, host and port, safe in CSS.
  const printOrigin = printedOrigin(config.baseUrl);
  const ogLocale = ogLocaleOf(frame.lang ?? config.language);
  const feeds = [
    { title: `${isolateBidi(config.title)} (Atom)`, path: SITE_FEEDS.atom, type: 'atom' as const },
    { title: `${isolateBidi(config.title)} (JSON Feed)`, path: SITE_FEEDS.json, type: 'json' as const },
    ...(frame.feeds ?? []).map((feed) => ({ ...feed, title: closeBidi(feed.title) })),
  ];
  return html`<!DOCTYPE html>
<html lang="${frame.lang ?? INTERFACE_LANGUAGE}" dir="${frame.dir ?? 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${pageTitle}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${canonical}">
${frame.prev === undefined ? '' : html`<link rel="prev" href="${site.url(frame.prev)}">\n`}${frame.next === undefined ? '' : html`<link rel="next" href="${site.url(frame.next)}">\n`}${frame.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="icon" href="${site.url('/assets/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${site.url('/assets/site.css')}">
${printOrigin === undefined ? '' : html`<style media="print">main a[href^="/"]::after { content: " <${printOrigin}" attr(href) ">"; }</style>\n`}${(frame.stylesheets ?? []).map((sheet) => html`<link rel="stylesheet" href="${site.url(sheet)}">`)}
${feeds.map((feed) => html`<link rel="alternate" type="${FEED_TYPES[feed.type]}" title="${feed.title}" href="${site.url(feed.path)}">\n`)}<meta property="og:site_name" content="${siteName}">
<meta property="og:type" content="${frame.ogType ?? 'website'}">
<meta property="og:title" content="${shareTitle}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${canonical}">
${ogLocale === undefined ? '' : html`<meta property="og:locale" content="${ogLocale}">\n`}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${shareTitle}">
<meta name="twitter:description" content="${description}">
${frame.head ?? ''}
${frame.jsonLd ? html`<script type="application/ld+json">${jsonForScript(closeBidiInStrings(frame.jsonLd))}</script>` : ''}
</head>
<body>
<a class="skip-link" href="#${IDS.main}" lang="${INTERFACE_LANGUAGE}" dir="ltr">Skip to content</a>
<header class="site-header" lang="${INTERFACE_LANGUAGE}" dir="ltr">
<p class="site-name"><a href="${site.url('/')}"${siteTextLang(config, 'title')}>${config.title}</a></p>
<nav class="site-nav" aria-label="Site">
<ul>
<li><a href="${site.url('/')}"${frame.path === '/' ? html` aria-current="page"` : ''}>Latest</a></li>
<li><a href="${site.url('/archive/')}"${frame.path === '/archive/' ? html` aria-current="page"` : ''}>Archive</a></li>
<li><a href="${site.url('/about/')}"${frame.path === '/about/' ? html` aria-current="page"` : ''}>About</a></li>
</ul>
</nav>
<form class="site-search" role="search" action="${site.url('/search/')}" method="get">
<label for="${IDS.siteSearch}">Search the archive</label>
<input id="${IDS.siteSearch}" name="q" type="search" dir="auto" autocomplete="off" placeholder="Search the archive">
<button type="submit">Search</button>
</form>
</header>
<main id="${IDS.main}" tabindex="-1">
${main}
</main>
<footer class="site-footer" lang="${INTERFACE_LANGUAGE}" dir="ltr">
<p><bdi${siteTextLang(config, 'title')}>${config.title}</bdi>: <bdi${siteTextLang(config, 'description')}>${config.description}</bdi></p>
<p><a href="${site.url('/about/')}">About this archive</a> · Feeds: <a href="${site.url(SITE_FEEDS.atom)}">Atom</a>, <a href="${site.url(SITE_FEEDS.json)}">JSON Feed</a> · Built with Broadsheet.</p>
</footer>
${(frame.scripts ?? []).map((script) => html`<script src="${site.url(script)}" type="module"></script>`)}
</body>
</html>
`.value;
}
