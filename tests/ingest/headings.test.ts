// Which short lines become section headings (`##`): title-like lines before a longer paragraph,
// but never a byline or a picture credit, however capitalised.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';

/** The markdown of the line placed between the headline and a longer paragraph. */
function firstBlock(line: string): string {
  const text = `Headline of the story\n\n${line}\n\nA longer first paragraph of the article follows the line above it here.\n\nThe end of it.\n`;
  const parsed = parseArticle({ path: '2024-05-01-story.txt', displayPath: 'story.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
  return parsed!.body.split('\n\n')[0]!;
}

describe('section headings', () => {
  it('are never a byline or a picture credit', () => {
    for (const line of ['By Jane Smith', 'By Jane Smith, Political Correspondent', 'By JANE SMITH', 'Reporting by Jane Smith; Editing by John Doe', 'Additional reporting by John Doe', 'Photo: Getty Images', 'Picture credit: PA']) {
      assert.equal(firstBlock(line), line, line);
    }
  });

  it('are still title-like lines, "By" in a title included', () => {
    for (const line of ['The Facts: What Happened', 'By the Numbers', 'Byzantine Empire Falls', 'Context']) {
      assert.equal(firstBlock(line), `## ${line}`, line);
    }
  });
});
