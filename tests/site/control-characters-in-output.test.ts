// XML 1.0 allows no C0 control character but tab and the line ends, and HTML calls the others
// parse errors: an article whose text holds one (a form feed from pdftotext, a JSON escape in a
// sidecar, a YAML escape or a raw one in a hand-edited article file) must still give well-formed
// feeds and pages, with its text all there, and a warning naming where each was. Checked on a real build.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { listFiles } from '../../src/fs-utils.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { htmlParseErrors, xmlWellFormednessErrors } from '../helpers/validators.ts';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const C0 = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

describe('control characters in article text', () => {
  let build: BuildRun;

  before(async () => {
    const work = await temporaryDir('control-characters-output');
    const inbox = path.join(work, 'inbox');
    await mkdir(path.join(inbox, 'reports'), { recursive: true });
    // pdftotext ends every page with a form feed, after a line end or, cut mid-line, without one.
    await writeFile(path.join(inbox, 'reports', '2024-05-01-budget.txt'), 'Council budget report\n\nThe first page of the report ends here\n\fand the second page goes on with the budget.\fThe third page.\n');
    await writeFile(path.join(inbox, 'reports', '2024-05-02-ferry.txt'), 'Ferry story\n\nThe ferry text goes here.\n');
    await writeFile(path.join(inbox, 'reports', '2024-05-02-ferry.json'), '{"title": "The \\u0007ferry\\u000c story", "author": "Ann\\u001b Lee"}\n');
    const articles = path.join(work, 'articles');
    await mkdir(path.join(articles, '2024'), { recursive: true });
    await writeFile(
      path.join(articles, '2024', 'hand-edited.md'),
      '---\ntitle: "A hand-edited \\a headline"\ndate: "2024-05-03T09:00:00+00:00"\ndateSource: "manual"\nsection: "reports"\nslug: "hand-edited"\n---\n\nAn editor pasted \u0007a bell and \u001b[1man escape here.\n',
    );
    build = await buildArchive(inbox, [], { articlesDir: articles });
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('gives well-formed feeds, site-wide and per section, holding none', async () => {
    const feeds = await listFiles(build.outDir, (name) => name.endsWith('.xml'));
    assert.ok(feeds.includes('feed.xml') && feeds.some((feed) => feed.startsWith('feeds/')), feeds.join(', '));
    for (const feed of feeds) {
      const xml = await readFile(path.join(build.outDir, feed), 'utf8');
      assert.deepEqual(await xmlWellFormednessErrors(xml), [], feed);
      assert.doesNotMatch(xml, C0, feed);
    }
  });

  it('gives pages without control characters, with the text around them', async () => {
    const expected: Record<string, string[]> = {
      'Council budget report': ['The first page of the report ends here', 'and the second page goes on with the budget.', 'The third page.'],
      'The ferry story': ['Ann Lee', 'The ferry text goes here.'],
      'A hand-edited  headline': ['An editor pasted a bell and [1man escape here.'],
    };
    assert.deepEqual(build.report.articles.map((article) => article.title).sort(), Object.keys(expected).sort());
    for (const article of build.report.articles) {
      const html = await readFile(path.join(build.outDir, article.url, 'index.html'), 'utf8');
      assert.doesNotMatch(html, C0, article.url);
      assert.deepEqual(htmlParseErrors(html).filter((error) => error.includes('control-character')), [], article.url);
      for (const text of expected[article.title]!) assert.ok(html.includes(text), `${article.url}: ${text}`);
    }
  });

  it('names the sidecar and the article file that held them', () => {
    const warnings = build.report.problems.filter((problem) => problem.code === 'TEXT_CONTROL_CHARACTER').map(({ file, line, severity }) => ({ file: path.basename(file), line, severity }));
    assert.deepEqual(warnings.sort((a, b) => a.file.localeCompare(b.file)), [
      { file: '2024-05-02-ferry.json', line: undefined, severity: 'warning' },
      { file: 'hand-edited.md', line: 2, severity: 'warning' },
    ]);
  });
});
