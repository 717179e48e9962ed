// Which short lines become section headings (`##`): title-like lines before a longer paragraph,
// but never a byline or a picture credit, however capitalised. And where paragraphs are in a source
// without blank lines: one a line, unless the text is hard-wrapped.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';

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

/** Greedy word wrap at `width` columns, as a mail client or `fold -s` writes text. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

function parse(text: string) {
  return parseArticle({ path: '2024-05-01-story.txt', displayPath: 'story.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog())!;
}

/** The lines a reader sees in the rendered body: its paragraphs, split at their line breaks. */
function renderedLines(body: string): string[][] {
  const html = createMarkdownRenderer().render(body);
  return [...html.matchAll(/<(p|h2)[^>]*>([\s\S]*?)<\/\1>/g)].map((match) => match[2]!.split(/<br>\n?/).map((line) => line.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')));
}

// Two sentences each, so neither is taken for a standfirst.
const LEDE = 'The Premier League table changed hands again on Saturday. Three of the top four sides dropped points in a dramatic afternoon.';
const PROSE = 'The council voted on Tuesday night to approve the long-debated harbour redevelopment plan. The vote ended a dispute that had run for more than three years and had divided the town between those who wanted the jobs and those who feared for the old market.';

describe('line breaks a writer typed inside a paragraph', () => {
  it('keep the lines of a results table, a verse and an address in an article of one-line paragraphs', () => {
    const text = [
      'Weekend results', '', LEDE, '',
      'Arsenal 2 Chelsea 1', 'Liverpool 3 Everton 0', 'Manchester United 1 Tottenham 1', 'Newcastle 0 Aston Villa 2', '',
      'The tide comes in across the stone,', 'the gulls lean on the salted air,', 'and every boat that wanders home', 'finds someone waiting there.', '',
      'Send your letters to:', 'The Editor', 'Harbour Gazette', '12 Quay Street', '',
      'The title race will be decided on the final day.',
    ].join('\n');
    assert.deepEqual(renderedLines(parse(text).body), [
      [LEDE],
      ['Arsenal 2 Chelsea 1', 'Liverpool 3 Everton 0', 'Manchester United 1 Tottenham 1', 'Newcastle 0 Aston Villa 2'],
      ['The tide comes in across the stone,', 'the gulls lean on the salted air,', 'and every boat that wanders home', 'finds someone waiting there.'],
      ['Send your letters to:', 'The Editor', 'Harbour Gazette', '12 Quay Street'],
      ['The title race will be decided on the final day.'],
    ]);
  });

  it('keep a verse in text hard-wrapped at 72 columns, whose wrapped paragraphs are joined', () => {
    const text = ['Harbour plan approved', '', ...wrap(PROSE, 72), '', 'Our poet wrote:', 'The tide comes in across the stone,', 'the gulls lean on the salted air.', '', ...wrap(PROSE, 72)].join('\n');
    assert.deepEqual(renderedLines(parse(text).body), [[PROSE], ['Our poet wrote:', 'The tide comes in across the stone,', 'the gulls lean on the salted air.'], [PROSE]]);
  });

  it('keep the rows of a table as long as each other (75 characters) in an article whose other paragraphs are one line each', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `Constituency ${i}: Labour 21,034 Conservative 12,456 Liberal Democrat 3,210`);
    const text = ['Election results', '', LEDE, '', ...rows, '', `${PROSE} ${PROSE}`].join('\n');
    assert.deepEqual(renderedLines(parse(text).body), [[LEDE], rows, [`${PROSE} ${PROSE}`]]);
  });

  it('join a paragraph wrapped at 72 or 64 columns in an article whose other paragraphs are one line each', () => {
    for (const width of [72, 64]) {
      const text = ['Harbour plan approved', '', `${PROSE} ${PROSE}`, '', ...wrap(PROSE, width), '', 'Work starts in May.'].join('\n');
      assert.deepEqual(renderedLines(parse(text).body), [[`${PROSE} ${PROSE}`], [PROSE], ['Work starts in May.']], `wrapped at ${width}`);
    }
  });

  it('keep lines that look like markdown, HTML or a template literal, each on its own line', () => {
    const lines = ['- water', '* sun cream', '1. a hat', '# 2 Chelsea', '===', '---', '<b>cash</b> & {{ change }}', '| a | b |', '|---|---|', '> quoted'];
    const parsed = parse(['Festival list', '', LEDE, '', ...lines, '', 'Gates open at ten.'].join('\n'));
    assert.deepEqual(renderedLines(parsed.body)[1], lines);
  });

  it('are shown as " / " in the summary, which a list shows on one line, and never make a heading or a standfirst', () => {
    const parsed = parse(['Letters', '', 'Send your letters to:', 'The Editor', 'Harbour Gazette', '', LEDE, '', PROSE].join('\n'));
    assert.equal(parsed.frontmatter.subtitle, undefined);
    assert.equal(parsed.frontmatter.summary, 'Send your letters to: / The Editor / Harbour Gazette');
    assert.equal(parsed.frontmatter.wordCount, 8 + LEDE.split(' ').length + PROSE.split(' ').length);
    assert.ok(!parsed.body.includes('## '), parsed.body);
  });

  it('make a paragraph of many lines, not one long line: a table of 650 rows is no TEXT_LONG_LINE, a line of 25,000 characters still is', () => {
    const rows = Array.from({ length: 650 }, (_, i) => `Constituency ${i}: Labour 21,034 Conservative 12,456 Liberal Democrat 3,210`);
    const long = 'word '.repeat(5000).trim();
    const problems = new ProblemLog();
    const parsed = parseArticle(
      { path: '2024-07-05-results.txt', displayPath: 'results.txt', hash: 'sha256:00', text: ['Election results', '', LEDE, '', ...rows, '', long, ''].join('\n'), mtimeMs: 0 },
      { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
      problems,
    )!;
    assert.deepEqual(renderedLines(parsed.body)[1], rows);
    assert.deepEqual(
      problems.problems.map(({ code, line, message }) => ({ code, line, message })),
      [{ code: 'TEXT_LONG_LINE', line: 656, message: `a single line of ${long.length} characters: paragraphs may have lost their line breaks` }],
    );
  });

  it('keep the lines of a verse in a source without blank lines, whose lines start in lower case', () => {
    const text = ['A poem for the harbour', LEDE, 'The tide comes in across the stone,', 'the gulls lean on the salted air,', 'and every boat that wanders home', 'finds someone waiting there.'].join('\n');
    assert.deepEqual(renderedLines(parse(text).body), [[LEDE], ['The tide comes in across the stone,', 'the gulls lean on the salted air,', 'and every boat that wanders home', 'finds someone waiting there.']]);
  });
});
