// Filter values and sort keys come from normalised article data, the same for every article.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { compatibilityWords, dayNumber, symbolParts, languageName, normaliseValue, normaliseValues, searchFields } from '../../src/search/search-fields.ts';
import type { Article } from '../../src/site/load-articles.ts';

function article(overrides: Partial<Article>): Article {
  return {
    file: '2024/x.md',
    title: 'A title',
    date: DateTime.fromISO('2024-03-09T23:30:00-05:00', { setZone: true }),
    dateSource: 'manual',
    authors: [],
    tags: [],
    people: [],
    organizations: [],
    places: [],
    summary: '',
    wordCount: 1,
    readingMinutes: 1,
    language: 'en',
    dir: 'ltr',
    slug: 'x',
    url: '/2024/x/',
    source: { path: 'x.txt', hash: '' },
    body: '',
    bodyHash: '',
    ...overrides,
  };
}

describe('search fields', () => {
  it('collapses white space and control characters in a value and composes it to NFC', () => {
    assert.equal(normaliseValue('  Khalil\u00a0 al-Hayya\n'), 'Khalil al-Hayya');
    assert.equal(normaliseValue('Jose\u0301'), 'Jos\u00e9');
    assert.equal(normaliseValue('Hamas\u200b'), 'Hamas');
  });

  it('lists the words written in compatibility forms as NFKC writes them, once, and no others', () => {
    assert.equal(compatibilityWords(['The ｈａｒｂｏｕｒ board', 'ﬁnance of 40 m², ｈａｒｂｏｕｒ again']), 'harbour finance m2,');
    // NFKC changes these outside their letters only: Pagefind indexes them as they are.
    assert.equal(compatibilityWords(['harbour… and\u00a0pier', 'plain text']), '');
    assert.equal(searchFields(article({ body: 'A ﬂoat' }), 'UTC', 'en').meta.folded, 'float');
    assert.equal(searchFields(article({}), 'UTC', 'en').meta.folded, '');
  });

  // Pagefind indexes `AT&T-owned` as `attowned`, `at` and `owned` (parts of two letters or more),
  // so a query's `AT&T` and `C++`, looked up by `att` and `c`, did not find `AT&T-owned` and `C++11`,
  // and `A+`, looked up by `a`, read the text of every article with the word "a".
  it('lists the parts of words with symbols, marked by the side a symbol is on (before ǂ, after ǁ)', () => {
    const [before, after] = ['\u01c2', '\u01c1'];
    assert.equal(symbolParts(['An AT&T-owned network']), `${after}at ${before}t ${after}t ${before}${after}t ${before}owned`);
    assert.equal(symbolParts(['(C++11)']), `${after}c ${before}11`);
    assert.equal(symbolParts(['Grade A+, and the Café.com site.']), `${after}a ${after}cafe ${before}com`);
    assert.equal(searchFields(article({ body: 'Moved to C++.' }), 'UTC', 'en').meta.parts, `${after}c`);
  });

  it('lists nothing for words joined by apostrophes and hyphens alone, or set off by quotes and full stops', () => {
    assert.equal(symbolParts(["\"Sony's co-op, it's U-turn.\" (harbour)"]), '');
    assert.equal(searchFields(article({ body: 'A plain text.' }), 'UTC', 'en').meta.parts, '');
  });

  it('drops empty values and keeps one of values that are the same once normalised', () => {
    assert.deepEqual(normaliseValues(['Gaza', ' Gaza ', '', '  ', 'Qatar']), ['Gaza', 'Qatar']);
  });

  it('names languages in the interface language', () => {
    assert.equal(languageName('ar', 'en'), 'Arabic');
    assert.equal(languageName('en', 'en'), 'English');
  });

  it('dates, years and the day-number sort key are in the site time zone', () => {
    // 23:30 on 9 March in New York is 04:30 on 10 March in UTC. Day numbers are Python's
    // date(2024, 3, 10).toordinal() - 1, counted from 1 January of the year 1.
    const fields = searchFields(article({}), 'UTC', 'en');
    assert.equal(fields.meta.date, '2024-03-10');
    assert.equal(fields.sortDate, '0738954');
    assert.deepEqual(fields.filters.year, ['2024']);
    assert.equal(searchFields(article({}), 'America/New_York', 'en').sortDate, '0738953');
  });

  it('gives day numbers that a 32-bit float holds exactly, for years 1 to 9999', () => {
    // Pagefind compares numeric sort keys as 32-bit floats: YYYYMMDD collided above 2^24.
    assert.equal(dayNumber(1, 1, 1), '0000000');
    assert.equal(dayNumber(99, 12, 31), '0036158');
    assert.equal(dayNumber(2024, 5, 3), '0739008');
    assert.equal(dayNumber(9999, 12, 31), '3652058');
    const keys = [dayNumber(2024, 5, 3), dayNumber(2024, 5, 4), dayNumber(2024, 5, 5)].map((key) => Math.fround(Number(key)));
    assert.deepEqual(keys, [739008, 739009, 739010]);
    assert.ok(Number(dayNumber(9999, 12, 31)) < 2 ** 24);
  });

  it('gives every article a sort key and a year, language filter, even with no other data', () => {
    const fields = searchFields(article({}), 'UTC', 'en');
    assert.match(fields.sortDate, /^\d{7}$/);
    assert.deepEqual(fields.filters.section, []);
    assert.deepEqual(fields.filters.language, ['English']);
  });

  it('takes people, organisations, places and tags from the article, normalised', () => {
    const fields = searchFields(
      article({ section: ' Sport ', people: ['Nadia  Ferreira', 'Nadia Ferreira'], organizations: ['FIDE'], places: ['Porto\tVelho'], tags: ['Chess', 'chess'] }),
      'UTC',
      'en',
    );
    assert.deepEqual(fields.filters.section, ['Sport']);
    assert.deepEqual(fields.filters.people, ['Nadia Ferreira']);
    assert.deepEqual(fields.filters.organizations, ['FIDE']);
    assert.deepEqual(fields.filters.places, ['Porto Velho']);
    // Case is meaningful in names, so tags differing only in case stay apart.
    assert.deepEqual(fields.filters.tags, ['Chess', 'chess']);
  });
});
