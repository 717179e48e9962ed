// Which words a result matched count as the query word, for telling Pagefind's fallback in one
// index part (a shorter word the query's stem starts with) from a real match
// (assets/search-engine.js, which has no DOM dependency at import).

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/paths.ts';

interface Engine {
  foldWord(word: string): string;
  holdsQueryWord(found: string, wanted: string): boolean;
  summaryWordMatches(word: string, queryWord: string): boolean;
}

describe('telling a fallback match from the query word', () => {
  let engine: Engine;
  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as Engine;
  });

  it('folds case, diacritics and punctuation as Pagefind compares words', () => {
    assert.equal(engine.foldWord('Café,'), 'cafe');
    assert.equal(engine.foldWord('make-up'), 'makeup');
    assert.equal(engine.foldWord('“São”'), 'sao');
  });

  it('counts the word itself and longer words holding it: the rest of a word being typed', () => {
    assert.equal(engine.holdsQueryWord('Harbour', 'harb'), true);
    assert.equal(engine.holdsQueryWord('outpaced.', 'outpaced'), true);
    assert.equal(engine.holdsQueryWord('back-flip', 'flip'), true);
    assert.equal(engine.holdsQueryWord('cafés', 'cafe'), true);
  });

  it('allows a different last letter from five letters on, as endings change', () => {
    assert.equal(engine.holdsQueryWord('laughter', 'laughs'), true);
    assert.equal(engine.holdsQueryWord('melancholic', 'melancholy'), true);
    assert.equal(engine.holdsQueryWord('flap', 'flip'), false);
  });

  it('does not take a word of the same length or shorter, differing in its last letters, for the query word', () => {
    // A BBC part without "Warner" matched "warn" for it (warned, warns, warning) and one with
    // Shane "Warne"; "might" stood in for "mighty" in the same way.
    assert.equal(engine.holdsQueryWord('warned', 'warner'), false);
    assert.equal(engine.holdsQueryWord('Warne,', 'Warner'), false);
    assert.equal(engine.holdsQueryWord('might', 'mighty'), false);
    assert.equal(engine.holdsQueryWord('Warner’s', 'warner'), true);
    assert.equal(engine.holdsQueryWord('TimeWarner', 'warner'), true);
  });

  it('finds the word after a prefix the language adds', () => {
    assert.equal(engine.holdsQueryWord('والمياه', 'المياه'), true);
  });

  it('does not count the shorter words Pagefind falls back to', () => {
    assert.equal(engine.holdsQueryWord('out', 'outpaced'), false);
    assert.equal(engine.holdsQueryWord('flies', 'flip'), false);
    assert.equal(engine.holdsQueryWord('make', 'makeup'), false);
    assert.equal(engine.holdsQueryWord('California’s', 'californians'), false);
    assert.equal(engine.holdsQueryWord('Kes', 'kestrel'), false);
    assert.equal(engine.holdsQueryWord('anything', ''), false);
  });

  it('marks a summary word that a query word begins or shares a stem with, not a word that only starts alike', () => {
    assert.equal(engine.summaryWordMatches('Zanzibar,', 'zanz'), true);
    assert.equal(engine.summaryWordMatches('elected', 'elections'), true);
    assert.equal(engine.summaryWordMatches('Election', 'elect'), true);
    assert.equal(engine.summaryWordMatches('harbinger', 'harbour'), false);
    assert.equal(engine.summaryWordMatches('international', 'internet'), false);
    assert.equal(engine.summaryWordMatches('the', 'there'), false);
    assert.equal(engine.summaryWordMatches('—', 'zanzibar'), false);
  });
});
