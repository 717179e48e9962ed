// What an article file edited by hand says that Broadsheet would otherwise pass over in silence:
// a key it does not read (a typo, or an Eleventy key such as `permalink`, which never reaches
// Eleventy), a `language` that is no language tag, and a date after the build. Each is a warning
// at its line; the article is published as if the line were not there (a `date` with it).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { toArticle } from '../../src/site/load-articles.ts';
import { ProblemLog } from '../../src/problems.ts';

const FRONTMATTER = {
  title: 'A title',
  date: '2024-06-01T00:00:00+00:00',
  dateSource: 'manual' as const,
  authors: [],
  tags: ['harbour'],
  people: [],
  organizations: [],
  places: [],
  summary: '',
  wordCount: 2,
  readingMinutes: 1,
  language: 'en',
  slug: 'a-title',
  source: { path: 'a.txt', hash: '' },
  extra: { desk: 'city' },
  generated: 'sha256:00',
};

function load(text: string) {
  const problems = new ProblemLog();
  const article = toArticle('2024/a-title.md', 'articles/2024/a-title.md', text, 'UTC', 'en', problems);
  return { article, problems: problems.problems.map(({ code, severity, line, message }) => ({ code, severity, line, message })) };
}

describe('an article file edited by hand', () => {
  it('has no warning as ingest writes it, every key included', () => {
    assert.deepEqual(load(writeArticleFile(FRONTMATTER, 'The body.\n')).problems, []);
  });

  it('names each key Broadsheet does not read at its line, and is published as without it', () => {
    // A typo of "tags", and Eleventy's own keys, which the article's page never passed to Eleventy.
    const text = writeArticleFile(FRONTMATTER, 'The body.\n').replace('tags: ["harbour"]\n', 'tags: ["harbour"]\ntag: ["ferries"]\npermalink: "/index.html"\n');
    const { article, problems } = load(text);
    assert.deepEqual(problems, [
      { code: 'ARTICLE_UNKNOWN_FIELD', severity: 'warning', line: 7, message: 'has a key Broadsheet does not read, "tag": it changes nothing on the site' },
      { code: 'ARTICLE_UNKNOWN_FIELD', severity: 'warning', line: 8, message: 'has a key Broadsheet does not read, "permalink": it changes nothing on the site' },
    ]);
    assert.deepEqual([article?.tags, article?.url], [['harbour'], '/2024/a-title/']);
  });

  it('names a "date" typed after the build (a typo, 2099) at its line, as the inbox names one, and is published with it', () => {
    const { article, problems } = load(writeArticleFile(FRONTMATTER, 'The body.\n').replace('date: "2024-06-01T00:00:00+00:00"', 'date: "2099-06-01T00:00:00+00:00"'));
    assert.deepEqual(problems.map(({ code, severity, line }) => ({ code, severity, line })), [{ code: 'DATE_IN_FUTURE', severity: 'warning', line: 3 }]);
    assert.match(problems[0]!.message, /^has a "date" \("2099-06-01T00:00:00\+00:00"\) that is read as 1 June 2099, after this build's date \(\d+ \w+ \d{4}\); the article is published with it$/);
    assert.equal(article?.url, '/2099/a-title/');
  });

  it('names an "updated" typed after the build at its line, as the inbox names one, and is published without it', () => {
    const { article, problems } = load(writeArticleFile({ ...FRONTMATTER, updated: '2042-06-01T00:00:00+00:00' }, 'The body.\n').replace(/^generated: .*\n/m, ''));
    assert.deepEqual(problems.map(({ code, line }) => ({ code, line })), [{ code: 'DATE_IN_FUTURE', line: 5 }]);
    assert.match(problems[0]!.message, /^has an "updated" \("2042-06-01T00:00:00\+00:00"\) that is read as 1 June 2042, .*; the article is published without it$/);
    assert.equal(article?.updated, undefined);
  });

  it('says nothing of a date after the build that ingest wrote, untouched: it was named at its source', () => {
    const { article, problems } = load(writeArticleFile({ ...FRONTMATTER, date: '2099-06-01T00:00:00+00:00' }, 'The body.\n'));
    assert.deepEqual([problems, article?.url], [[], '/2099/a-title/']);
  });

  it('names a "date" or "updated" that gives only a year or a month at its line, read as its first day, as a sidecar\'s is named', () => {
    for (const [written, what, day, url] of [
      ['"2024"', 'year', '1 January 2024', '/2024/a-title/'],
      ['2024', 'year', '1 January 2024', '/2024/a-title/'],
      ['"2024-03"', 'month', '1 March 2024', '/2024/a-title/'],
      ['2023-11', 'month', '1 November 2023', '/2023/a-title/'],
    ] as const) {
      const { article, problems } = load(writeArticleFile(FRONTMATTER, 'The body.\n').replace('date: "2024-06-01T00:00:00+00:00"', `date: ${written}`));
      assert.deepEqual(problems.map(({ code, severity, line }) => ({ code, severity, line })), [{ code: 'ARTICLE_PARTIAL_DATE', severity: 'warning', line: 3 }], written);
      assert.equal(problems[0]!.message, `has a "date" (${written.replace(/^(?!")(.*)$/, '"$1"')}) that gives only the ${what}; it is read as ${day}, its first day`, written);
      assert.equal(article?.url, url, written);
    }
    const { article, problems } = load(writeArticleFile({ ...FRONTMATTER, updated: '2024-07-01T00:00:00+00:00' }, 'The body.\n').replace('updated: "2024-07-01T00:00:00+00:00"', 'updated: "2024-07"'));
    assert.deepEqual(problems.map(({ code, line, message }) => ({ code, line, message })), [{ code: 'ARTICLE_PARTIAL_DATE', line: 5, message: 'has an "updated" ("2024-07") that gives only the month; it is read as 1 July 2024, its first day' }]);
    assert.equal(article?.updated?.toISODate(), '2024-07-01');
  });

  it('names a "language" that is no language tag at its line, and takes the archive’s default', () => {
    // It took the default without a word: the page was marked English, read aloud by an English voice.
    const { article, problems } = load(writeArticleFile(FRONTMATTER, 'The body.\n').replace('language: "en"', 'language: "Arabic"'));
    assert.deepEqual(problems, [
      { code: 'ARTICLE_BAD_FIELD', severity: 'warning', line: 13, message: 'has a "language" that is not a language tag ("Arabic"); the archive\'s default, "en", is used' },
    ]);
    assert.equal(article?.language, 'en');
  });
});
