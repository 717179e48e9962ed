// In Chromium, a page open on `broadsheet serve` (what `npm start` runs): it reloads itself after
// each rebuild, and when the configuration's pathPrefix changes it lands on the same page under
// the new prefix and keeps reloading after later rebuilds.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { builds, storyFolder, waitFor, whileServing } from '../helpers/serving.ts';

const skip = browserSkipReason();

describe('a page open on broadsheet serve', { skip }, () => {
  it('follows a pathPrefix change to the same page under the new prefix, and reloads after later rebuilds', async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-live-reload', { second: true });
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ pathPrefix: '/news/' }));
    const browser = await launchBrowser();
    try {
      await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
        const origin = `http://localhost:${port}`;
        await waitFor(async () => (builds(output()) === 1 ? (await fetch(`${origin}/news/`)).ok || undefined : undefined), `the server\n${output()}`);
        const page = await browser.newPage();
        await page.goto(`${origin}/news/`);
        const article = await page.locator('main a[href^="/news/2024/"]').first().getAttribute('href');
        assert.ok(article, 'the home page links the first story');
        await page.goto(`${origin}${article}`);
        // The live-reload socket is open once the development server's client says so.
        await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('reload-client.js')));
        await new Promise((resolve) => setTimeout(resolve, 500));

        await writeFile(config, JSON.stringify({ pathPrefix: '/paper/' }));
        const moved = article.replace('/news/', '/paper/');
        await page.waitForURL(`${origin}${moved}`, { timeout: 30_000 });
        assert.match(await page.locator('h1').innerText(), /The first story/);

        // Live reload still works: a new article reloads the page (its "next article" link appears).
        let loads = 0;
        page.on('load', () => loads++);
        await writeFile(path.join(inbox, 'second.txt'), 'The second story\n\nIt happened next.\n');
        await waitFor(async () => (loads > 0 ? true : undefined), `a reload after the rebuild\n${output()}`, 30_000);
        assert.equal(new URL(page.url()).pathname, moved);
        assert.match(await page.content(), /The second story/, 'the reloaded page links the new article');
      });
    } finally {
      await browser.close();
    }
  });
});
