// The arithmetic of ranking an index in parts as one index (assets/search-rank.js): Pagefind's
// idf read back into a page count, the archive's statistics summed over parts, and which query
// words are Pagefind's terms. The scores themselves are checked against Pagefind's in Chromium
// (tests/browser/search-rank-across-parts.test.ts).

import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../helpers/paths.ts';

interface Rank {
  idf(total: number, containing: number): number;
  pagesContaining(idf: number, total: number): number;
  archiveStatistics(parts: Array<{ language: string; totalPages: number; averagePageLength: number | undefined; counts: number[] }>, termCount: number): Map<string, { totalPages: number; averagePageLength: number; termIdfs: number[] }>;
  termWords(query: string): string[];
}

describe('ranking across parts: the arithmetic', () => {
  let rank: Rank;
  before(async () => {
    rank = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-rank.js')).href)) as Rank;
  });

  it('reads every page count back from its idf, rounded as Pagefind reports it (f32)', () => {
    for (const total of [1, 7, 334, 1023, 5000, 100_000]) {
      for (let containing = 0; containing <= total; containing += Math.max(1, Math.floor(total / 97))) {
        assert.equal(rank.pagesContaining(Math.fround(rank.idf(total, containing)), total), containing, `${containing} of ${total}`);
      }
    }
  });

  it('sums pages and term counts per language and weighs the average length by pages (where known)', () => {
    const stats = rank.archiveStatistics(
      [
        { language: 'en', totalPages: 100, averagePageLength: 300, counts: [10, 0] },
        { language: 'en', totalPages: 300, averagePageLength: 200, counts: [5, 7] },
        { language: 'ar', totalPages: 50, averagePageLength: 120, counts: [0, 1] },
        // A part where nothing was ever found: its pages count, its length is not known.
        { language: 'ar', totalPages: 70, averagePageLength: undefined, counts: [0, 0] },
      ],
      2,
    );
    const en = stats.get('en')!;
    assert.equal(en.totalPages, 400);
    assert.equal(en.averagePageLength, (100 * 300 + 300 * 200) / 400);
    assert.deepEqual(en.termIdfs, [rank.idf(400, 15), rank.idf(400, 7)]);
    assert.deepEqual(stats.get('ar')!.termIdfs, [rank.idf(120, 0), rank.idf(120, 1)]);
    assert.equal(stats.get('ar')!.averagePageLength, 120);
  });

  it('counts as terms the query words that keep a letter once punctuation is dropped', () => {
    assert.deepEqual(rank.termWords('harbour – “storm” wall'), ['harbour', '“storm”', 'wall']);
    assert.deepEqual(rank.termWords('  rock   n roll '), ['rock', 'n', 'roll']);
  });
});
