// A language whose articles are all in an older index part (Arabic only in 2023, the newest year
// English, or the other way round) is searched with its own stemmer like any other: the page
// hosts that language's Pagefind instance on the part that has it, and older parts keep their
// languages' WebAssembly and Pagefind's worker for that. Checked on a full build under a path
// prefix, on the reverse case, and on a deploy assembled from shards.

import assert from 'node:assert/strict';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const ENGLISH_TITLE = 'Harbour works begin';
const ENGLISH = `${ENGLISH_TITLE}\n\nThe harbour authority said on Thursday that works on the new breakwater would begin next month.\n`;
const ARABIC_TITLE = 'أزمة المياه في المدينة';
const ARABIC = `${ARABIC_TITLE}\n\nقالت السلطات إن المياه ستعود إلى الأحياء الشرقية خلال أيام بعد إصلاح الخط الرئيسي.\n`;

/** An inbox of one English and one Arabic article, each in the year given. */
async function writeInbox(englishYear: number, arabicYear: number): Promise<string> {
  const inbox = path.join(await temporaryDir('older-languages'), 'inbox');
  await mkdir(inbox, { recursive: true });
  const english = `${englishYear}-05-02-harbour2.txt`;
  const arabic = `${arabicYear}-06-01-water.txt`;
  await writeFile(path.join(inbox, english), ENGLISH);
  await writeFile(path.join(inbox, arabic), ARABIC);
  await writeFile(path.join(inbox, 'meta.jsonl'), `${JSON.stringify({ file: arabic, language: 'ar' })}\n`);
  return inbox;
}

describe('a language found only in an older index part', { skip }, () => {
  let browser: Browser;
  const servers: StaticServer[] = [];

  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
  });

  async function expectFound(server: StaticServer, prefix: string, query: string, title: string) {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}${prefix}search/?q=${encodeURIComponent(query)}`);
    assert.match(await searchSettled(watched.page), new RegExp(`^1 result for “${query}”`));
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [title]);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  }

  it('finds Arabic in 2023 when 2024 is English, under a path prefix', async () => {
    const build = await buildArchive(await writeInbox(2024, 2023), ['--path-prefix', '/archive/']);
    assert.equal(build.exitCode, 0, build.stderr);
    const server = await serveStatic(build.outDir, '/archive/');
    servers.push(server);
    await expectFound(server, '/archive/', 'المياه', ARABIC_TITLE);
    await expectFound(server, '/archive/', 'harbour', ENGLISH_TITLE);
    assert.ok(server.requests.every((request) => request.startsWith('/archive/')), server.requests.join(', '));
    // The Arabic stemmer came from the 2023 part, the script from the primary bundle.
    assert.ok(server.requests.includes('/archive/pagefind/2023/wasm.ar.pagefind'), server.requests.join(', '));
  });

  it('finds English in 2023 when 2024 is Arabic', async () => {
    const build = await buildArchive(await writeInbox(2023, 2024));
    assert.equal(build.exitCode, 0, build.stderr);
    const server = await serveStatic(build.outDir);
    servers.push(server);
    await expectFound(server, '/', 'harbour', ENGLISH_TITLE);
    await expectFound(server, '/', 'المياه', ARABIC_TITLE);
  });

  it('finds both languages on a deploy assembled from shards', async () => {
    const inbox = await writeInbox(2024, 2023);
    const shards = await Promise.all(['2024', '2023', 'site'].map((shard) => buildArchive(inbox, ['--shard', shard])));
    const deployed = path.join(await temporaryDir('older-languages-deploy'), 'public');
    for (const shard of shards) {
      assert.equal(shard.exitCode, 0, shard.stderr);
      await cp(shard.outDir, deployed, { recursive: true, errorOnExist: true, force: false });
    }
    const server = await serveStatic(deployed);
    servers.push(server);
    await expectFound(server, '/', 'المياه', ARABIC_TITLE);
    await expectFound(server, '/', 'harbour', ENGLISH_TITLE);
  });
});
