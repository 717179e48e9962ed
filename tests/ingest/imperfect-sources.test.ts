// One bad byte never costs a whole article: a line in Windows-1252 in a UTF-8 source, or a stray
// control character, is published repaired in the article file, with a warning naming the line
// that a rebuild from the ingest cache reports again; the repaired text is the article's text, so
// a clean copy of it is the same article.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function run(inbox: string, articles: string) {
  const problems = new ProblemLog();
  const result = await ingest({ inboxDir: inbox, articlesDir: articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
  return { result, problems: problems.problems.map(({ code, file, line }) => ({ code, file: path.basename(file), line })) };
}

describe('a source with one bad line or byte, ingested', () => {
  it('writes the repaired text into the article file, and a rebuild from the cache reports it again', async () => {
    const work = await temporaryDir('imperfect-sources');
    const inbox = path.join(work, 'inbox');
    const articles = path.join(work, 'articles');
    await mkdir(inbox);
    await writeFile(
      path.join(inbox, '2024-03-05-cafe.txt'),
      Buffer.concat([utf8('Café owners back the plan\n\nThe council approved it on Monday.\n\n'), latin1('The owner said: \x93It\x92s good news.\x94\n\n'), utf8('Work starts in June.\n')]),
    );
    await writeFile(path.join(inbox, '2024-03-06-bridge.txt'), 'Bridge reopens\n\nThe bridge reopened on Monday.\n\nDrivers were \u0007pleased.\n\nThe toll stays.\n');
    const expected = [
      { code: 'ENCODING_WINDOWS_1252_LINES', file: '2024-03-05-cafe.txt', line: 5 },
      { code: 'TEXT_CONTROL_CHARACTER', file: '2024-03-06-bridge.txt', line: 5 },
    ];

    const first = await run(inbox, articles);
    assert.deepEqual(first.problems, expected);
    assert.deepEqual(first.result.sources.map(({ status }) => status), ['written', 'written']);
    const cafe = await readFile(path.join(articles, '2024/cafe-owners-back-the-plan.md'), 'utf8');
    assert.match(cafe, /\nThe owner said: “It’s good news\.”\n/);
    const bridge = await readFile(path.join(articles, '2024/bridge-reopens.md'), 'utf8');
    assert.match(bridge, /\nDrivers were pleased\.\n/);

    const again = await run(inbox, articles);
    assert.deepEqual(again.result.cache, { reused: 2, parsed: 0 });
    assert.deepEqual(again.problems, expected);
  });

  it('is the same article as a clean UTF-8 copy of it (DUPLICATE_ARTICLE), not a second one', async () => {
    const work = await temporaryDir('imperfect-duplicates');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'a-clean.txt'), 'Café owners back the plan\n\nThe council approved it on Monday.\n\nThe owner said: “It’s good news.”\n');
    await writeFile(path.join(inbox, 'b-pasted.txt'), Buffer.concat([utf8('Café owners back the plan\n\nThe council approved it on Monday.\n\n'), latin1('The owner said: \x93It\x92s good news.\x94\n')]));
    const { result, problems } = await run(inbox, path.join(work, 'articles'));
    assert.deepEqual(result.sources.map(({ source, status }) => [source, status]), [['a-clean.txt', 'written'], ['b-pasted.txt', 'duplicate']]);
    assert.ok(problems.some(({ code, file }) => code === 'DUPLICATE_ARTICLE' && file === 'b-pasted.txt'));
  });
});
