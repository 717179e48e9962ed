// In Chromium: an entity page's coverage chart is well-formed SVG, is drawn in the theme's
// colours in light and in dark mode, passes axe's accessibility rules, and the console stays
// empty. Screenshots of both themes are written to the temp folder for a look by eye.

import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/linking');
const ENTITY_PAGE = '/people/maria-lindqvist/';

describe('an entity page’s chart in Chromium', { skip }, () => {
  let server: StaticServer;
  let browser: Browser;

  before(async () => {
    const build = await buildArchive(path.join(FIXTURE, 'inbox'), ['--config', path.join(FIXTURE, 'broadsheet.config.json')]);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('is well-formed SVG with one bar per month that has articles', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}${ENTITY_PAGE}`);
    const result = await watched.page.evaluate(() => {
      const svg = document.querySelector('#term-coverage svg')!;
      const parsed = new DOMParser().parseFromString(svg.outerHTML, 'image/svg+xml');
      return {
        errors: parsed.getElementsByTagName('parsererror').length,
        root: parsed.documentElement.localName,
        bars: svg.querySelectorAll('rect[fill="currentColor"]').length,
        width: svg.getBoundingClientRect().width,
      };
    });
    assert.deepEqual({ errors: result.errors, root: result.root, bars: result.bars }, { errors: 0, root: 'svg', bars: 2 });
    assert.ok(result.width > 200, `the chart is drawn at a readable width (${result.width}px)`);
    assert.deepEqual(watched.consoleMessages, []);
  });

  it('follows the colour scheme: bars and labels change colour in dark mode; screenshots are saved', async () => {
    const colours: Record<string, { bar: string; background: string }> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.emulateMedia({ colorScheme: scheme });
      await watched.page.setViewportSize({ width: 900, height: 1100 });
      await watched.page.goto(`${server.origin}${ENTITY_PAGE}`);
      colours[scheme] = await watched.page.evaluate(() => ({
        bar: getComputedStyle(document.querySelector('#term-coverage rect[fill="currentColor"]')!).fill,
        background: getComputedStyle(document.body).backgroundColor,
      }));
      await watched.page.screenshot({ path: path.join(os.tmpdir(), `broadsheet-entity-page-${scheme}.png`), fullPage: true });
      assert.deepEqual(watched.consoleMessages, []);
    }
    assert.notEqual(colours.light!.bar, colours.dark!.bar);
    assert.notEqual(colours.light!.background, colours.dark!.background);
    assert.notEqual(colours.dark!.bar, colours.dark!.background);
  });

  it('passes axe-core’s accessibility rules', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}${ENTITY_PAGE}`);
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated through the DevTools protocol: the page's CSP rightly forbids inline scripts.
    await watched.page.evaluate(axeSource);
    const violations = await watched.page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
      return (await axe.run(document)).violations.map((violation) => `${violation.id} (${violation.nodes.length})`);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(watched.consoleMessages, []);
  });
});
