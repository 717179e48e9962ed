// Which parts a search merges when: the wave plan the build writes into the search page
// (src/search/bundles.ts), the engine's reading of it (assets/search-engine.js, no DOM at
// import), and the rules the byte model (src/bench/search-transfer.ts) copies from Pagefind.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { chunkForWord, FIRST_PAGE_RESULTS, pagesMatching, queryWords } from '../../src/bench/search-transfer.ts';
import { FIRST_WAVE_ARTICLES, searchParts, searchWaves } from '../../src/search/bundles.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

const sizes = (...articles: number[]) => articles.map((count) => ({ articles: count }));

interface Part {
  bundle: string;
  from: string;
  to: string;
  articles: number;
  wave: number;
}
interface Years {
  from: string;
  to: string;
}
interface Engine {
  groupWaves(parts: Part[]): Part[][];
  scopeOf(waves: Part[][], loaded: number): { complete: boolean; searched: Years | null; unsearched: Years | null };
  newestPossibleDate(year: string): string;
}

describe('the wave plan', () => {
  it('opens with the newest year alone when it fills the first wave, as at 100,000 articles', () => {
    // The synthetic archive's 2025, 2024, 2023 and 2022 at 100,000 articles.
    assert.deepEqual(searchWaves(sizes(5480, 5320, 5160, 5000), 6000), [0, 1, 1, 2]);
  });

  it('keeps the newest year alone in the first wave at 10,000, 20,000 and 100,000 synthetic articles, even in January', () => {
    // Newest year, then the next older part (grouped from 1990 in parts of 5,000 or more).
    assert.deepEqual(searchWaves(sizes(548, 4236)), [0, 1]);
    assert.deepEqual(searchWaves(sizes(1096, 3102)), [0, 1]);
    assert.deepEqual(searchWaves(sizes(5480, 5320)), [0, 1]);
    assert.deepEqual(searchWaves(sizes(300, 5320)), [0, 1]);
  });

  it('adds older parts to the first wave while it stays within the budget', () => {
    // Early in a year the newest year is small: last year joins it.
    assert.deepEqual(searchWaves(sizes(300, 5500, 5300), 6000), [0, 0, 1]);
  });

  it('lets each later wave hold twice as many articles as the one before', () => {
    assert.deepEqual(searchWaves(sizes(50, 40, 60, 70, 65, 60, 61, 60, 59, 65), 100), [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('puts at least one part in every wave, however large', () => {
    assert.deepEqual(searchWaves(sizes(7000, 13000, 30000), 6000), [0, 1, 2]);
  });

  it('searches a small archive in one wave, as before', () => {
    assert.deepEqual(searchWaves(sizes(104, 1896)), [0, 0]);
    assert.deepEqual(searchWaves(sizes(12)), [0]);
    assert.deepEqual(searchWaves([]), []);
    assert.deepEqual(searchWaves(sizes(55, 945)), [0, 0], 'a 1,000-article archive');
    assert.ok(searchWaves(sizes(FIRST_WAVE_ARTICLES / 2, FIRST_WAVE_ARTICLES / 2)).every((wave) => wave === 0));
  });

  it('takes test sizes from the environment, and names the variable when one is not a number', () => {
    const articles = Array.from({ length: 30 }, (_, i) => ({ url: `/${2000 + (i % 6)}/a-${i}/` }));
    try {
      process.env.BROADSHEET_SEARCH_PART_PAGES = '10';
      assert.equal(searchParts(articles).length, 4, 'the newest year, then parts of at least 10 older articles');
      process.env.BROADSHEET_SEARCH_FIRST_WAVE = '5';
      assert.deepEqual(searchWaves(sizes(5, 10, 10)), [0, 1, 2]);
      process.env.BROADSHEET_SEARCH_PART_PAGES = 'many';
      assert.throws(() => searchParts(articles), /BROADSHEET_SEARCH_PART_PAGES="many" must be a whole number of articles above 0; unset it to use the default \(5000\)/);
    } finally {
      delete process.env.BROADSHEET_SEARCH_PART_PAGES;
      delete process.env.BROADSHEET_SEARCH_FIRST_WAVE;
    }
  });
});

describe('the engine reading the plan', () => {
  let engine: Engine;
  const parts: Part[] = [
    { bundle: '/pagefind/', from: '2025', to: '2025', articles: 50, wave: 0 },
    { bundle: '/pagefind/2024/', from: '2024', to: '2024', articles: 41, wave: 0 },
    { bundle: '/pagefind/2019/', from: '2019', to: '2023', articles: 160, wave: 1 },
    { bundle: '/pagefind/1990/', from: '1990', to: '2018', articles: 300, wave: 2 },
  ];
  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as Engine;
  });

  it('groups the parts by wave, newest first', () => {
    assert.deepEqual(
      engine.groupWaves(parts).map((wave) => wave.map((part) => part.bundle)),
      [['/pagefind/', '/pagefind/2024/'], ['/pagefind/2019/'], ['/pagefind/1990/']],
    );
  });

  it('says which years a search over the loaded waves covers and which it leaves out', () => {
    const waves = engine.groupWaves(parts);
    assert.deepEqual(engine.scopeOf(waves, 1), { complete: false, searched: { from: '2024', to: '2025' }, unsearched: { from: '1990', to: '2023' } });
    assert.deepEqual(engine.scopeOf(waves, 2), { complete: false, searched: { from: '2019', to: '2025' }, unsearched: { from: '1990', to: '2018' } });
    assert.deepEqual(engine.scopeOf(waves, 3), { complete: true, searched: { from: '1990', to: '2025' }, unsearched: null });
  });

  it('bounds the date a page of an unloaded part can show by the last day of its newest year', () => {
    // A page's folder year is the year of the date it shows (load-articles.ts files an article
    // written at another offset under its year in the site's zone), so 2018's pages end with 2018.
    assert.ok('2018-12-31' <= engine.newestPossibleDate('2018'), 'the year’s last day is within the bound');
    assert.ok(engine.newestPossibleDate('2018') < '2019-01-01', 'the next year is not');
  });
});

describe("Pagefind's rules in the byte model", () => {
  const chunks: Array<[string, string, string]> = [
    ['a', 'f', 'first'],
    ['g', 'mo', 'second'],
    ['mu', 'z', 'third'],
  ];

  it('loads the chunk whose bounds hold the word', () => {
    assert.equal(chunkForWord(chunks, 'cat')?.[2], 'first');
    assert.equal(chunkForWord(chunks, 'harbour')?.[2], 'second');
  });

  it('falls back to a chunk that may hold an extension of the word when none holds it', () => {
    // "mp" is past "mo" and before "mu": compared at the bounds' length it fits the second chunk.
    assert.equal(chunkForWord(chunks, 'mp')?.[2], undefined, 'no chunk holds it strictly, nor one cut to its length');
    assert.equal(chunkForWord(chunks, 'fz')?.[2], 'first', '"f" of "fz" is within a–f');
    assert.equal(chunkForWord([['0', '9', 'digits']], 'harbour'), undefined);
  });

  it('matches the words that extend the query, else the longest word the query extends, page numbers delta-coded', () => {
    const words: Array<[string, Array<[number]>]> = [
      ['harb', [[4]]],
      ['harbour', [[1], [2], [5]]],
      ['harbourmast', [[3]]],
      ['harp', [[9]]],
    ];
    assert.deepEqual([...pagesMatching(words, 'harbou')].sort(), [1, 3, 8]);
    // Stemmed, "harbours" is "harbour": its pages and those of words extending it.
    assert.deepEqual([...pagesMatching(words, 'harbours')].sort(), [1, 3, 8]);
    assert.deepEqual([...pagesMatching(words, 'quay')], []);
  });

  it('looks words up as Pagefind does: lower case, no punctuation, no diacritics', () => {
    assert.deepEqual(queryWords('  Café, Harbour-side! '), ['cafe', 'harbourside']);
  });

  it('loads as many results at first as the search page shows', async () => {
    const page = await readFile(path.join(PROJECT_ROOT, 'assets/search.js'), 'utf8');
    assert.equal(Number(/const PAGE_SIZE = (\d+);/.exec(page)?.[1]), FIRST_PAGE_RESULTS);
  });
});
