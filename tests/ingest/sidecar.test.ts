// Sidecar metadata: `meta.jsonl` in any inbox folder and `NAME.json` beside `NAME.txt`, with the
// aliases the corpora use; NAME.json wins key by key; unknown keys are kept as `extra`.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

describe('sidecar metadata', () => {
  it('reads meta.jsonl in a subfolder and NAME.json beside the file, NAME.json winning key by key', async () => {
    const work = await temporaryDir('sidecar');
    const inbox = path.join(work, 'inbox');
    await mkdir(path.join(inbox, 'economy'), { recursive: true });
    await writeFile(path.join(inbox, 'economy', 'rates.txt'), 'Rates held\n\nThe bank held rates.\n');
    await writeFile(
      path.join(inbox, 'economy', 'meta.jsonl'),
      `${JSON.stringify({ file: 'rates.txt', title: 'Rates held', date: '2015-07-24 15:37:29', category: 'Business', author: 'A. Writer&nbsp;', lang: 'en-GB', url: 'https://example.org/rates', source: 'Gazette', original: 'dump.zip#3' })}\n`,
    );
    await writeFile(path.join(inbox, 'economy', 'rates.json'), JSON.stringify({ authors: ['B. Writer', 'C. Writer'], tags: 'banks; rates' }));
    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'Asia/Riyadh', language: 'en' }, problems);
    assert.deepEqual(problems.problems, []);
    const { data } = readArticleFile(await readFile(path.join(work, 'articles', result.sources[0]!.article!), 'utf8'));
    assert.equal(data.title, 'Rates held');
    assert.equal(data.date, '2015-07-24T15:37:29+03:00');
    assert.equal(data.dateSource, 'sidecar');
    assert.equal(data.section, 'Business', 'the sidecar section wins over the folder name');
    assert.deepEqual(data.authors, ['B. Writer', 'C. Writer']);
    assert.deepEqual(data.tags, ['banks', 'rates']);
    assert.equal(data.language, 'en-GB');
    assert.deepEqual(data.source, { path: 'economy/rates.txt', hash: data.source && (data.source as { hash: string }).hash, url: 'https://example.org/rates', name: 'Gazette' });
    assert.deepEqual(data.extra, { original: 'dump.zip#3' });
  });

  it('turns a literal &nbsp; in an author into a space, and an author that is only &nbsp; into none', async () => {
    const work = await temporaryDir('sidecar-nbsp');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'a.txt'), 'Headline\n\nText.\n');
    await writeFile(path.join(inbox, 'b.txt'), 'Other headline\n\nOther text.\n');
    await writeFile(path.join(inbox, 'meta.jsonl'), `{"file": "a.txt", "date": "2024-01-01", "author": "Jane&nbsp;Doe"}\n{"file": "b.txt", "date": "2024-01-02", "author": "&nbsp;"}\n`);
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
    const authors = await Promise.all(result.sources.map(async (source) => readArticleFile(await readFile(path.join(work, 'articles', source.article!), 'utf8')).data.authors));
    assert.deepEqual(authors, [['Jane Doe'], []]);
  });
});
