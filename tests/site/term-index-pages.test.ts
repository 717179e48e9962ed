// A kind of term (people, organisations, places, tags, sections) has index pages exactly when the
// home page links to them, which it does when the kind has pages: an archive without people
// publishes no orphan "People" index.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { TERM_KIND_ORDER, TERM_KINDS } from '../../src/site/indexes/terms.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';

describe('term index pages', () => {
  it('exist for the kinds the home page links and for no other', async () => {
    const inbox = path.join(await temporaryDir('term-index-pages'), 'inbox');
    await mkdir(path.join(inbox, 'weather'), { recursive: true });
    // No names anywhere: the articles have a section (their folder) and nothing else to link.
    await writeFile(path.join(inbox, 'weather', '2024-02-01-rain.txt'), 'Rain expected all week\n\nforecasters said rain would fall on most days this week.\n');
    await writeFile(path.join(inbox, 'weather', '2024-02-02-frost.txt'), 'Frost warning for the valley\n\nfrost is likely overnight in the valley and on the hills.\n');
    const build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    const home = await readFile(path.join(build.outDir, 'index.html'), 'utf8');
    const linked = TERM_KIND_ORDER.filter((kind) => home.includes(`href="/${TERM_KINDS[kind].segment}/"`));
    const built = TERM_KIND_ORDER.filter((kind) => existsSync(path.join(build.outDir, TERM_KINDS[kind].segment, 'index.html')));
    assert.ok(linked.includes('section'), `the home page links the sections: ${linked.join(', ')}`);
    assert.ok(!linked.includes('person'), 'no people, so no link');
    assert.deepEqual(built, linked);
    for (const kind of TERM_KIND_ORDER.filter((kind) => !linked.includes(kind))) {
      assert.equal(existsSync(path.join(build.outDir, TERM_KINDS[kind].segment, 'by-count', 'index.html')), false, kind);
    }
  });
});
