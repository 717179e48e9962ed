// A source too large to build safely (a build holds about 65 times a source's size in memory) is
// left out with an error naming it and its size, and the rest of the inbox is built; the limit
// can be raised. Tested with a limit of 1 MB, so the files stay small.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_SOURCE_MB, maxSourceBytes } from '../../src/ingest/source-size.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';

/** An article of about `megabytes` MB: a headline and paragraphs of ordinary sentences. */
function articleOf(megabytes: number): string {
  const paragraph = 'The council met on Tuesday to discuss the harbour, the roads and the budget for the coming year. ';
  const paragraphs = Math.ceil((megabytes * 1024 * 1024) / (paragraph.length * 4 + 2));
  return `A long record of the council\n\n${Array.from({ length: paragraphs }, () => paragraph.repeat(4).trim()).join('\n\n')}\n`;
}

describe('a source over the size limit', () => {
  it('is left out with an error naming its size, and the rest is built', async () => {
    const inbox = path.join(await temporaryDir('source-size'), 'inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, '2024-03-01-record.txt'), articleOf(1.5));
    await writeFile(path.join(inbox, '2024-03-02-short.txt'), 'Ferry timetable changes\n\nThe ferry will leave at seven from Monday.\n');

    const limited = await buildArchive(inbox, [], {}, { BROADSHEET_MAX_SOURCE_MB: '1' });
    assert.equal(limited.exitCode, 1, limited.stderr);
    assert.deepEqual(limited.report.articles.map((article) => article.title), ['Ferry timetable changes']);
    const [problem, ...others] = limited.report.problems;
    assert.deepEqual(others, []);
    assert.equal(problem!.code, 'SOURCE_TOO_LARGE');
    assert.match(problem!.file, /2024-03-01-record\.txt$/);
    assert.match(problem!.message, /^is 1\.5 MB, over the 1\.0 MB a source may be/);
    assert.match(problem!.hint, /BROADSHEET_MAX_SOURCE_MB/);

    // Under the default limit the same file is an article like any other.
    const built = await buildArchive(inbox);
    assert.equal(built.exitCode, 0, built.stderr);
    assert.deepEqual(built.report.articles.map((article) => article.title).sort(), ['A long record of the council', 'Ferry timetable changes']);
  });

  it('is 16 MB unless BROADSHEET_MAX_SOURCE_MB says otherwise, in whole megabytes', () => {
    assert.equal(DEFAULT_MAX_SOURCE_MB, 16);
    assert.equal(maxSourceBytes({}), 16 * 1024 * 1024);
    assert.equal(maxSourceBytes({ BROADSHEET_MAX_SOURCE_MB: '64' }), 64 * 1024 * 1024);
    assert.throws(() => maxSourceBytes({ BROADSHEET_MAX_SOURCE_MB: '0.5' }), /must be a whole number of megabytes above 0/);
  });
});
