// `--force` rebuilds everything (docs/scaling.md: the remedy for files damaged or deleted in the
// output, which a rebuild trusts its records for), the search bundles included: a bundle is not
// taken from the previous output however well its record matches the pages.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';

const story = (title: string, words: string) => `${title}\n\nThe ${words} were discussed at length by the council on Tuesday, members said after the meeting.\n`;

describe('a build with --force', { timeout: 120_000 }, () => {
  it('indexes every search part again, restoring bundle files deleted from the output', async () => {
    const inbox = await writeInbox('force-rebuild', {
      '2021-03-01-harbour.txt': story('Harbour dues rise', 'harbour dues'),
      '2021-04-01-ferry.txt': story('Ferry timetable changes', 'ferry timetables'),
      '2005-05-01-pier.txt': story('Pier repairs begin', 'pier repairs'),
    });
    const work = await temporaryDir('force-rebuild');
    const dirs = { outDir: path.join(work, 'site'), articlesDir: path.join(work, 'articles') };
    const first = await buildArchive(inbox, [], dirs, { BROADSHEET_SEARCH_PART_PAGES: '1' });
    assert.equal(first.exitCode, 0, first.stderr);
    assert.deepEqual(first.report.search?.parts.built.sort(), ['2005', '2021']);
    // Damage both bundles the way a careless sync or clean-up would.
    const fragments = path.join(dirs.outDir, 'pagefind/2005/fragment');
    const [fragment] = await readdir(fragments);
    await rm(path.join(dirs.outDir, 'pagefind/pagefind.js'));
    await rm(path.join(fragments, fragment!));

    const forced = await buildArchive(inbox, ['--force'], dirs, { BROADSHEET_SEARCH_PART_PAGES: '1' });
    assert.equal(forced.exitCode, 0, forced.stderr);
    assert.deepEqual(forced.report.search?.parts.reused, []);
    assert.deepEqual(forced.report.search?.parts.built.sort(), ['2005', '2021']);
    assert.ok(existsSync(path.join(dirs.outDir, 'pagefind/pagefind.js')), 'the search script is back');
    assert.ok(existsSync(path.join(fragments, fragment!)), 'the fragment is back');
  });
});
