// The page static hosts serve for a missing URL.

import { html } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderBase } from './base.ts';

export function renderNotFoundPage(site: SiteContext): string {
  const main = html`<h1>Page not found</h1>
<p class="prose">There is no page at this address. Try the <a href="${site.url('/')}">latest articles</a> or <a href="${site.url('/search/')}">search the archive</a>.</p>`;
  return renderBase(site, { title: 'Page not found', description: 'Page not found', path: '/404.html', noindex: true }, main);
}
