// A date after the build is a typo (`2099` for `2024`) wherever it was typed: in a source, named by
// ingest at the source's line, or by hand in an article file, named at the file's line, on every
// build (the article-file cache knows the file unchanged) and once: never again at the article
// file ingest wrote from such a source. Checked on real builds.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';

describe('a date after the build', () => {
  it('is named once at the inbox source that gives it, and at the line of an article file that has it typed by hand, on every build', async () => {
    const inbox = await writeInbox('future-dates', { 'typo.txt': 'Ferry timetable changes\nPublished 4 March 2099\n\nThe ferry company changed its timetable.\n' });
    const articlesDir = path.join(await temporaryDir('future-dates-articles'), 'articles');
    await mkdir(path.join(articlesDir, '2099'), { recursive: true });
    const typed = writeArticleFile(
      { title: 'Harbour works begin', date: '2024-06-01T00:00:00+00:00', dateSource: 'manual', authors: [], tags: [], people: [], organizations: [], places: [], summary: '', wordCount: 3, readingMinutes: 1, language: 'en', slug: 'harbour-works-begin', source: { path: 'gone.txt', hash: '' } },
      'Harbour works began.\n',
    ).replace('date: "2024-06-01T00:00:00+00:00"', 'date: "2099-06-01T00:00:00+00:00"');
    await writeFile(path.join(articlesDir, '2099', 'harbour-works-begin.md'), typed);
    for (const build of ['first', 'second']) {
      const run = await buildArchive(inbox, [], { articlesDir });
      assert.equal(run.exitCode, 0, run.stderr);
      assert.deepEqual(
        run.report.problems.map(({ code, file, line }) => [code, path.basename(file), line]),
        [['DATE_IN_FUTURE', 'typo.txt', 2], ['DATE_IN_FUTURE', 'harbour-works-begin.md', 3]],
        build,
      );
      assert.deepEqual(run.report.articles.map((article) => article.url).sort(), ['/2099/ferry-timetable-changes/', '/2099/harbour-works-begin/'], build);
    }
  });
});
