// The checker the hostile suite relies on finds what it must (so "nothing found" means
// something) and lets through what is only text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findActiveContent } from '../helpers/inert-output.ts';

describe('finding active content in built output', () => {
  const active = [
    '<a href=" java\tscript:alert(1)">x</a>',
    '<img src=x onerror=alert(1)>',
    '<svg><g onload="alert(1)"></g></svg>',
    '<script>alert(1)</script>',
    '<script src="https://evil.example/x.js"></script>',
    '<a href="data:text/html,x">x</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<img srcset="a.png 1x, javascript:alert(1) 2x">',
    '<iframe src="/x"></iframe>',
    '<form action="javascript:alert(1)"></form>',
    '<meta http-equiv="refresh" content="0;url=/x">',
  ];
  for (const html of active) {
    it(`finds ${html}`, () => assert.notDeepEqual(findActiveContent(html), []));
  }

  it('finds script in the escaped HTML of a feed item, and in its CDATA', () => {
    assert.notDeepEqual(findActiveContent('<rss><item><description>&lt;img src=x onerror=alert(1)&gt;</description></item></rss>', '/', true), []);
    assert.notDeepEqual(findActiveContent('<feed><entry><content type="html"><![CDATA[<script>alert(1)</script>]]></content></entry></feed>', '/', true), []);
  });

  it('lets through escaped text, the site\'s own scripts, plain images and links', () => {
    for (const html of [
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; and onerror=alert(1) and javascript:alert(1)</p>',
      '<img src="data:image/png;base64,AAAA" alt="">',
      '<script src="/pagefind/pagefind-ui.js" type="module"></script>',
      '<a href="/2024/x/">x</a>',
    ]) {
      assert.deepEqual(findActiveContent(html), [], html);
    }
    assert.deepEqual(findActiveContent('<rss><item><description>&lt;p&gt;&amp;lt;script&amp;gt;&lt;/p&gt;</description></item></rss>', '/', true), []);
  });
});
