// A source with a problem on every line (a file damaged throughout) is ingested in time that
// grows with its problems, not with their square: the ingest cache files each under its source.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

describe('a source with a problem on every line', () => {
  it('is ingested with its 100,000 warnings in seconds, each line named', async () => {
    const work = await temporaryDir('many-problems');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox, { recursive: true });
    const lines = Array.from({ length: 100_000 }, (_, i) => `Line ${i} has a damaged \uFFFD character.`);
    await writeFile(path.join(inbox, '2024-01-01-damaged.txt'), `A damaged source\n\n${lines.join('\n\n')}\n`);
    const problems = new ProblemLog();
    const started = performance.now();
    await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', parseOn: 'main' }, problems);
    const seconds = (performance.now() - started) / 1000;
    // About 2 s here; filing each problem by copying its source's list (quadratic) took 16 s for 60,000.
    assert.ok(seconds < 15, `${seconds.toFixed(1)} s`);
    assert.equal(problems.problems.filter((problem) => problem.code === 'TEXT_REPLACEMENT_CHARACTER').length, 100_000);
    assert.deepEqual(problems.problems.slice(0, 2).map((problem) => problem.line), [3, 5]);
  });
});
