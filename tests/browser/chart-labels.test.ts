// In Chromium, on a real build of an archive spanning four years by month: every chart's axis
// labels (periods and counts) are drawn at 12 px or more on screen and none overlaps another, at
// 320 px and at 1280 px wide, light and dark. Screenshots are written to the temp folder for a
// look by eye.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, closeServed, openWatchedPage, serveInBrowser } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';

const skip = browserSkipReason();
// 48 months: the archive is counted per month ("Jan 2021" … "Dec 2024"), the longest labels.
const MONTHS = 48;

interface Label {
  text: string;
  box: { left: number; right: number; top: number; bottom: number };
  /** The font size as drawn on screen: the computed size times the SVG's scale. */
  screenPx: number;
}

describe('chart labels in Chromium', { skip }, () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    const inbox = path.join(await temporaryDir('chart-labels'), 'inbox');
    await mkdir(path.join(inbox, 'world'), { recursive: true });
    const meta: string[] = [];
    for (let m = 0; m < MONTHS; m++) {
      const year = 2021 + Math.floor(m / 12);
      const month = String((m % 12) + 1).padStart(2, '0');
      // One to four articles a month, so the count axis has several whole ticks.
      for (let n = 0; n <= m % 4; n++) {
        const file = `report-${year}-${month}-${n}.txt`;
        await writeFile(path.join(inbox, 'world', file), `Harbour report ${n + 1} for ${year}-${month}\n\nThe harbour office published its figures for ${year}-${month}, report number ${n + 1} of the month.\n`);
        meta.push(JSON.stringify({ file, date: `${year}-${month}-1${n}` }));
      }
    }
    await writeFile(path.join(inbox, 'world', 'meta.jsonl'), `${meta.join('\n')}\n`);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const width of [320, 1280]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`draws every chart's labels at 12 px or more, none overlapping, ${width} px wide, ${colorScheme}`, async () => {
        const watched = await openWatchedPage(browser!, server!.origin);
        await watched.page.setViewportSize({ width, height: 900 });
        await watched.page.emulateMedia({ colorScheme });
        const problems: string[] = [];
        let charts = 0;
        for (const sitePath of ['/', '/archive/', '/sections/world/']) {
          await watched.page.goto(`${server!.origin}${sitePath}`);
          const scrollWidth = await watched.page.evaluate('document.documentElement.scrollWidth');
          if ((scrollWidth as number) > width) problems.push(`${sitePath} scrolls sideways (${String(scrollWidth)} px)`);
          const figures = watched.page.locator('figure.chart');
          charts += await figures.count();
          for (const [index, figure] of (await figures.all()).entries()) {
            const labels: Label[] = await figure.evaluate((element) =>
              [...element.querySelectorAll('svg text')]
                .filter((text) => getComputedStyle(text).display !== 'none' && text.getBoundingClientRect().width > 0)
                .map((text) => {
                  const box = text.getBoundingClientRect();
                  const scale = (text as SVGTextElement).getScreenCTM()?.d ?? 0;
                  return { text: text.textContent ?? '', box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, screenPx: parseFloat(getComputedStyle(text).fontSize) * scale };
                }),
            );
            if (labels.length < 2) problems.push(`${sitePath} chart ${index}: ${labels.length} labels`);
            for (const label of labels) if (label.screenPx < 12) problems.push(`${sitePath} chart ${index}: "${label.text}" is ${label.screenPx.toFixed(1)} px`);
            for (const [i, a] of labels.entries()) {
              for (const b of labels.slice(i + 1)) {
                if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) problems.push(`${sitePath} chart ${index}: "${a.text}" overlaps "${b.text}"`);
              }
            }
          }
          await watched.page.screenshot({ path: path.join(os.tmpdir(), `broadsheet-chart-labels${sitePath.replace(/\//g, '-')}${width}-${colorScheme}.png`), fullPage: true });
        }
        assert.ok(charts >= 3, `${charts} charts on the pages`);
        assert.deepEqual(problems, []);
        assert.deepEqual(watched.consoleMessages, []);
        assert.deepEqual(watched.foreignRequests, []);
        await watched.page.context().close();
      });
    }
  }
});
