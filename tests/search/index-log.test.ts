// Pagefind reports words, filters and sorts only in its log; the parser reads them per language.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseIndexLog } from '../../src/search/index-log.ts';

// The shape Pagefind 1.5 writes (written out by hand here, with made-up numbers).
const LOG = `Pagefind logging initialized
[Status]: [Building search indexes]
[Info]: Language en: 
  Indexed 12 pages
  Indexed 3400 words
  Indexed 7 filters
  Indexed 1 sorts

[Info]: Language ar: 
  Indexed 3 pages
  Indexed 250 words
  Indexed 6 filters
  Indexed 1 sorts

[Warn]: Found multiple data-pagefind-body elements on /x/index.html
[Info]: Total: 
  Indexed 2 languages
  Indexed 15 pages
  Indexed 3650 words
  Indexed 7 filters
  Indexed 1 sorts
[Warn]: Found multiple data-pagefind-body elements on /x/index.html
`;

describe('reading the Pagefind log', () => {
  it('reads pages, words, filters and sorts per language and not the totals', () => {
    assert.deepEqual(parseIndexLog(LOG).languages, {
      en: { pages: 12, words: 3400, filters: 7, sorts: 1 },
      ar: { pages: 3, words: 250, filters: 6, sorts: 1 },
    });
  });

  it('collects warnings once each', () => {
    assert.deepEqual(parseIndexLog(LOG).warnings, ['Found multiple data-pagefind-body elements on /x/index.html']);
  });

  it("leaves out Pagefind's notes about itself, such as languages it cannot stem", () => {
    const log = `${LOG}[Warn]: Note: Pagefind doesn't support stemming for the language he. Search will still work, but will not match across root words.\n`;
    assert.deepEqual(parseIndexLog(log).warnings, ['Found multiple data-pagefind-body elements on /x/index.html']);
  });

  it('gives empty results for an empty or unfamiliar log', () => {
    assert.deepEqual(parseIndexLog(''), { languages: {}, warnings: [] });
    assert.deepEqual(parseIndexLog('something else entirely\n').languages, {});
  });
});
