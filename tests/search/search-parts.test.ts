// How the archive's years are grouped into search parts (src/search/bundles.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PART_MAX_FACTOR, searchParts, yearFolderOf } from '../../src/search/bundles.ts';

/** Articles with the given number in each year. */
function archive(perYear: Record<string, number>): Array<{ url: string }> {
  return Object.entries(perYear).flatMap(([year, count]) => Array.from({ length: count }, (_, n) => ({ url: `/${year}/article-${n}/` })));
}

const shape = (parts: ReturnType<typeof searchParts>) => parts.map(({ name, articles }) => `${name}:${articles}`);

describe('search parts', () => {
  it('puts the newest year alone first, then groups older years oldest first until they reach the target', () => {
    const parts = searchParts(archive({ 2001: 30, 2002: 40, 2003: 50, 2004: 20, 2005: 70, 2006: 5 }), 100);
    assert.deepEqual(shape(parts), ['2006:5', '2004-2005:90', '2001-2003:120']);
    assert.deepEqual(
      parts.map((part) => [part.primary, part.bundlePath]),
      [
        [true, '/pagefind/'],
        [false, '/pagefind/2004/'],
        [false, '/pagefind/2001/'],
      ],
    );
  });

  it(`closes a group before a year that would take it past ${PART_MAX_FACTOR} times the target`, () => {
    // Years of the 100,000-article benchmark's shape, scaled to a target of 100: each of these
    // years is short of the target, and any two together nearly twice it.
    const parts = searchParts(archive({ 2016: 81, 2017: 85, 2018: 88, 2019: 89, 2020: 95, 2021: 98, 2022: 101 }), 100);
    assert.deepEqual(shape(parts), ['2022:101', '2021:98', '2020:95', '2019:89', '2018:88', '2017:85', '2016:81']);
    for (const part of parts) assert.ok(part.articles <= 100 * PART_MAX_FACTOR, `${part.name} is within the bound`);
  });

  it('keeps a year larger than the bound whole', () => {
    assert.deepEqual(shape(searchParts(archive({ 2001: 10, 2002: 400, 2003: 10, 2004: 1 }), 100)), ['2004:1', '2003:10', '2002:400', '2001:10']);
  });
});

describe('the year folder of a site path', () => {
  it('is its first segment when that is a year', () => {
    assert.equal(yearFolderOf('/2015/a-title/'), '2015');
    assert.equal(yearFolderOf('2015/a-title/index.html'), '2015');
    assert.equal(yearFolderOf('//1999/x/'), '1999');
    assert.equal(yearFolderOf('/2015'), '2015');
  });

  it('is none when the first segment is not four digits', () => {
    for (const sitePath of ['/people/2015/', '/20155/x/', '/201/x/', '/', '', 'index.html', '/2015a/x/', 'feeds/2015.xml']) {
      assert.equal(yearFolderOf(sitePath), undefined, sitePath);
    }
  });
});
