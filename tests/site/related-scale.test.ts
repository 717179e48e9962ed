// Related articles scale with the archive: over a synthetic archive of 20,000 articles with
// Zipf-distributed names (some in a third of all articles), computing every article's related
// list costs a bounded multiple of one linear pass over the same (article, name) pairs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { buildArchiveIndex } from '../../src/site/indexes/archive-index.ts';
import type { Article } from '../../src/site/load-articles.ts';

const ARTICLES = 20_000;
/**
 * Generous: measured at about 8 (CPU time) on a 2-core machine. Comparing every pair of
 * articles would cost thousands of times a linear pass at this size.
 */
const MAX_RATIO = 100;

/** CPU time of this process: other work on a shared machine does not count against it. */
function cpuMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** A small deterministic generator (mulberry32), so every run sees the same archive. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Zipf-like pick from `n` names: name 0 is the most common. */
const zipf = (next: () => number, n: number) => Math.min(n - 1, Math.floor(Math.pow(n + 1, next()) - 1));

function syntheticArchive(): Article[] {
  const next = random(42);
  const start = DateTime.fromISO('2020-01-01T00:00:00Z');
  const pick = (prefix: string, n: number, count: number) => [...new Set(Array.from({ length: count }, () => `${prefix} ${zipf(next, n)}`))];
  const articles: Article[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    articles.push({
      file: `${i}.md`, title: `Article ${i}`, date: start.plus({ minutes: Math.floor(next() * 5 * 365 * 24 * 60) }), dateSource: 'manual',
      section: `section ${i % 5}`, authors: [], tags: pick('tag', 50, 2), people: pick('Person', 20_000, 8), organizations: pick('Org', 3_000, 3),
      places: pick('Place', 300, 3), summary: '', wordCount: 0, readingMinutes: 1, language: 'en', dir: 'ltr', slug: `a${i}`, url: `/x/a${i}/`,
      source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
    });
  }
  return articles.sort((a, b) => b.date.toMillis() - a.date.toMillis() || (a.url < b.url ? -1 : 1));
}

describe('related articles over 20,000 articles', () => {
  const articles = syntheticArchive();

  it('cost a bounded multiple of a linear pass, never all pairs', () => {
    // The linear pass: one look at every (article, name) pair, counting names in a map; best of three.
    let linear = Infinity;
    let pairs = 0;
    for (let run = 0; run < 3; run++) {
      const started = cpuMilliseconds();
      const counts = new Map<string, number>();
      pairs = 0;
      for (const article of articles) {
        for (const name of [...article.tags, ...article.people, ...article.organizations, ...article.places]) {
          counts.set(name, (counts.get(name) ?? 0) + 1);
          pairs++;
        }
      }
      linear = Math.min(linear, cpuMilliseconds() - started);
    }
    const index = buildArchiveIndex(articles, { timeZone: 'UTC', minArticlesForEntityPage: 2 });
    const started = cpuMilliseconds();
    let found = 0;
    for (const article of articles) found += index.related(article).length;
    const related = cpuMilliseconds() - started;
    const ratio = related / linear;
    console.log(`related for ${ARTICLES} articles (${pairs} article–name pairs): ${related.toFixed(0)} ms; linear pass ${linear.toFixed(0)} ms; ratio ${ratio.toFixed(1)}`);
    assert.ok(found >= ARTICLES * 3, `most articles get 3–5 related (${found} in all)`);
    assert.ok(ratio < MAX_RATIO, `ratio ${ratio.toFixed(1)} is under ${MAX_RATIO}`);
  });

  it('are deterministic and share a name with the article', () => {
    const first = buildArchiveIndex(articles, { timeZone: 'UTC', minArticlesForEntityPage: 2 });
    const second = buildArchiveIndex([...articles], { timeZone: 'UTC', minArticlesForEntityPage: 2 });
    for (const article of articles.slice(0, 500)) {
      const related = first.related(article);
      assert.deepEqual(related.map((other) => other.url), second.related(article).map((other) => other.url));
      assert.ok(related.length <= 5);
      const names = new Set(first.termsOf(article).filter((term) => term.kind !== 'section').map((term) => term.key));
      for (const other of related) {
        assert.notEqual(other, article);
        assert.ok(first.termsOf(other).some((term) => names.has(term.key)), `${other.url} shares a name with ${article.url}`);
      }
    }
  });
});
