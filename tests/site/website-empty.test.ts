// An archive with no articles yet still gets a valid home page, date archive, feeds and sitemap,
// so a first deploy before any article is not a broken site.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { visibleText } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { crawlSite, filesIn, readSiteFile } from '../helpers/site-files.ts';
import { childElements, htmlValidationErrors, parseXml, xmlSchemaErrors, xmlWellFormednessErrors } from '../helpers/validators.ts';

describe('the website of an empty archive', () => {
  let build: BuildRun;

  before(async () => {
    build = await buildArchive(await temporaryDir('empty-inbox'));
  });

  it('has a home page saying there are no articles yet, and every page validates and links correctly', async () => {
    assert.equal(build.exitCode, 0, build.stderr);
    assert.ok(visibleText(await readSiteFile(build.outDir, 'index.html')).includes('The archive has no articles yet'), 'the home page explains');
    const failures: string[] = [];
    for (const file of await filesIn(build.outDir, '.html')) {
      for (const error of await htmlValidationErrors(await readSiteFile(build.outDir, file), file)) failures.push(`${file}:${error}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual((await crawlSite(build.outDir, '/', 'http://localhost:8080')).broken, []);
  });

  it('writes a feed with no entries and a valid sitemap', async () => {
    const atom = await readSiteFile(build.outDir, 'feed.xml');
    assert.deepEqual(await xmlWellFormednessErrors(atom), []);
    assert.equal(childElements(childElements(parseXml(atom), 'feed')[0]!, 'entry').length, 0);
    assert.deepEqual(await xmlSchemaErrors(await readSiteFile(build.outDir, 'sitemap.xml'), 'sitemap.xsd'), []);
  });
});
