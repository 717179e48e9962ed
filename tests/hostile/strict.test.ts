// --strict: warnings alone fail the build (exit status 1), though the site is still built and
// every problem listed. (Without --strict the same warnings exit 0: see tests/build.)

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

describe('a build with --strict and only warnings', () => {
  let build: BuildRun;

  before(async () => {
    const inbox = path.join(await temporaryDir('strict'), 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-01-01-title-only.txt'), 'A headline and nothing else\n');
    await writeFile(path.join(inbox, '2024-01-02-fine.txt'), 'A fine article\n\nWith a paragraph.\n');
    build = await buildArchive(inbox, ['--strict']);
  });

  it('exits with status 1 because of the warnings', () => {
    assert.equal(build.exitCode, 1);
    assert.deepEqual(build.report.problems.map((problem) => `${problem.severity} ${problem.code}`), ['warning ARTICLE_NO_BODY']);
    assert.match(build.stderr, /2024-01-01-title-only\.txt:1 {2}warning: has a headline but no article text \(ARTICLE_NO_BODY\)/);
  });

  it('still builds the site with both articles', () => {
    assert.equal(build.report.articles.length, 2);
    assert.ok(existsSync(path.join(build.outDir, '2024', 'a-headline-and-nothing-else', 'index.html')));
  });
});
