// A list page's fingerprint (src/site/page-fingerprint.ts) is kept from the previous site when
// equal, so it must differ whenever the data differs and be equal whenever the data is.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Article } from '../../src/site/load-articles.ts';
import { createPageFingerprint } from '../../src/site/page-fingerprint.ts';

function siteArticle(i: number, changes: Partial<Article> = {}): Article {
  return {
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO('2025-03-01T00:00:00Z').minus({ days: i }), dateSource: 'manual',
    authors: [], tags: [], people: [], organizations: [], places: [], summary: `Summary ${i}`, wordCount: 0, readingMinutes: 1,
    language: 'en', dir: 'ltr', slug: `a${i}`, url: `/2025/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: `Body ${i}`, bodyHash: `hash of body ${i}`, ...changes,
  };
}

describe('a list page’s fingerprint', () => {
  it('is the same for the same data built with its keys in another order', () => {
    const fingerprint = createPageFingerprint([]);
    assert.equal(fingerprint({ pageIndex: 0, pagePaths: ['/', '/page/2/'] }), fingerprint({ pagePaths: ['/', '/page/2/'], pageIndex: 0 }));
  });

  it('changes when anything an article shows in a list changes, but not its body', () => {
    const page = (article: Article) => createPageFingerprint([article])({ articles: [article] });
    const original = page(siteArticle(1));
    for (const changes of [{ summary: 'Another summary' }, { section: 'Sport' }, { title: 'Another title' }, { date: DateTime.fromISO('2020-01-01T00:00:00Z') }]) {
      assert.notEqual(page(siteArticle(1, changes)), original, JSON.stringify(changes));
    }
    assert.equal(page(siteArticle(1, { body: 'Another body', bodyHash: 'hash of another body' })), original);
  });

  it('changes when one element of a long list changes', () => {
    const fingerprint = createPageFingerprint([]);
    const paths = Array.from({ length: 100 }, (_, index) => `/page/${index + 1}/`);
    const changed = paths.with(99, '/page/one-hundred/');
    assert.notEqual(fingerprint({ pagePaths: paths }), fingerprint({ pagePaths: changed }));
  });

  it('refuses data that holds a function, whose output it cannot see', () => {
    const fingerprint = createPageFingerprint([]);
    assert.throws(() => fingerprint({ dayLink: (day: number) => `/archive/2025/03/#day-${day}` }), /a function, which cannot be fingerprinted/);
  });
});
