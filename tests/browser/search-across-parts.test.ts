// An archive whose index is in parts (one per year here) searches as one index would: a part
// without a query word does not add Pagefind's fallback for it. Each merged index looks words up
// on its own, and one that has no word starting with the query's stem matches the longest word it
// has that the stem starts with: "out" for "outpaced", "fly" and "flies" for "flip". One index
// holding the word never does that. Checked in Chromium on a real build of two parts, by
// relevance and newest first; a word being typed still finds its longer forms in every part.

import assert from 'node:assert/strict';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchPageTitles } from '../search/search-in-page.ts';

const skip = browserSkipReason();

// 2024 is the newest year, so its own part (the primary bundle); 2023 is the older part. The 2024
// articles hold words that are prefixes of 2023's words, never the words themselves.
const NEWER: Record<string, string> = {
  '2024-03-01-out.txt': 'Rovers knocked out of the cup\n\nRovers went out in the third round after a late goal. The manager said his side were found out at the back.\n',
  '2024-03-02-fly.txt': 'Air show returns to the harbour\n\nVintage planes will fly over the harbour on Saturday. Organisers said the flying display flies at noon.\n',
  '2024-03-03-kes.txt': 'Film club shows Kes\n\nThe film club will show Kes on Thursday evening at the library.\n',
};
const OLDER: Record<string, string> = {
  '2023-06-01-derby.txt': 'United outpaced in the derby\n\nUnited were outpaced by City in the derby. A late flip of fortune came too late for the visitors.\n',
  '2023-06-02-harbours.txt': 'Harbours face winter storms\n\nThe harbours of the coast braced for winter storms this week.\n',
};

describe('search over an index in parts matches as one index', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = path.join(await temporaryDir('search-across-parts'), 'inbox');
    await mkdir(inbox, { recursive: true });
    for (const [name, text] of Object.entries({ ...NEWER, ...OLDER })) await writeFile(path.join(inbox, name), text);
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    // The premise: two index parts, the older year in a bundle of its own.
    assert.deepEqual((await readdir(path.join(build.outDir, 'pagefind'), { withFileTypes: true })).filter((entry) => entry.isDirectory() && /^\d{4}/.test(entry.name)).map((entry) => entry.name), ['2023']);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const search = (query: string, order?: string) => searchPageTitles(browser, server, query, order);

  for (const [query, title] of [
    ['outpaced', 'United outpaced in the derby'],
    ['flip', 'United outpaced in the derby'],
    ['outpaced derby', 'United outpaced in the derby'],
  ] as const) {
    it(`finds only the article with “${query}”, not the newer part’s shorter words`, async () => {
      const found = await search(query);
      assert.deepEqual(found.titles, [title]);
      assert.match(found.status, new RegExp(`^1 result for “${query}”`));
    });
  }

  it('finds only the article with the word newest first too', async () => {
    const found = await search('outpaced', 'newest');
    assert.deepEqual(found.titles, ['United outpaced in the derby']);
    assert.match(found.status, /^1 result for “outpaced”/);
  });

  it('still finds the longer words of a word being typed, in both parts', async () => {
    const found = await search('harb');
    assert.deepEqual(found.titles.sort(), ['Air show returns to the harbour', 'Harbours face winter storms']);
  });

  it('finds nothing for a word no article has, rather than matches on a shorter word', async () => {
    // Pagefind alone would match "Kes" in the 2024 part for "kestrel".
    const found = await search('kestrel');
    assert.deepEqual(found.titles, []);
    assert.match(found.status, /^No results for “kestrel”/);
  });
});
