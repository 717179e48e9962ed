// A list page's fingerprint (src/site/page-fingerprint.ts) is kept from the previous site when
// equal, so it must differ whenever the data differs and be equal whenever the data is.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle, type Article } from '../../src/site/load-articles.ts';
import { ARTICLE_DIGEST_FIELDS, createFingerprints, createPageFingerprint } from '../../src/site/page-fingerprint.ts';

function siteArticle(i: number, changes: Partial<Article> = {}): Article {
  return {
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO('2025-03-01T00:00:00Z').minus({ days: i }), dateSource: 'manual',
    authors: [], tags: [], people: [], organizations: [], places: [], summary: `Summary ${i}`, wordCount: 0, readingMinutes: 1,
    language: 'en', dir: 'ltr', slug: `a${i}`, url: `/2025/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: `Body ${i}`, bodyHash: `hash of body ${i}`, ...changes,
  };
}

describe('a list page’s fingerprint', () => {
  it('is the same for the same data built with its keys in another order', () => {
    const fingerprint = createPageFingerprint([]);
    assert.equal(fingerprint({ pageIndex: 0, pagePaths: ['/', '/page/2/'] }), fingerprint({ pagePaths: ['/', '/page/2/'], pageIndex: 0 }));
  });

  it('changes when anything an article shows in a list changes, but not its body', () => {
    const page = (article: Article) => createPageFingerprint([article])({ articles: [article] });
    const original = page(siteArticle(1));
    for (const changes of [{ summary: 'Another summary' }, { section: 'Sport' }, { title: 'Another title' }, { date: DateTime.fromISO('2020-01-01T00:00:00Z') }]) {
      assert.notEqual(page(siteArticle(1, changes)), original, JSON.stringify(changes));
    }
    assert.equal(page(siteArticle(1, { body: 'Another body', bodyHash: 'hash of another body' })), original);
  });

  it('changes when one element of a long list changes', () => {
    const fingerprint = createPageFingerprint([]);
    const paths = Array.from({ length: 100 }, (_, index) => `/page/${index + 1}/`);
    const changed = paths.with(99, '/page/one-hundred/');
    assert.notEqual(fingerprint({ pagePaths: paths }), fingerprint({ pagePaths: changed }));
  });

  it('refuses data that holds a function, whose output it cannot see', () => {
    const fingerprint = createPageFingerprint([]);
    assert.throws(() => fingerprint({ dayLink: (day: number) => `/archive/2025/03/#day-${day}` }), /a function, which cannot be fingerprinted/);
  });

  it('covers every field of a loaded article but its body (the headline\'s own language included)', () => {
    // Every optional field set, as an article file can have it.
    const text = writeArticleFile(
      {
        title: 'عنوان الخبر', subtitle: 'A subtitle', date: '2025-03-01T09:00:00+00:00', dateSource: 'text', updated: '2025-03-02T10:00:00+00:00', section: 'Sport', authors: ['A. Writer'], tags: ['a tag'],
        people: ['Ann Lee'], organizations: ['The Council'], places: ['Leeds'], summary: 'A summary.', wordCount: 120, readingMinutes: 1, language: 'en',
        slug: 'a-title', source: { path: 'a.txt', hash: 'sha256:00', url: 'https://example.org/a', name: 'The Example' },
      },
      'The body.\n',
    );
    const article = toArticle('2025/a-title.md', '2025/a-title.md', text, 'UTC', 'en', new ProblemLog());
    assert.ok(article);
    const fields = new Set<string>();
    const collect = (value: object) => {
      for (const [key, item] of Object.entries(value)) {
        fields.add(key);
        if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) collect(item as object);
      }
    };
    collect(article);
    fields.delete('body');
    fields.delete('bodyHash');
    assert.deepEqual([...fields].filter((field) => !ARTICLE_DIGEST_FIELDS.includes(field)), [], 'fields an article has that its digest leaves out: add them to ARTICLE_DIGEST_FIELDS');
    // And each one counts.
    const digest = (changed: Article) => createFingerprints([changed]).article(changed);
    const original = digest(article);
    /** Another value of the same kind: a later date, one more list item or number, a longer text. */
    const another = (value: unknown): unknown =>
      DateTime.isDateTime(value) ? value.plus({ minutes: 1 }) : Array.isArray(value) ? [...value, 'x'] : typeof value === 'number' ? value + 1 : `${String(value)}x`;
    const source = article.source as unknown as Record<string, unknown>;
    for (const field of fields) {
      // A field of the article itself, or of its source (`path`, `hash`, `url`, `name`).
      const changed: Record<string, unknown> = { ...article };
      if (field === 'source') changed.source = { ...source, path: 'b.txt' };
      else if (field in article) changed[field] = another(changed[field]);
      else changed.source = { ...source, [field]: another(source[field]) };
      assert.notEqual(digest(changed as unknown as Article), original, `a change of ${field}`);
    }
  });

  it('is the same for the same article built with its fields in another order', () => {
    const article = siteArticle(1, { section: 'Sport' });
    const reordered = Object.fromEntries(Object.entries(article).reverse()) as unknown as Article;
    reordered.source = Object.fromEntries(Object.entries(article.source).reverse()) as unknown as Article['source'];
    assert.equal(createFingerprints([reordered]).article(reordered), createFingerprints([article]).article(article));
  });
});
