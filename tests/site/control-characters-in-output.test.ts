// XML 1.0 allows no C0 control character but tab and the line ends, and HTML calls the others
// parse errors: an article whose text holds one (a form feed from pdftotext) must still give
// well-formed feeds and pages, with its text all there. Checked on a real build.

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
    build = await buildArchive(inbox, ['--articles', path.join(work, 'articles')]);
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

  it('gives pages without control characters, with the text of every page of the report', async () => {
    const url = build.report.articles[0]!.url;
    const html = await readFile(path.join(build.outDir, url, 'index.html'), 'utf8');
    assert.doesNotMatch(html, C0);
    assert.deepEqual(htmlParseErrors(html).filter((error) => error.includes('control-character')), []);
    for (const text of ['The first page of the report ends here', 'and the second page goes on with the budget.', 'The third page.']) assert.ok(html.includes(text), text);
  });
});
