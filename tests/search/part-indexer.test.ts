// A part's pages reach Pagefind through a folder written on a thread of its own: every page is
// there when the real indexer starts, two parts can be written at once, and a folder that
// cannot be written fails the part with a message naming it.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PagefindCli } from '../../src/search/pagefind-cli.ts';
import { indexPart, readEntry, type IndexPage } from '../../src/search/part-indexer.ts';
import { temporaryDir } from '../helpers/paths.ts';

/** `count` article pages of `year` in path order, each with a word of its own. */
function* pagesOf(year: string, count: number): Generator<IndexPage> {
  const names = Array.from({ length: count }, (_, index) => `story-${String(index).padStart(4, '0')}`);
  for (const name of names) {
    yield {
      sourcePath: `${year}/${name}/index.html`,
      content: `<!doctype html><html lang="en"><body><article data-pagefind-body><h1>${name}</h1><p>Word${year}x${name.replace('-', '')} appears once.</p></article></body></html>`,
    };
  }
}

async function pagesIndexed(outputPath: string): Promise<number> {
  const entry = await readEntry(path.join(outputPath, 'pagefind-entry.json'));
  return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
}

describe('writing a part for Pagefind', () => {
  it('indexes every page of two parts written at the same time, over many batches, and removes their folders', { timeout: 120_000 }, async () => {
    const dir = await temporaryDir('part-indexer');
    const cli = new PagefindCli();
    const part = (year: string, count: number) => {
      const paths = { outputPath: path.join(dir, `bundle-${year}`), logfile: path.join(dir, `${year}.log`), scratchDir: path.join(dir, `pages-${year}`) };
      return { paths, outcome: indexPart(cli, pagesOf(year, count), paths) };
    };
    // More pages than one batch (100), and a part smaller than one, interleaved on the same thread.
    const parts = [part('2001', 250), part('2002', 30)];
    const outcomes = await Promise.all(parts.map(({ outcome }) => outcome));
    assert.deepEqual(
      outcomes.map(({ errors }) => errors),
      [[], []],
    );
    assert.equal(await pagesIndexed(parts[0]!.paths.outputPath), 250);
    assert.equal(await pagesIndexed(parts[1]!.paths.outputPath), 30);
    for (const { paths } of parts) assert.equal(existsSync(paths.scratchDir), false, `${paths.scratchDir} is removed`);
  });

  it('fails with a message naming the folder when a page cannot be written', { timeout: 60_000 }, async () => {
    const dir = await temporaryDir('part-indexer-unwritable');
    const scratchDir = path.join(dir, 'pages');
    // The second page's folder would have to be made inside the first page's file.
    const pages = function* (): Generator<IndexPage> {
      yield { sourcePath: 'x/index.html', content: '<html lang="en"><body data-pagefind-body>x</body></html>' };
      yield { sourcePath: 'x/index.html/y/index.html', content: '<html lang="en"><body data-pagefind-body>y</body></html>' };
    };
    const outcome = indexPart(new PagefindCli(), pages(), { outputPath: path.join(dir, 'bundle'), logfile: path.join(dir, 'log'), scratchDir });
    await assert.rejects(outcome, (error: unknown) => error instanceof Error && error.message.includes(`search index in ${scratchDir}`) && /ENOTDIR/.test(error.message));
    assert.equal(existsSync(scratchDir), false, 'the folder is removed after a failure too');
    assert.equal(existsSync(path.join(dir, 'bundle')), false, 'Pagefind did not run');
  });
});
