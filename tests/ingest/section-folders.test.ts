// A source's top folder names its section, but folders that file the inbox by date (`2024/`,
// `2024/06/`, `2024-06-03/`) name none: an inbox sorted by year is not one section a year.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

describe('the section from the folder', () => {
  it('passes over folders that file by date, and takes the first folder that does not', async () => {
    const work = await temporaryDir('section-folders');
    const inbox = path.join(work, 'inbox');
    const sources: Record<string, string | undefined> = {
      '2024/2024-01-01-a.txt': undefined,
      '2023/06/2023-06-01-b.txt': undefined,
      '2024-06-03/2024-06-03-c.txt': undefined,
      '2022-11/2022-11-04-d.txt': undefined,
      '2024/sport/2024-01-05-e.txt': 'sport',
      'sport/2024/2024-01-06-f.txt': 'sport',
      'Election 2024/2024-01-07-g.txt': 'Election 2024',
      '2024-01-08-h.txt': undefined,
    };
    for (const [name, section] of Object.entries(sources)) {
      await mkdir(path.dirname(path.join(inbox, name)), { recursive: true });
      await writeFile(path.join(inbox, name), `Story ${name}\n\nThe text of ${name}, which is in ${section ?? 'no section'}.\n`);
    }
    const problems = new ProblemLog();
    const articles = path.join(work, 'articles');
    const result = await ingest({ inboxDir: inbox, articlesDir: articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.deepEqual(problems.problems, []);
    const found: Record<string, string | undefined> = {};
    for (const source of result.sources) {
      found[source.source] = readArticleFile(await readFile(path.join(articles, source.article!), 'utf8')).data.section as string | undefined;
    }
    assert.deepEqual(found, sources);
  });
});
