// An index part is keyed by what Pagefind reads of each page: links around the article may
// change without re-indexing its year, but any change to the indexed text or language does.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexedContentHash } from '../../src/search/indexed-content.ts';

const page = (lang: string, body: string, aside: string) =>
  `<!doctype html><html lang="${lang}"><head><title>T</title></head><body><main><article data-pagefind-body><h1>Title</h1><p>${body}</p></article><aside><a href="/x/">${aside}</a></aside></main></body></html>`;

describe('the content an index part is keyed by', () => {
  it('ignores what lies outside the indexed element, such as related-article links', () => {
    assert.equal(indexedContentHash(page('en', 'Body text.', 'Related: one')), indexedContentHash(page('en', 'Body text.', 'Related: two')));
  });

  it('changes when the indexed text changes', () => {
    assert.notEqual(indexedContentHash(page('en', 'Body text.', 'x')), indexedContentHash(page('en', 'Body text, edited.', 'x')));
  });

  it("changes when the page's language changes (Pagefind indexes by language)", () => {
    assert.notEqual(indexedContentHash(page('en', 'Body text.', 'x')), indexedContentHash(page('ar', 'Body text.', 'x')));
  });

  it('falls back to the whole page when nothing is marked for indexing', () => {
    const plain = '<html lang="en"><body><p>One</p></body></html>';
    assert.notEqual(indexedContentHash(plain), indexedContentHash(plain.replace('One', 'Two')));
  });
});
