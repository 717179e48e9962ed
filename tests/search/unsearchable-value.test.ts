// Meta values the search page needs but readers must not find articles by are written in
// characters Pagefind indexes no word of, and the page reads them back exactly.

import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { writeUnsearchable } from '../../src/search/unsearchable-value.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';

interface Engine {
  readUnsearchable(value: unknown): unknown;
}

describe('unsearchable meta values', () => {
  let engine: Engine;
  before(async () => {
    engine = (await import(pathToFileURL(path.join(PROJECT_ROOT, 'assets/search-engine.js')).href)) as Engine;
  });

  it('writes no character Pagefind makes a word of: no letter, digit, connector (`_`) or emoji', () => {
    for (const value of ['2021-05-03', '0099-12-31', 'en', 'ar', 'en-GB', 'zh-Hant-TW', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']) {
      const written = writeUnsearchable(value);
      assert.doesNotMatch(written, /[\p{L}\p{N}\p{Pc}\p{Emoji}]/u, `${value} written as ${written}`);
      assert.equal(written.normalize('NFC'), written);
    }
  });

  it('reads every letter and digit back as it was, case included', () => {
    for (const value of ['2021-05-03', '0099-12-31', '9999-01-01', 'en', 'ar', 'en-GB', 'zh-Hant-TW', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789']) {
      assert.equal(engine.readUnsearchable(writeUnsearchable(value)), value);
    }
  });

  it('keeps the order of dates, so written dates compare as the dates do', () => {
    const dates = ['0099-03-01', '1999-12-31', '2021-05-03', '2021-05-04', '2021-11-20'];
    assert.deepEqual(dates.map(writeUnsearchable).sort().map((written) => engine.readUnsearchable(written)), dates);
  });

  it('reads a value written plainly (an index part built before) as it is', () => {
    assert.equal(engine.readUnsearchable('2021-05-03'), '2021-05-03');
    assert.equal(engine.readUnsearchable(undefined), undefined);
  });
});
