// `--shard` takes a year or "site": anything else, or a year without articles, builds nothing
// and says why (exit status 2).

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { buildArchive, runCli } from '../helpers/run-build.ts';

describe('the --shard flag', () => {
  it('refuses a value that is neither a year nor "site"', async () => {
    const work = await temporaryDir('shard-args');
    const run = await runCli(['build', '--inbox', SAMPLE_INBOX, '--articles', path.join(work, 'a'), '--out', path.join(work, 's'), '--shard', 'recent']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /--shard must be a year \(e\.g\. 2015\) or "site", not "recent"/);
  });

  it('builds nothing for a year without articles, and says which years have them', async () => {
    const work = await temporaryDir('shard-empty');
    const articles = path.join(work, 'a');
    const full = await buildArchive(SAMPLE_INBOX, [], { articlesDir: articles });
    const year = full.report.articles[0]!.url.split('/')[1]!;
    const run = await runCli(['build', '--inbox', SAMPLE_INBOX, '--articles', articles, '--out', path.join(work, 's'), '--shard', '1901']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /has no article from 1901, so shard 1901 would be empty; nothing was built \(SHARD_EMPTY\)/);
    assert.ok(run.stderr.includes(`Build one of the years with articles (${year}), or --shard site.`), run.stderr);
  });

  it('says which years of a part have no articles, since a part is named by its first and last years', async () => {
    // Parts: 2010 (the newest year) and 2001-2004, which has no article from 2002 or 2003.
    const work = await temporaryDir('shard-gap');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    for (const year of [2001, 2004, 2010]) await writeFile(path.join(inbox, `${year}-05-01-story.txt`), `The story of ${year}\n\nIt happened in ${year}.\n`);
    const run = await runCli(['build', '--inbox', inbox, '--articles', path.join(work, 'a'), '--out', path.join(work, 's'), '--shard', '2002']);
    assert.equal(run.exitCode, 2, run.stderr);
    assert.match(run.stderr, /has no article from 2002, so shard 2002 would be empty/);
    assert.ok(run.stderr.includes('Build one of the years with articles (2001-2004 (but not 2002 or 2003), 2010), or --shard site.'), run.stderr);
  });
});
