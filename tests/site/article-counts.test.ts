// Counts of articles are written alike on every page, grouped as English writes them (1,234
// articles), as the charts' summaries and the term pages write them: the date archive's index,
// year and month pages and their calendars, the home page's sections and the about page.
// Rendered in memory from 1,234 articles of one day in one section.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { renderAboutPage } from '../../layouts/about.ts';
import { renderArchiveIndex, renderMonthPage, renderYearPage } from '../../layouts/archive.ts';
import { renderHomePage } from '../../layouts/home.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { homePageList } from '../../src/site/pages/home-pages.ts';
import { archivePageList } from '../../src/site/pages/archive-pages.ts';
import { groupByDate } from '../../src/site/archive-dates.ts';
import { summariseSections } from '../../src/site/sections.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { visibleText } from '../helpers/html-text.ts';

const COUNT = 1234;

function article(i: number): Article {
  return {
    file: `${i}.md`, title: `Report ${i}`, date: DateTime.fromISO('2024-05-03T10:00:00Z', { setZone: true }), dateSource: 'manual', authors: [], tags: [], section: 'Local',
    people: [], organizations: [], places: [], summary: '', wordCount: 10, readingMinutes: 1, language: 'en', dir: 'ltr',
    slug: `report-${i}`, url: `/2024/report-${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

describe('counts of articles', () => {
  const site = createSiteContext(DEFAULT_CONFIG, Array.from({ length: COUNT }, (_, i) => article(i)), compileEntityRules());
  const { years, months } = archivePageList(site);
  const pages: Record<string, string> = {
    '/archive/': renderArchiveIndex(site, groupByDate(site.articles, site.config.timeZone)),
    '/archive/2024/': renderYearPage(site, years[0]!.data),
    '/archive/2024/05/': renderMonthPage(site, months[0]!.data),
    '/': renderHomePage(site, homePageList(site)[0]!.data),
    '/about/': renderAboutPage(site, summariseSections(site.articles)),
  };

  it('are grouped by thousands on every page that counts the whole archive, a year, a month, a day or a section', () => {
    for (const [sitePath, html] of Object.entries(pages)) {
      const text = visibleText(html);
      assert.ok(text.includes('1,234'), `${sitePath} shows 1,234`);
      assert.doesNotMatch(text, /1234/, sitePath);
    }
  });

  it('say “1,234 articles” where they are words, and the calendar day says it to screen readers', () => {
    assert.match(visibleText(pages['/archive/']!), /1,234 articles in 1 year\./);
    assert.match(visibleText(pages['/archive/2024/05/']!), /1,234 articles on 1 day\./);
    assert.match(pages['/archive/2024/05/']!, /<span class="visually-hidden">: 1,234 articles<\/span>/);
    assert.match(visibleText(pages['/']!), /1,234 articles · feeds:/);
    assert.match(visibleText(pages['/about/']!), /1,234 articles, from/);
  });
});
