// Giving every article its own URL costs one look-up per article, however many share a headline:
// an archive of obituaries or weather forecasts has thousands called the same in one year.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { assignDistinctUrls, type UrlCandidate } from '../../src/ingest/distinct-urls.ts';
import { ProblemLog } from '../../src/problems.ts';

const hash = (n: number) => `sha256:${createHash('sha256').update(String(n)).digest('hex')}`;

describe('distinct URLs for many articles with one headline', () => {
  it('are given to 100,000 articles of one year and one slug in linear time, each named once', () => {
    const candidates: UrlCandidate[] = Array.from({ length: 100_000 }, (_, n) => ({ sourcePath: `2024-01-01-${n}.txt`, displayPath: `inbox/2024-01-01-${n}.txt`, slug: 'weather-forecast', year: '2024', parsed: { frontmatter: { source: { hash: hash(n) } } } }));
    const problems = new ProblemLog();
    const started = performance.now();
    assignDistinctUrls(candidates, [], problems, (file) => file);
    const seconds = (performance.now() - started) / 1000;
    // All of it took 2 s here; copying the group for each article (quadratic) took 24 s for half as many.
    assert.ok(seconds < 40, `${seconds.toFixed(1)} s`);
    assert.equal(new Set(candidates.map((candidate) => candidate.slug)).size, 100_000);
    // The smallest content hash keeps the URL; every other article gets a suffix from its hash.
    const smallest = candidates.reduce((a, b) => (a.parsed.frontmatter.source.hash < b.parsed.frontmatter.source.hash ? a : b));
    assert.equal(smallest.slug, 'weather-forecast');
    for (const candidate of candidates) {
      if (candidate !== smallest) assert.match(candidate.slug, new RegExp(`^weather-forecast-${candidate.parsed.frontmatter.source.hash.slice(7, 13)}0*$`));
    }
    assert.equal(problems.problems.length, 99_999);
  });
});
