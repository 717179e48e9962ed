// The home and about pages list the busiest sections, not hundreds of them (an archive imported
// from a folder tree): the rest are a link away, at /sections/. Rendered in memory from 300
// sections, twelve of them busier than the others.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { renderAboutPage } from '../../layouts/about.ts';
import { renderHomePage } from '../../layouts/home.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { homePageList } from '../../src/site/pages/home-pages.ts';
import { summariseSections } from '../../src/site/sections.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { visibleText } from '../helpers/html-text.ts';

function article(i: number, section: string): Article {
  return {
    file: `${i}.md`, title: `Report ${i}`, date: DateTime.fromISO('2024-05-03T10:00:00Z', { setZone: true }).minus({ hours: i }), dateSource: 'manual', authors: [], tags: [], section,
    people: [], organizations: [], places: [], summary: '', wordCount: 10, readingMinutes: 1, language: 'en', dir: 'ltr',
    slug: `report-${i}`, url: `/2024/report-${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

const BUSY = Array.from({ length: 12 }, (_, i) => `Busy desk ${String(i + 1).padStart(2, '0')}`);
const QUIET = Array.from({ length: 288 }, (_, i) => `Quiet desk ${String(i + 1).padStart(3, '0')}`);

function pagesOf(sections: Array<[string, number]>): { home: string; about: string } {
  const articles: Article[] = [];
  for (const [section, count] of sections) for (let n = 0; n < count; n++) articles.push(article(articles.length, section));
  const site = createSiteContext(DEFAULT_CONFIG, articles, compileEntityRules());
  return { home: renderHomePage(site, homePageList(site)[0]!.data), about: renderAboutPage(site, summariseSections(site.articles)) };
}

describe('sections on the home and about pages', () => {
  // The busy sections' articles are the newest, so the latest articles (which name their
  // sections) show none of the quiet ones.
  const { home, about } = pagesOf([...BUSY.map((name): [string, number] => [name, 3]), ...QUIET.map((name): [string, number] => [name, 1])]);

  it('lists the busiest sections, not every one of hundreds', () => {
    for (const [page, html] of Object.entries({ home, about })) {
      const text = visibleText(html);
      for (const name of BUSY) assert.ok(text.includes(name), `${page} lists ${name}`);
      assert.doesNotMatch(text, /Quiet desk/, `${page} lists no quieter section`);
    }
  });

  it('links to all of them, saying how many there are', () => {
    assert.match(home, /<a href="\/sections\/">All 300 sections<\/a>/);
    assert.match(visibleText(home), /The 12 with the most articles, of 300 sections\./);
    assert.match(about, /<a href="\/sections\/">all 300 sections<\/a>/);
    assert.match(visibleText(about), /300 sections, the busiest 12 of them:/);
  });

  it('lists every section of a small archive, without a link to more', () => {
    const small = pagesOf([['Local', 2], ['Sport', 1], ['Weather', 1]]);
    for (const html of [small.home, small.about]) {
      for (const name of ['Local', 'Sport', 'Weather']) assert.ok(visibleText(html).includes(name), name);
      assert.doesNotMatch(visibleText(html), /All 3 sections|all 3 sections|busiest/);
    }
  });
});
