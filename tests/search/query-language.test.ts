// The search page sends each query to the index whose stemming suits it, decided by the script
// the query is written in (assets/search-engine.js, which has no DOM dependency at import).

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { isRightToLeft } from '../../src/ingest/text-stats.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

interface Engine {
  scriptOfQuery(query: string): string | undefined;
  scriptsOfLanguage(language: string): string[];
}

describe('choosing the language of a query', () => {
  let engine: Engine;
  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as Engine;
  });

  it('reads Arabic letters as Arabic, prefixes and all', () => {
    assert.equal(engine.scriptOfQuery('المياه'), 'Arabic');
    assert.equal(engine.scriptOfQuery('  وزارة الصحة 2015 '), 'Arabic');
  });

  it('reads Latin letters, accents included, as Latin', () => {
    assert.equal(engine.scriptOfQuery('Witkoff'), 'Latin');
    assert.equal(engine.scriptOfQuery('São Tomé'), 'Latin');
  });

  it('goes by most letters when a query mixes scripts, and has no script without letters', () => {
    assert.equal(engine.scriptOfQuery('BBC الأخبار العاجلة'), 'Arabic');
    assert.equal(engine.scriptOfQuery('Hamas حماس negotiator'), 'Latin');
    assert.equal(engine.scriptOfQuery('2024 — 7'), undefined);
  });

  it('knows the script of a language code, region or not', () => {
    assert.deepEqual(engine.scriptsOfLanguage('ar'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('ar-SA'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('fa'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('ru'), ['Cyrillic']);
    assert.deepEqual(engine.scriptsOfLanguage('en'), ['Latin']);
    assert.deepEqual(engine.scriptsOfLanguage('pt-BR'), ['Latin']);
  });

  it('takes the script a code names, or the one its language is written in, not its first subtag', () => {
    assert.deepEqual(engine.scriptsOfLanguage('iw'), ['Hebrew']);
    assert.deepEqual(engine.scriptsOfLanguage('ku-Arab'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('ms-arab'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('pa-Arab'), ['Arabic']);
    assert.deepEqual(engine.scriptsOfLanguage('ar-Latn'), ['Latin']);
    assert.deepEqual(engine.scriptsOfLanguage('sr-Latn'), ['Latin']);
    assert.deepEqual(engine.scriptsOfLanguage('unknown'), ['Latin']);
  });

  it('agrees with the article pages on which languages are written in a right-to-left script', () => {
    const rightToLeft = ['Arabic', 'Hebrew'];
    for (const language of ['ar', 'ar-Latn', 'he', 'iw', 'yi', 'fa', 'ur', 'ps', 'ckb', 'ku-Arab', 'ms-Arab', 'pa-Arab', 'ks', 'en', 'ms', 'pa', 'ku', 'ru', 'ja']) {
      const scripts = engine.scriptsOfLanguage(language);
      assert.equal(scripts.some((script) => rightToLeft.includes(script)), isRightToLeft(language), `${language}: ${scripts.join(', ')}`);
    }
  });

  it('writes Japanese in kanji and kana alike, so a query of kanji alone is Japanese too', () => {
    assert.equal(engine.scriptOfQuery('東京'), 'Han');
    assert.equal(engine.scriptOfQuery('の港で新しい'), 'Kana');
    assert.ok(engine.scriptsOfLanguage('ja').includes('Han'));
    assert.ok(engine.scriptsOfLanguage('ja-JP').includes('Kana'));
    assert.deepEqual(engine.scriptsOfLanguage('zh'), ['Han']);
  });
});
