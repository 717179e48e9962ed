// Which short lines become section headings (`##`): title-like lines before a longer paragraph,
// but never a byline or a picture credit, however capitalised. And where paragraphs are in a source
// without blank lines: one a line, unless the text is hard-wrapped.

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

function paragraphsOf(text: string): string[] {
  const parsed = parseArticle({ path: '2024-05-01-story.txt', displayPath: 'story.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
  return [...(parsed!.frontmatter.subtitle === undefined ? [] : [parsed!.frontmatter.subtitle]), ...parsed!.body.split('\n\n')];
}

describe('paragraphs of a source without blank lines', () => {
  it('join the lines of hard-wrapped text whose paragraphs start indented', () => {
    const text = [
      'Council approves harbour plan',
      '   The council voted on Tuesday night to approve the long-debated',
      'harbour redevelopment plan, ending a dispute that had run for',
      'more than three years.',
      '   Supporters said the plan would bring jobs, while Opponents',
      'Against Traffic, a residents group, warned of the loss of the market.',
      '\tWork is expected to start in May.',
    ].join('\n');
    assert.deepEqual(paragraphsOf(text), [
      'The council voted on Tuesday night to approve the long-debated harbour redevelopment plan, ending a dispute that had run for more than three years.',
      'Supporters said the plan would bring jobs, while Opponents Against Traffic, a residents group, warned of the loss of the market.',
      'Work is expected to start in May.',
    ]);
  });

  it('join a line that ends no sentence to a next line in lower case, in text that does not indent', () => {
    const text = ['Council approves harbour plan', 'The council voted on Tuesday night to approve the long-debated', 'harbour plan after three years.', 'Work is expected to start in May.', 'The Facts: What Was Agreed', 'The plan keeps the old market.'].join('\n');
    assert.deepEqual(paragraphsOf(text), ['The council voted on Tuesday night to approve the long-debated harbour plan after three years.', 'Work is expected to start in May.', '## The Facts: What Was Agreed', 'The plan keeps the old market.']);
  });

  it('are one a line otherwise, as in text where each paragraph is one line', () => {
    const lines = ['Council approves harbour plan', 'The council voted on Tuesday night.', 'Supporters said the plan would bring jobs', 'Opponents warned of traffic.', 'Work starts in May.'];
    assert.deepEqual(paragraphsOf(lines.join('\n')), lines.slice(1));
  });
});
