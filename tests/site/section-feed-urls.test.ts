// A section's feeds are named by the slug of its page, and keep it as the archive grows: two
// section names that make one slug (`News/Politics`, `News: Politics`) give each section its own
// page and feeds, and a section arriving later never takes over the URLs of the one already there.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { feedSpecs } from '../../src/site/pages/feed-pages.ts';
import { createSiteContext } from '../../src/site/site-context.ts';

function article(i: number, section: string, day: string): Article {
  return {
    file: `${i}.md`, title: `Report ${i}`, date: DateTime.fromISO(`${day}T10:00:00Z`, { setZone: true }), dateSource: 'manual', authors: [], tags: [], section,
    people: [], organizations: [], places: [], summary: '', wordCount: 10, readingMinutes: 1, language: 'en', dir: 'ltr',
    slug: `report-${i}`, url: `/${day.slice(0, 4)}/report-${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

/** Each section's feed page and Atom and JSON paths, by section name. */
function sectionFeeds(articles: Article[]): Map<string, { page: string; atom: string; json: string }> {
  const site = createSiteContext(DEFAULT_CONFIG, articles, compileEntityRules());
  const feeds = new Map<string, { page: string; atom: string; json: string }>();
  for (const spec of feedSpecs(site).slice(1)) {
    const name = spec.articles[0]!.section!;
    feeds.set(name, { page: spec.homePath, atom: spec.atomPath, json: spec.jsonPath });
  }
  return feeds;
}

const slugOfPage = (page: string) => /^\/sections\/([^/]+)\/$/.exec(page)?.[1];

describe('section feed URLs', () => {
  it('take the slug of the section’s page, for sections whose names make one slug', () => {
    const feeds = sectionFeeds([article(0, 'News/Politics', '2024-05-03'), article(1, 'News: Politics', '2024-05-02')]);
    assert.equal(feeds.size, 2);
    const slugs = new Set<string>();
    for (const [name, { page, atom, json }] of feeds) {
      const slug = slugOfPage(page);
      assert.ok(slug, `${name}'s feeds stand for a section page (${page})`);
      assert.equal(atom, `/feeds/${slug}.xml`, name);
      assert.equal(json, `/feeds/${slug}.json`, name);
      slugs.add(slug);
    }
    assert.equal(slugs.size, 2);
  });

  it('stay with the section that had them when a section whose name makes the same slug arrives later', () => {
    const before = sectionFeeds([article(0, 'News: Politics', '2024-05-02')]);
    assert.equal(before.get('News: Politics')!.atom, '/feeds/news-politics.xml');
    // `News/Politics` comes first in name order, but its articles are newer.
    const after = sectionFeeds([article(1, 'News/Politics', '2024-06-01'), article(0, 'News: Politics', '2024-05-02')]);
    assert.deepEqual(after.get('News: Politics'), before.get('News: Politics'));
    assert.notEqual(after.get('News/Politics')!.atom, '/feeds/news-politics.xml');
  });
});
