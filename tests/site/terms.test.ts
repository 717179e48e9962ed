// The taxonomy's names and URLs: different names that make the same slug get distinct URLs,
// the same way whatever order the articles come in; reserved slugs are avoided; a URL recorded by
// an earlier build is kept.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { DEFAULT_ENTITY_RULES } from '../../src/ingest/entities/entity-rules.ts';
import { buildTerms } from '../../src/site/indexes/terms.ts';
import type { Article } from '../../src/site/load-articles.ts';

function siteArticle(i: number, people: string[], tags: string[] = []): Article {
  return {
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO('2025-03-01T00:00:00Z').minus({ days: i }), dateSource: 'manual',
    authors: [], tags, people, organizations: [], places: [], summary: '', wordCount: 0, readingMinutes: 1,
    language: 'en', dir: 'ltr', slug: `a${i}`, url: `/2025/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

const urls = (articles: Article[]) =>
  Object.fromEntries(buildTerms(articles, DEFAULT_ENTITY_RULES, 1).terms.map((term) => [term.name, term.url]));

describe('taxonomy URLs', () => {
  it('gives two names with the same slug distinct URLs, the same in any article order', () => {
    const articles = [siteArticle(0, ['Karim al-Hayya']), siteArticle(1, ['Karim Al Hayya'])];
    const forward = urls(articles);
    const backward = urls([...articles].reverse());
    assert.deepEqual(forward, backward);
    assert.equal(forward['Karim Al Hayya'], '/people/karim-al-hayya/');
    assert.match(forward['Karim al-Hayya']!, /^\/people\/karim-al-hayya-[0-9a-f]{6}\/$/);
  });

  it('never uses the slugs of a kind’s own pages', () => {
    const found = urls([siteArticle(0, [], ['By Count', 'Page'])]);
    assert.match(found['By Count']!, /^\/tags\/by-count-[0-9a-f]{6}\/$/);
    assert.match(found['Page']!, /^\/tags\/page-[0-9a-f]{6}\/$/);
  });

  it('keeps short names readable in URLs (FA, G7) and gives names without Latin letters a stable id', () => {
    const found = urls([siteArticle(0, ['FA', 'G7', '李明'])]);
    assert.equal(found['FA'], '/people/fa/');
    assert.equal(found['G7'], '/people/g7/');
    assert.match(found['李明']!, /^\/people\/name-[0-9a-f]{6}\/$/);
  });

  it('keeps a recorded URL when the most common spelling of the name comes to make another slug', () => {
    // `US Army` made /tags/us-army/; two articles spelling it `U.S. Army` make that the name, whose slug is u-s-army.
    const articles = [siteArticle(0, [], ['U.S. Army']), siteArticle(1, [], ['U.S. Army']), siteArticle(2, [], ['US Army'])];
    const { terms } = buildTerms(articles, DEFAULT_ENTITY_RULES, 1, new Map([['tag:us army', 'us-army']]));
    assert.deepEqual(terms.map((term) => [term.name, term.url]), [['U.S. Army', '/tags/us-army/']]);
  });

  it('gives a name the record does not know a suffix when the plain slug is recorded for a name no longer in the archive', () => {
    const { terms } = buildTerms([siteArticle(0, [], ['Sea Wall'])], DEFAULT_ENTITY_RULES, 1, new Map([['tag:sea-wall', 'sea-wall']]));
    assert.match(terms[0]!.url, /^\/tags\/sea-wall-[0-9a-f]{6}\/$/);
  });

  it('shows a name in its most common spelling and merges case variants', () => {
    const { terms } = buildTerms([siteArticle(0, ['ACME Holdings']), siteArticle(1, ['Acme Holdings']), siteArticle(2, ['Acme Holdings'])], DEFAULT_ENTITY_RULES, 2);
    assert.deepEqual(terms.map((term) => [term.name, term.articles.length]), [['Acme Holdings', 3]]);
  });
});
