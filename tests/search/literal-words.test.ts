// Query words that name text exactly (`C++`, `.NET`, `AT&T`): which words they are, which index
// words an article holding one has, and when a text holds one (assets/search-engine.js, which has
// no DOM dependency at import).

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../helpers/paths.ts';

interface Engine {
  literalWords(term: string): string[];
  literalLookups(word: string): string[];
  holdsLiteral(text: string, word: string): boolean;
}

describe('query words with symbols in them', () => {
  let engine: Engine;
  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as Engine;
  });

  it('takes a word with a symbol or punctuation among or around its letters as literal', () => {
    assert.deepEqual(engine.literalWords('C++ C# .NET AT&T US$6m <script> 9/11 3.5'), ['C++', 'C#', '.NET', 'AT&T', 'US$6m', '<script>', '9/11', '3.5']);
  });

  it('leaves ordinary words alone: apostrophes, hyphens, brackets, quotes and sentence punctuation', () => {
    assert.deepEqual(engine.literalWords("O'Brien O’Brien co-operate (harbour) harbour. harbour, “pier” ¿qué?"), []);
    // A wildcard's star: every query word finds the words it begins.
    assert.deepEqual(engine.literalWords('harb* pier*'), []);
    // Nor a star before it, as markdown's emphasis writes it.
    assert.deepEqual(engine.literalWords('*harbour* *pier'), []);
    assert.deepEqual(engine.literalWords('E*TRADE'), ['E*TRADE']);
    // The last full stop of `U.S.` is the sentence's; the first is the word's.
    assert.deepEqual(engine.literalWords('U.S. trade'), ['U.S']);
  });

  it('leaves symbols alone without letters to Pagefind, and takes words in quotes too', () => {
    assert.deepEqual(engine.literalWords('+++ 🎉'), []);
    assert.deepEqual(engine.literalWords('"the A+B fund"'), ['A+B']);
    assert.deepEqual(engine.literalWords('"A+B" C++'), ['A+B', 'C++']);
  });

  it('looks a literal word up by each of its parts, marked by the side a symbol is on (before ǂ, after ǁ)', () => {
    assert.deepEqual(engine.literalLookups('C++'), ['\u01c1c']);
    assert.deepEqual(engine.literalLookups('AT&T'), ['\u01c1at', '\u01c2t']);
    assert.deepEqual(engine.literalLookups('=alert(1)>'), ['\u01c2\u01c1alert', '\u01c2\u01c11']);
    assert.deepEqual(engine.literalLookups('Café.com'), ['\u01c1cafe', '\u01c2com']);
  });

  it('finds the word in a text whatever its case and accents, set off from letters where it begins or ends with one', () => {
    assert.equal(engine.holdsLiteral('Teams moved from c++ to C#.', 'C++'), true);
    assert.equal(engine.holdsLiteral('A vitamin C tablet', 'C++'), false);
    assert.equal(engine.holdsLiteral('built on ASP.NET', '.NET'), true);
    assert.equal(engine.holdsLiteral('the .network', '.NET'), false);
    assert.equal(engine.holdsLiteral('BOBCAT&T', 'AT&T'), false);
    assert.equal(engine.holdsLiteral("AT&T's deal", 'AT&T'), true);
    assert.equal(engine.holdsLiteral('onerror=alert(1)>', '=alert(1)>'), true);
    assert.equal(engine.holdsLiteral('CAFÉ.COM', 'cafe.com'), true);
  });
});
