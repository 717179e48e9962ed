// An article whose text says when it was updated (`Updated 2024/06/03 14:30 BST`): its page shows
// the update beside the date, and the machines' dates say it too (JSON-LD dateModified, Atom's
// <updated>, JSON Feed's date_modified), while the date of publication stays the article's.
// Checked on a real build.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { toArticle } from '../../src/site/load-articles.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

// 14:30 in London's summer time is 13:30 UTC.
const PUBLISHED = '2024-06-01T00:00:00Z';
const UPDATED = '2024-06-03T13:30:00Z';

describe('an article with an "Updated" line', () => {
  let build: BuildRun;
  let page: string;
  const site = (sitePath: string) => readFile(path.join(build.outDir, sitePath), 'utf8');

  before(async () => {
    const work = await temporaryDir('updated-date');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(
      path.join(inbox, 'library.txt'),
      'Library extends opening hours\n\nPublished 2024-06-01\n\nUpdated 2024/06/03 14:30 BST\n\nThe library will open until nine in the evening from next week.\n\nStaff welcomed the change.\n',
    );
    await writeFile(
      path.join(inbox, 'ferry.txt'),
      'Ferry timetable changes\n\nPublished 2024-05-20 09:00 BST\n\nUpdated 2024-05-20 14:30 BST\n\nThe evening ferry leaves an hour earlier.\n',
    );
    build = await buildArchive(inbox, [], { articlesDir: path.join(work, 'articles') });
    assert.equal(build.exitCode, 0, build.stderr);
    const library = build.report.articles.find((article) => article.source.endsWith('library.txt'))!;
    assert.equal(library.date, PUBLISHED.replace('Z', '.000Z'));
    page = await site(`${library.url}index.html`);
  });

  it('shows the update beside the date on the page, both as <time> elements', () => {
    assert.match(page, /<time datetime="2024-06-01T00:00:00Z">June 1, 2024<\/time> · Updated <time datetime="2024-06-03T13:30:00Z">June 3, 2024<\/time>/);
  });

  it('gives the time of an update made the day the article was published, not the same day twice', async () => {
    const ferry = build.report.articles.find((article) => article.source.endsWith('ferry.txt'))!;
    const ferryPage = await site(`${ferry.url}index.html`);
    // 14:30 BST is 13:30 in the archive's zone (UTC, the default). ICU puts a narrow no-break space before PM.
    assert.match(ferryPage, /<time datetime="2024-05-20T08:00:00Z">May 20, 2024<\/time> · Updated <time datetime="2024-05-20T13:30:00Z">1:30[\s\u202f]PM UTC<\/time>/);
  });

  it('gives it as JSON-LD dateModified, with datePublished the article\'s date', () => {
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)?.[1];
    const data = JSON.parse(json!) as Record<string, unknown>;
    assert.deepEqual([data.datePublished, data.dateModified], [PUBLISHED, UPDATED]);
  });

  it('gives it in the feeds: Atom\'s <updated> and JSON Feed\'s date_modified', async () => {
    const entry = /<entry>([\s\S]*?)<\/entry>/.exec(await site('feed.xml'))![1]!;
    assert.deepEqual([/<updated>([^<]*)</.exec(entry)?.[1], /<published>([^<]*)</.exec(entry)?.[1]], [UPDATED, PUBLISHED]);
    const feed = JSON.parse(await site('feed.json')) as { items: Array<{ date_published?: string; date_modified?: string }> };
    assert.deepEqual([feed.items[0]!.date_published, feed.items[0]!.date_modified], [PUBLISHED, UPDATED]);
  });

  it('is left out, with a warning naming its line, when a hand edit makes it no date; the article is published', () => {
    const text = writeArticleFile(
      { title: 'A title', date: '2024-06-01T00:00:00+00:00', dateSource: 'manual', authors: [], tags: [], people: [], organizations: [], places: [], summary: '', wordCount: 2, readingMinutes: 1, language: 'en', slug: 'a-title', source: { path: 'a.txt', hash: '' } },
      'The body.\n',
    ).replace('dateSource: "manual"\n', 'dateSource: "manual"\nupdated: "2024-02-30"\n');
    const problems = new ProblemLog();
    const article = toArticle('2024/a-title.md', 'articles/2024/a-title.md', text, 'UTC', 'en', problems);
    assert.equal(article?.updated, undefined);
    assert.deepEqual(problems.problems.map(({ code, severity, line }) => ({ code, severity, line })), [{ code: 'ARTICLE_BAD_FIELD', severity: 'warning', line: 5 }]);
  });
});
