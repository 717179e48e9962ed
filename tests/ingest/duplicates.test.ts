// Which of two sources with the same text is published (DUPLICATE_ARTICLE): the one that already
// has an article file keeps it, hand edit and all; else the file itself rather than a symbolic
// link to it; else the first by path.

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayPath } from '../../src/fs-utils.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

const STORY = 'Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n\nWork starts in May.\n';
const ARTICLE = '2024/harbour-plan-approved.md';

async function run(inbox: string, articles: string) {
  const problems = new ProblemLog();
  const result = await ingest({ inboxDir: inbox, articlesDir: articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
  return { result, problems: problems.problems };
}

async function workspace(name: string) {
  const work = await temporaryDir(name);
  const inbox = path.join(work, 'inbox');
  await mkdir(inbox, { recursive: true });
  return { work, inbox, articles: path.join(work, 'articles') };
}

describe('two sources with the same text', () => {
  it('keeps the published one when a copy that sorts first is added later, with the hand edit in its article file', async () => {
    const { inbox, articles } = await workspace('duplicates-later-copy');
    await writeFile(path.join(inbox, '2024-05-01-b.txt'), STORY);
    await run(inbox, articles);
    const file = path.join(articles, ARTICLE);
    const edited = (await readFile(file, 'utf8')).replace('Work starts in May.', 'Work starts in May, the mayor said.');
    await writeFile(file, edited);

    await writeFile(path.join(inbox, '2024-05-01-a.txt'), STORY);
    const { result, problems } = await run(inbox, articles);
    assert.equal(await readFile(file, 'utf8'), edited, 'the hand edit is kept');
    assert.deepEqual(result.sources.map(({ source, status }) => [source, status]), [['2024-05-01-a.txt', 'duplicate'], ['2024-05-01-b.txt', 'kept-hand-edit']]);
    const published = displayPath(path.join(inbox, '2024-05-01-b.txt'));
    assert.deepEqual(problems.map(({ code, file, message }) => [code, path.basename(file), message]), [
      ['DUPLICATE_ARTICLE', '2024-05-01-a.txt', `has the same text as ${published}; only ${published} is published`],
    ]);
  });

  it('publishes the article once when a copy under another headline that sorts first is added later', async () => {
    const { inbox, articles } = await workspace('duplicates-later-headline');
    await writeFile(path.join(inbox, '2024-05-01-b.txt'), STORY);
    await run(inbox, articles);
    await writeFile(path.join(inbox, '2024-05-01-a.txt'), STORY.replace('Harbour plan approved', 'Council backs the harbour'));
    const { result } = await run(inbox, articles);
    assert.deepEqual(result.sources.map(({ source, status, article }) => [source, status, article]), [['2024-05-01-a.txt', 'duplicate', undefined], ['2024-05-01-b.txt', 'unchanged', ARTICLE]]);
    assert.deepEqual((await readdir(path.join(articles, '2024'))).sort(), ['harbour-plan-approved.md']);
  });

  it('publishes the file under its own name and folder, not a symbolic link to it that sorts first', async () => {
    const { inbox, articles } = await workspace('duplicates-link');
    await mkdir(path.join(inbox, 'local'));
    await writeFile(path.join(inbox, 'local', '2024-05-01-harbour.txt'), STORY);
    await symlink('local/2024-05-01-harbour.txt', path.join(inbox, '2024-05-01-a-link.txt'));
    const { result, problems } = await run(inbox, articles);
    assert.deepEqual(result.sources.map(({ source, status }) => [source, status]), [['2024-05-01-a-link.txt', 'duplicate'], ['local/2024-05-01-harbour.txt', 'written']]);
    const text = await readFile(path.join(articles, ARTICLE), 'utf8');
    assert.match(text, /\nsection: "local"\n/, 'the section of the file\'s folder');
    assert.match(text, /\nsource: \{"path":"local\/2024-05-01-harbour\.txt",/);
    assert.deepEqual(problems.map(({ code, file, message }) => [code, path.basename(file), message]), [
      ['DUPLICATE_ARTICLE', '2024-05-01-a-link.txt', `is a symbolic link to ${displayPath(path.join(inbox, 'local', '2024-05-01-harbour.txt'))}, which is published under its own name`],
    ]);
  });

  it('publishes a file rather than a link to a copy of it kept outside the inbox', async () => {
    const { work, inbox, articles } = await workspace('duplicates-link-outside');
    await writeFile(path.join(work, 'copy.txt'), STORY);
    await symlink(path.join(work, 'copy.txt'), path.join(inbox, '2024-05-01-a-link.txt'));
    await writeFile(path.join(inbox, '2024-05-01-b.txt'), STORY);
    const { result } = await run(inbox, articles);
    assert.deepEqual(result.sources.map(({ source, status }) => [source, status]), [['2024-05-01-a-link.txt', 'duplicate'], ['2024-05-01-b.txt', 'written']]);
  });
});

describe('two sources whose names differ only in Unicode form', () => {
  // `café` typed (é, U+00E9) and as macOS copies it (e + U+0301): the same on screen.
  const composed = 'caf\u00e9.txt';
  const decomposed = 'cafe\u0301.txt';

  for (const [code, other] of [
    ['DUPLICATE_ARTICLE', STORY],
    ['SLUG_COLLISION', STORY.replace('on Monday', 'on Tuesday, after a long debate')],
  ] as const) {
    it(`names the decomposed one as such in ${code}, so the two can be told apart`, async () => {
      const { inbox, articles } = await workspace(`duplicates-unicode-form-${code}`);
      await writeFile(path.join(inbox, composed), STORY);
      await writeFile(path.join(inbox, decomposed), other);
      const { problems } = await run(inbox, articles);
      const found = problems.filter((problem) => problem.code === code);
      assert.equal(found.length, 1, JSON.stringify(problems));
      const text = `${found[0]!.file} ${found[0]!.message}`;
      const plain = `${inbox.split(path.sep).join('/')}/`;
      assert.ok(text.includes(`${plain}${decomposed} (decomposed Unicode, NFD)`), text);
      // The composed name is named too, unmarked.
      assert.ok(text.replaceAll(`${plain}${decomposed} (decomposed Unicode, NFD)`, '').includes(`${plain}${composed}`), text);
      assert.ok(!text.includes(`${composed} (`), text);
    });
  }
});
