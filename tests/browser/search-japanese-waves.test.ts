// A Japanese query is searched in waves like any other: the newest years first, older ones only
// when a search needs them. Japanese is written in kanji and kana, so a query of kanji alone (東京)
// is Japanese too; read as a script no loaded index was written in, it merged every part of the
// archive before searching, whatever the first wave held.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, openWatchedPage, serveInBrowser, closeServed } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import type { StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

// Districts and things, so that no two articles have the same text.
const PLACES = ['品川', '渋谷', '新宿', '上野', '浅草', '銀座', '池袋', '目黒', '中野', '杉並', '練馬', '板橋'];
const THINGS = ['図書館', '市場', '病院', '公園'];
const NEWEST = 22;
const OLDER = 3;

/** Japanese articles that all mention 東京: NEWEST in 2025, OLDER in 2023; three English in 2021. */
async function writeInbox(): Promise<string> {
  const inbox = path.join(await temporaryDir('japanese-waves'), 'inbox');
  await mkdir(inbox, { recursive: true });
  const meta: string[] = [];
  const japanese = (year: number, n: number) => {
    const place = PLACES[n % PLACES.length]!;
    const thing = THINGS[Math.floor(n / PLACES.length) % THINGS.length]!;
    return { file: `${year}-0${1 + (n % 9)}-${10 + (n % 18)}-tokyo-${n}.txt`, text: `東京の${place}に新しい${thing}が開館した\n\n東京都は${year}年、${place}区の${thing}を公開したと発表した。番号は${n}番である。\n` };
  };
  for (let n = 0; n < NEWEST; n++) {
    const { file, text } = japanese(2025, n);
    await writeFile(path.join(inbox, file), text);
    meta.push(JSON.stringify({ file, language: 'ja' }));
  }
  for (let n = 0; n < OLDER; n++) {
    const { file, text } = japanese(2023, n + NEWEST);
    await writeFile(path.join(inbox, file), text);
    meta.push(JSON.stringify({ file, language: 'ja' }));
    await writeFile(path.join(inbox, `2021-03-0${n + 1}-harbour-${n}.txt`), `Harbour report number ${n + 1}\n\nThe harbour office published its report number ${n + 1} for the spring season.\n`);
  }
  await writeFile(path.join(inbox, 'meta.jsonl'), `${meta.join('\n')}\n`);
  return inbox;
}

describe('a Japanese query on an archive searched in waves', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    // Parts of a few articles and a first wave of 2025 alone, as on a large archive.
    const build = await buildArchive(await writeInbox(), [], {}, { BROADSHEET_SEARCH_PART_PAGES: '5', BROADSHEET_SEARCH_FIRST_WAVE: String(NEWEST + 1) });
    assert.equal(build.exitCode, 0, build.stderr);
    ({ server, browser } = await serveInBrowser(build.outDir));
  });
  after(() => closeServed(browser, server));

  for (const [kind, query] of [
    ['kanji alone', '東京'],
    ['mostly kana', 'の新しい東京'],
  ] as const) {
    it(`searches the newest year first for a query of ${kind}, leaving older years unloaded`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      const before = server.requests.length;
      await watched.page.goto(`${server.origin}/search/?q=${encodeURIComponent(query)}`);
      assert.equal(await searchSettled(watched.page), `${NEWEST} results for “${query}” from 2025 (2021–2023 not searched yet).`);
      const older = server.requests.slice(before).filter((request) => /^\/pagefind\/\d{4}/.test(request));
      assert.deepEqual(older, []);
      // "Search all years" still finds the older articles.
      await watched.page.locator('#search-all-years').click();
      assert.equal(await searchSettled(watched.page), `${NEWEST + OLDER} results for “${query}”.`);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }
});
