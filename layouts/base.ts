// The frame of every page: head (meta, canonical, CSP), header with the site name and a search
// box that works as a plain form, main landmark, footer.

import { html, type SafeHtml } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/site-context.ts';

export interface PageFrame {
  title: string;
  description: string;
  /** Site path of this page, without the prefix. */
  path: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Extra elements for <head> (meta tags, JSON-LD). */
  head?: SafeHtml;
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

export function renderBase(site: SiteContext, frame: PageFrame, main: SafeHtml): string {
  const { config } = site;
  const pageTitle = frame.path === '/' ? config.title : `${frame.title} · ${config.title}`;
  return html`<!doctype html>
<html lang="${frame.lang ?? config.language}" dir="${frame.dir ?? 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<title>${pageTitle}</title>
<meta name="description" content="${frame.description}">
<link rel="canonical" href="${site.absoluteUrl(frame.path)}">
${frame.noindex ? html`<meta name="robots" content="noindex">` : ''}
<link rel="icon" href="${site.url('/assets/favicon.svg')}" type="image/svg+xml">
<link rel="stylesheet" href="${site.url('/assets/site.css')}">
${(frame.stylesheets ?? []).map((sheet) => html`<link rel="stylesheet" href="${site.url(sheet)}">`)}
${frame.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header" lang="${config.language}" dir="ltr">
<p class="site-name"><a href="${site.url('/')}">${config.title}</a></p>
<form class="site-search" role="search" action="${site.url('/search/')}" method="get">
<label for="site-search-q">Search the archive</label>
<input id="site-search-q" name="q" type="search" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer" lang="${config.language}" dir="ltr">
<p>${config.title}: ${config.description}</p>
<p>Built with Broadsheet.</p>
</footer>
${(frame.scripts ?? []).map((script) => html`<script src="${site.url(script)}" type="module"></script>`)}
</body>
</html>
`.value;
}
