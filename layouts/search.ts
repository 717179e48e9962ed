// The search page: Pagefind's UI, driven by ?q= so a search is a shareable link. Without
// JavaScript it says so and points to the browsing pages.

import { html } from '../src/site/html.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderBase } from './base.ts';

export function renderSearchPage(site: SiteContext): string {
  const main = html`<h1>Search</h1>
<div id="search" data-bundle-paths="${JSON.stringify(site.searchBundles.map((bundle) => site.url(bundle)))}" data-base-url="${site.url('/')}"></div>
<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse the <a href="${site.url('/')}">latest articles</a>.</p></noscript>`;
  return renderBase(
    site,
    {
      title: 'Search',
      description: `Search ${site.config.title}`,
      path: '/search/',
      stylesheets: [`${site.searchBundles[0]}pagefind-ui.css`],
      scripts: ['/assets/search.js'],
    },
    main,
  );
}
