// Pagefind loads, for each query word, only the index chunk whose bounds hold the word itself
// (pagefind_web's request_indexes), so the words extending a prefix that sort into the next chunk
// were not found: "buck" found 11 BBC articles, not the 14 with buckinghamshire, buckland,
// buckling and bucks. The page now has Pagefind load the chunk where the prefix's last extension
// sorts too. Checked on a generated vocabulary, at every chunk boundary two chunks share a prefix.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { chunkForWord, readIndexChunks } from '../../src/bench/search-transfer.ts';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { Prng } from '../helpers/prng.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchInPage } from '../search/search-in-page.ts';

const skip = browserSkipReason();

// Letters no English (Snowball) ending is made of, and a final `k`, so that the index holds the
// words as written: no stem cut from them.
const LETTERS = 'abcfhjkmnopqruvwxz';
const ARTICLES = 160;
const WORDS_PER_ARTICLE = 90;

function generate(): { files: Record<string, string>; texts: string[] } {
  const random = new Prng(20261207);
  const word = () => Array.from({ length: random.int(4, 7) }, () => random.pick([...LETTERS])).join('') + 'k';
  const files: Record<string, string> = {};
  const texts: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const title = `Report ${word()} ${word()}`;
    const sentences = Array.from({ length: WORDS_PER_ARTICLE / 10 }, () => `${Array.from({ length: 10 }, word).join(' ')}.`);
    const day = String((i % 28) + 1).padStart(2, '0');
    files[`2024-03-${day}-report-${i}.txt`] = `${title}\n\n${sentences.join('\n\n')}\n`;
    texts.push(`${title} ${sentences.join(' ')}`.toLowerCase());
  }
  return { files, texts };
}

function commonPrefix(a: string, b: string): string {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return a.slice(0, length);
}

describe('a prefix whose words sort into two index chunks', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;
  let texts: string[];
  let prefixes: string[];

  before(async () => {
    const generated = generate();
    texts = generated.texts;
    const build = await buildArchive(await writeInbox('prefix-chunks', generated.files));
    assert.equal(build.exitCode, 0, build.stderr);
    const chunks = (await readIndexChunks(path.join(build.outDir, 'pagefind'))).en ?? [];
    assert.ok(chunks.length >= 3, `the index has ${chunks.length} chunks`);
    // Prefixes shared by a chunk's last word and the next chunk's first, of two letters or more,
    // whose words lie in those two chunks only: Pagefind found those of the first chunk alone.
    prefixes = [];
    for (let i = 0; i + 1 < chunks.length; i++) {
      const prefix = commonPrefix(chunks[i]![1], chunks[i + 1]![0]);
      if (prefix.length < 2 || !/^[a-z]+$/.test(prefix)) continue;
      if (chunkForWord(chunks, `${prefix}\u{10FFFF}`) !== chunks[i + 1]) continue;
      prefixes.push(prefix);
    }
    assert.ok(prefixes.length >= 2, `prefixes at chunk boundaries: ${prefixes.join(', ')}`);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds every article with a word starting with the prefix', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/search/`);
    const found = await searchInPage(watched.page, prefixes, 1);
    for (const [i, prefix] of prefixes.entries()) {
      const expected = texts.filter((text) => new RegExp(`(?:^|[^a-z])${prefix}`).test(text)).length;
      assert.ok(expected > 0);
      assert.equal(found[i]!.total, expected, `“${prefix}”`);
    }
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });
});
