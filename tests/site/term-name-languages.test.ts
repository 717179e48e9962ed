// A term's name in another language than the site's (an Arabic tag on an English site) is marked
// with that language wherever it is shown, when all of the term's articles are in it: the term
// page's heading, the index of its kind, the links under an article, the home page's and about
// page's sections. A name whose articles differ in language is left to the page's, isolated.
// Rendered in memory.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { renderAboutPage } from '../../layouts/about.ts';
import { renderHomePage } from '../../layouts/home.ts';
import { renderArticleLinks } from '../../layouts/partials/article-links.ts';
import { renderTermIndex } from '../../layouts/term-index.ts';
import { renderTermPage } from '../../layouts/term-page.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { homePageList } from '../../src/site/pages/home-pages.ts';
import { listTermIndexPages, termPageList } from '../../src/site/pages/taxonomy-pages.ts';
import { summariseSections } from '../../src/site/sections.ts';
import { createSiteContext } from '../../src/site/site-context.ts';

const ARABIC_TAG = 'غزة';
const ARABIC_SECTION = 'أخبار';
const SHARED_TAG = 'Gaza';

function article(i: number, language: string, section: string, tags: string[]): Article {
  return {
    file: `${i}.md`, title: `Report ${i}`, date: DateTime.fromISO('2024-05-03T10:00:00Z', { setZone: true }).minus({ days: i }), dateSource: 'manual', authors: [], tags, section,
    people: [], organizations: [], places: [], summary: '', wordCount: 10, readingMinutes: 1, language, dir: language === 'ar' ? 'rtl' : 'ltr',
    slug: `report-${i}`, url: `/2024/report-${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

const site = createSiteContext(DEFAULT_CONFIG, [article(0, 'ar', ARABIC_SECTION, [ARABIC_TAG, SHARED_TAG]), article(1, 'ar', ARABIC_SECTION, [ARABIC_TAG]), article(2, 'en', 'World', [SHARED_TAG])], compileEntityRules());

/** The `lang` of the element whose text is `name` (the element itself, or the link around its <bdi>), or null without one. */
function langOf(html: string, name: string): string | null {
  const found = new RegExp(`<(a|bdi|span|h1)\\b([^>]*)>(?:<bdi\\b([^>]*)>)?${name}<`).exec(html);
  assert.ok(found, `${name} is in the page`);
  const attributes = `${found[2]} ${found[3] ?? ''}`;
  return /\blang="([^"]*)"/.exec(attributes)?.[1] ?? null;
}

const pageOf = (name: string) => termPageList(site).find((page) => page.data.term.name === name)!;

describe('term names in another language', () => {
  it('have the language of their articles on the term page’s heading, on an English site', () => {
    const html = renderTermPage(site, pageOf(ARABIC_TAG).data);
    assert.match(html, /<html lang="en"/);
    assert.match(html, new RegExp(`<h1><bdi lang="ar">${ARABIC_TAG}</bdi>`));
  });

  it('have it in the index of their kind, under an article and among the sections', () => {
    const tagIndex = listTermIndexPages(site).find((page) => page.kind === 'tag' && page.order === 'name')!;
    assert.equal(langOf(renderTermIndex(site, tagIndex), ARABIC_TAG), 'ar');
    const links = String(renderArticleLinks(site, site.articles[0]!));
    assert.equal(langOf(links, ARABIC_TAG), 'ar');
    assert.equal(langOf(links, ARABIC_SECTION), 'ar');
    assert.equal(langOf(renderHomePage(site, homePageList(site)[0]!.data), ARABIC_SECTION), 'ar');
    assert.equal(langOf(renderAboutPage(site, summariseSections(site.articles)), ARABIC_SECTION), 'ar');
  });

  it('are left in the page’s language when their articles are in different ones, or in the site’s', () => {
    const links = String(renderArticleLinks(site, site.articles[0]!));
    assert.equal(langOf(links, SHARED_TAG), null);
    assert.equal(langOf(renderTermPage(site, pageOf(SHARED_TAG).data), SHARED_TAG), null);
    assert.equal(langOf(renderTermPage(site, pageOf('World').data), 'World'), null);
  });
});
