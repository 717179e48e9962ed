// A listing's numbered pages hold the same articles, with the same links, however many newer
// articles arrive: the property that lets a rebuild keep them (src/site/pages/stable-pagination.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sequentialNav, stablePages, type ListingPage } from '../../src/site/pages/stable-pagination.ts';

/** A page's articles counted from the oldest (0 is the first article ever), and its links. */
function fromOldest(page: ListingPage, count: number) {
  return { oldest: count - page.end, newest: count - 1 - page.start, nav: page.nav };
}

describe('stable pagination', () => {
  it('covers every article once, in order, the newest page first with between one and two pages’ worth', () => {
    for (let size = 1; size <= 7; size++) {
      for (let count = 0; count <= 60; count++) {
        const pages = stablePages(count, size, '/list/');
        let next = 0;
        for (const page of pages) {
          assert.equal(page.start, next, `count ${count}, size ${size}: no gap or overlap`);
          next = page.end;
        }
        assert.equal(next, count, `count ${count}, size ${size}: every article`);
        const [newest, ...numbered] = pages;
        assert.equal(newest!.path, '/list/');
        assert.equal(newest!.number, undefined);
        const newestSize = newest!.end - newest!.start;
        assert.ok(count < size ? newestSize === count : newestSize >= size && newestSize < 2 * size, `count ${count}, size ${size}: ${newestSize} on the newest page`);
        // Numbered down to 1, the oldest, each a full page.
        assert.deepEqual(numbered.map((page) => page.number), numbered.map((_, index) => numbered.length - index));
        for (const page of numbered) {
          assert.equal(page.end - page.start, size);
          assert.equal(page.path, `/list/page/${page.number}/`);
        }
      }
    }
  });

  it('keeps a numbered page’s articles and links as articles are added, but for the three pages nearest the newest, once a page fills', () => {
    const size = 3;
    for (let count = 0; count < 80; count++) {
      const before = new Map(stablePages(count, size, '/').slice(1).map((page) => [page.number, fromOldest(page, count)]));
      const after = stablePages(count + 1, size, '/').slice(1);
      const grew = after.length > before.size;
      for (const page of after) {
        const was = before.get(page.number);
        if (was === undefined) continue; // a new page
        if (grew && page.number! >= after.length - 3) continue; // its links now reach a newer page
        assert.deepEqual(fromOldest(page, count + 1), was, `page ${page.number} as article ${count + 1} arrives`);
      }
      // A numbered page is added when the newest page would hold two full pages' worth.
      assert.equal(grew, (count + 1) % size === 0 && count + 1 >= 2 * size, `a page added as article ${count + 1} arrives`);
    }
  });

  it('links the newest page as Latest, then the numbers near the current page and page 1, with rel prev and next', () => {
    // 30 articles, 3 to a page: the newest page and pages 9 down to 1.
    const pages = stablePages(30, 3, '/');
    const page5 = pages.find((page) => page.number === 5)!;
    const labels = (page: ListingPage) => page.nav.links.map((link) => (link === null ? '…' : link.current ? `[${link.label}]` : link.label));
    assert.deepEqual(labels(page5), ['Latest', '…', '7', '6', '[5]', '4', '3', '…', '1']);
    assert.equal(page5.nav.newer, '/page/6/');
    assert.equal(page5.nav.older, '/page/4/');
    assert.deepEqual(labels(pages[0]!), ['[Latest]', '9', '8', '…', '1']);
    assert.deepEqual([pages[0]!.nav.newer, pages[0]!.nav.older], [undefined, '/page/9/']);
    const page9 = pages.find((page) => page.number === 9)!;
    assert.equal(page9.nav.newer, '/', 'the newest numbered page leads back to the listing');
    const page1 = pages.at(-1)!;
    assert.deepEqual([page1.nav.newer, page1.nav.older], ['/page/2/', undefined]);
    assert.deepEqual(stablePages(3, 3, '/')[0]!.nav, { newer: undefined, older: undefined, links: [] }, 'one page has no navigation');
  });

  it('numbers a month’s pages first to last, as before', () => {
    const paths = ['/m/', '/m/page/2/', '/m/page/3/', '/m/page/4/', '/m/page/5/', '/m/page/6/', '/m/page/7/'];
    const nav = sequentialNav(paths, 5);
    assert.deepEqual(nav.links.map((link) => (link === null ? '…' : link.current ? `[${link.label}]` : link.label)), ['1', '…', '4', '5', '[6]', '7']);
    assert.deepEqual([nav.newer, nav.older], ['/m/page/5/', '/m/page/7/']);
  });
});
