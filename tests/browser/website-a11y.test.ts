// In Chromium, on a real build served under a path prefix: axe-core finds no violations on the
// home page, an article (English and Arabic), a month list and the search page; pages fit a
// 320 px screen; dark mode, print and the skip link work; the console stays empty and no
// request leaves localhost.

import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import { PROJECT_ROOT, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { composeInbox } from '../helpers/site-files.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
const PREFIX = '/archive/';
const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/site/inbox');
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
}

describe('the website in Chromium', { skip }, () => {
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  let watched: WatchedPage;
  let axeSource: string;
  const urlOf = (title: string) => build.report.articles.find((article) => article.title.startsWith(title))!.url;

  before(async () => {
    // Two articles per page, so listings are paginated.
    const config = path.join(await temporaryDir('a11y-config'), 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ title: 'Accessibility Test Archive', pageSize: 2 }));
    build = await buildArchive(await composeInbox(SAMPLE_INBOX, FIXTURES), ['--path-prefix', PREFIX, '--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
    server = await serveStatic(build.outDir, PREFIX);
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, server.origin);
    axeSource = await readFile(AXE_SOURCE, 'utf8');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function axeViolations(sitePath: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
    await watched.page.emulateMedia({ colorScheme });
    const response = await watched.page.goto(`${server.origin}${sitePath}`, { waitUntil: 'load' });
    assert.equal(response?.status(), 200, sitePath);
    // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) still holds for the page itself.
    await watched.page.evaluate(axeSource);
    const options = { resultTypes: ['violations'] };
    const result = (await watched.page.evaluate(
      (runOptions) => (window as unknown as { axe: { run(options: unknown): Promise<unknown> } }).axe.run(runOptions),
      options,
    )) as AxeResult;
    return result.violations.map((violation) => `${sitePath} (${colorScheme}): ${violation.id} ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }

  it('has no axe-core violations on the home page and its second page, articles, the date archive, about, 404 and search pages, light and dark', async () => {
    const paths = [PREFIX, urlOf('Council Votes'), urlOf('افتتاح'), urlOf('<script>'), `${PREFIX}page/2/`, `${PREFIX}archive/2024/03/`, `${PREFIX}archive/2024/`, `${PREFIX}archive/`, `${PREFIX}about/`, `${PREFIX}404.html`, `${PREFIX}search/?q=harbour`];
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const sitePath of paths) violations.push(...(await axeViolations(sitePath, colorScheme)));
    }
    assert.deepEqual(violations, []);
  });

  it('fits a 320 px wide screen without sideways scrolling, left-to-right and right-to-left', async () => {
    await watched.page.setViewportSize({ width: 320, height: 700 });
    for (const sitePath of [PREFIX, urlOf('Council Votes'), urlOf('افتتاح'), urlOf('<script>'), `${PREFIX}archive/2024/03/`, `${PREFIX}about/`]) {
      await watched.page.goto(`${server.origin}${sitePath}`);
      const width = await watched.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${sitePath} is ${width} px wide`);
    }
    await watched.page.setViewportSize({ width: 1280, height: 800 });
  });

  it('switches colours with prefers-color-scheme', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      await watched.page.emulateMedia({ colorScheme });
      await watched.page.goto(`${server.origin}${PREFIX}`);
      return watched.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const light = await background('light');
    const dark = await background('dark');
    assert.notEqual(light, dark);
    await watched.page.emulateMedia({ colorScheme: 'light' });
  });

  it('prints without navigation, with external link targets written out and no bare site paths', async () => {
    await watched.page.goto(`${server.origin}${urlOf('<script>')}`);
    await watched.page.emulateMedia({ media: 'print' });
    const printed = await watched.page.evaluate(() => ({
      nav: getComputedStyle(document.querySelector('.site-nav')!).display,
      search: getComputedStyle(document.querySelector('.site-search')!).display,
      after: getComputedStyle(document.querySelector('.provenance a')!, '::after').content,
      internal: [...document.querySelectorAll('main a[href^="/"]')].map((link) => getComputedStyle(link, '::after').content),
    }));
    await watched.page.emulateMedia({ media: 'screen' });
    assert.equal(printed.nav, 'none');
    assert.equal(printed.search, 'none');
    assert.match(printed.after, /example\.com\/story/);
    // Served at localhost, the site has no address worth printing: a bare site path is no use on paper.
    assert.ok(printed.internal.length > 0);
    assert.deepEqual(new Set(printed.internal), new Set(['none']));
  });

  it('shows the skip link on the first Tab and moves focus to the main content with it', async () => {
    await watched.page.goto(`${server.origin}${PREFIX}`);
    await watched.page.keyboard.press('Tab');
    const focused = await watched.page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, visible: box.top >= 0 && box.bottom > 0, outline: getComputedStyle(element).outlineStyle };
    });
    assert.deepEqual(focused, { text: 'Skip to content', visible: true, outline: 'solid' });
    await watched.page.keyboard.press('Enter');
    assert.equal(await watched.page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('ends with an empty console, no dialogs and no request leaving localhost', () => {
    assert.deepEqual(watched.consoleMessages, []);
    assert.deepEqual(watched.dialogs, []);
    assert.deepEqual(watched.foreignRequests, []);
  });
});
