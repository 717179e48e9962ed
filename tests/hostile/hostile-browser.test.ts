// In Chromium, every page of the hostile build (and search results for the attack words):
// no dialog opens, no script error or warning is logged, nothing is requested from elsewhere.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import { publishedDocuments } from '../helpers/inert-output.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { hostileCases } from './cases.ts';
import { writeHostileWorkspace } from './hostile-inbox.ts';

const skip = browserSkipReason();

describe('the hostile build in Chromium', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    // The generated megabyte inputs add nothing here but minutes of page loading.
    const workspace = await writeHostileWorkspace(hostileCases().filter((entry) => !entry.large));
    build = await buildArchive(workspace.inbox, [], { articlesDir: workspace.articles, outDir: path.join(workspace.work, 'site') });
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, server.origin);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens every page with no dialog, an empty console and no foreign request', async () => {
    const pages = (await publishedDocuments(build.outDir)).filter((file) => file.endsWith('.html'));
    assert.ok(pages.length >= build.report.articles.length + 2, `${pages.length} pages for ${build.report.articles.length} articles`);
    for (const file of pages) {
      const sitePath = `/${path.relative(build.outDir, file).split(path.sep).join('/')}`.replace(/index\.html$/, '');
      const response = await watched.page.goto(`${server.origin}${sitePath}`, { waitUntil: 'load' });
      assert.equal(response?.status(), 200, `${sitePath} answers`);
    }
    assert.deepEqual(watched.dialogs, []);
    assert.deepEqual(watched.consoleMessages, []);
    assert.deepEqual(watched.foreignRequests, []);
  });

  it('shows search results for attack words (script, onerror, javascript) with no dialog and an empty console', async () => {
    for (const query of ['script', 'onerror', 'javascript', 'alert']) {
      await watched.page.goto(`${server.origin}/search/?q=${query}`);
      await watched.page.locator('.search-result-title a').first().waitFor();
      await watched.page.waitForTimeout(200);
    }
    assert.deepEqual(watched.dialogs, []);
    assert.deepEqual(watched.consoleMessages, []);
    assert.deepEqual(watched.foreignRequests, []);
  });
});
