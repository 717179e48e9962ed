// Where serve redirects an address under a prefix the site was served under before.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formerPrefixTarget } from '../../src/cli/prefix-redirect.ts';

describe('formerPrefixTarget', () => {
  it('moves an address under a former prefix to the current one, keeping its query', () => {
    assert.equal(formerPrefixTarget('/news/2024/a-story/?highlight=x', '/paper/', ['/news/']), '/paper/2024/a-story/?highlight=x');
    assert.equal(formerPrefixTarget('/news/', '/paper/', ['/news/']), '/paper/');
  });

  it('leaves the current prefix’s addresses alone, and those under no prefix ever served', () => {
    assert.equal(formerPrefixTarget('/paper/2024/a-story/', '/paper/', ['/news/']), undefined);
    assert.equal(formerPrefixTarget('/elsewhere/', '/paper/', ['/news/']), undefined);
    assert.equal(formerPrefixTarget('/news/', '/news/', ['/news/']), undefined, 'a prefix served again is current');
  });

  it('lets the most specific prefix decide when one holds the other', () => {
    // From the site's root to /news/: everything else moves under /news/, /news/ itself stays.
    assert.equal(formerPrefixTarget('/2024/a-story/', '/news/', ['/']), '/news/2024/a-story/');
    assert.equal(formerPrefixTarget('/news/2024/a-story/', '/news/', ['/']), undefined);
    // From /news/ back to the root.
    assert.equal(formerPrefixTarget('/news/2024/a-story/', '/', ['/news/']), '/2024/a-story/');
    assert.equal(formerPrefixTarget('/2024/a-story/', '/', ['/news/']), undefined);
  });

  it('never sends a browser to another host: slashes after the former prefix are dropped', () => {
    // A Location of `//example.com/x` (or `/\\example.com/x`, which browsers read the same) leaves the site.
    for (const url of ['/news//example.com/x', '/news/\\example.com/x', '/news///example.com/x?y=1']) {
      const target = formerPrefixTarget(url, '/', ['/news/']);
      assert.ok(target !== undefined, url);
      assert.equal(new URL(target, 'http://localhost:8080/').host, 'localhost:8080', `${url} → ${target}`);
    }
    assert.equal(formerPrefixTarget('/news//example.com/x', '/', ['/news/']), '/example.com/x');
  });
});
