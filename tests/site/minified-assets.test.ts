// The search page's scripts and the stylesheets are written minified (src/site/minify-assets.ts):
// smaller, with the same exports doing the same things, and made once per content (cached).

import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { ASSETS_DIR, writeAssets } from '../../src/site/assets.ts';
import { minifiedAsset } from '../../src/site/minify-assets.ts';
import { temporaryDir } from '../helpers/paths.ts';

/** What the test uses of assets/search-rank.js. */
interface Rank {
  RANKING: Record<string, unknown>;
  idf(total: number, containing: number): number;
  termWords(query: string): string[];
}

describe('minified assets', () => {
  it('writes every script and stylesheet smaller, gzip-compressed too, and the other files as they are', async () => {
    const written = new Map<string, Uint8Array>();
    await writeAssets(async (sitePath, content) => void written.set(sitePath, content));
    const names = (await readdir(ASSETS_DIR)).sort();
    assert.deepEqual([...written.keys()].sort(), names.map((name) => `assets/${name}`));
    let sources = 0;
    let minified = 0;
    for (const name of names) {
      const source = await readFile(path.join(ASSETS_DIR, name));
      const output = Buffer.from(written.get(`assets/${name}`)!);
      if (/\.(js|css)$/.test(name)) {
        assert.ok(output.length < source.length, `${name}: ${output.length} bytes written, ${source.length} in assets/`);
        sources += gzipSync(source).length;
        minified += gzipSync(output).length;
      } else {
        assert.ok(output.equals(source), `${name} is written as it is`);
      }
    }
    // The comments that explain the sources are most of their bytes even compressed.
    assert.ok(minified < sources * 0.7, `${minified} bytes gzip-compressed against ${sources}`);
  });

  it('keeps a script’s exports, which compute what the source computes', async () => {
    const work = await temporaryDir('minified-assets');
    const file = path.join(work, 'search-rank.js');
    await writeFile(file, await minifiedAsset('search-rank.js', await readFile(path.join(ASSETS_DIR, 'search-rank.js')), path.join(work, 'cache')));
    const [source, output] = (await Promise.all([import(pathToFileURL(path.join(ASSETS_DIR, 'search-rank.js')).href), import(pathToFileURL(file).href)])) as [Rank, Rank];
    assert.deepEqual(Object.keys(output).sort(), Object.keys(source).sort());
    assert.deepEqual(output.RANKING, source.RANKING);
    for (const [total, containing] of [[10, 1], [5000, 37], [100_000, 99_999]] as const) assert.equal(output.idf(total, containing), source.idf(total, containing));
    assert.deepEqual(output.termWords('Harbour “board” plans, 2024'), source.termWords('Harbour “board” plans, 2024'));
  });

  it('minifies a file once, then reads it from the cache', async () => {
    const cache = path.join(await temporaryDir('minified-assets-cache'), 'cache');
    const css = Buffer.from('/* a comment */\nbody {\n  color: red;\n}\n');
    const first = Buffer.from(await minifiedAsset('site.css', css, cache));
    assert.equal(first.toString().trim(), 'body{color:red}');
    // What the next build reads is the cached file: changed by hand here, the change shows.
    const [cached] = await readdir(cache);
    await writeFile(path.join(cache, cached!), 'body{color:blue}');
    assert.equal(Buffer.from(await minifiedAsset('site.css', css, cache)).toString(), 'body{color:blue}');
  });

  it('still minifies when the cache cannot be written, and leaves a file esbuild cannot read as it is', async () => {
    const work = await temporaryDir('minified-assets-nocache');
    const notAFolder = path.join(work, 'file');
    await writeFile(notAFolder, '');
    const js = Buffer.from('export function add(first, second) {\n  // adds\n  return first + second;\n}\n');
    const output = Buffer.from(await minifiedAsset('add.js', js, path.join(notAFolder, 'cache')));
    assert.ok(output.length < js.length && !output.includes('adds'), output.toString());
    await writeFile(path.join(work, 'add.js'), output);
    const { add } = (await import(pathToFileURL(path.join(work, 'add.js')).href)) as { add: (first: number, second: number) => number };
    assert.equal(add(2, 3), 5);
    const broken = Buffer.from('export function (');
    assert.ok(Buffer.from(await minifiedAsset('broken.js', broken, path.join(work, 'cache'))).equals(broken));
  });
});
