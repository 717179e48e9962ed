// A first line far longer than any headline (a paragraph, or a whole article that lost its line
// breaks) is published as the first paragraph, word for word, under a headline of its first words:
// as a headline it would be repeated on its page and on every page that lists it.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';

function parse(text: string) {
  const problems = new ProblemLog();
  const parsed = parseArticle({ path: '2024-05-01-story.txt', displayPath: 'inbox/2024-05-01-story.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
  assert.ok(parsed);
  return { parsed, problems: problems.problems };
}

describe('a first line too long for a headline', () => {
  it('is the first paragraph, under a headline of its first words, with the standfirst under it kept', () => {
    const line = `${'alpha '.repeat(400)}ends here.`; // 2,410 characters
    const { parsed, problems } = parse(`${line}\n\nA short standfirst sentence follows.\n\nThe second paragraph.\n\nThe third paragraph.\n`);
    // 16 words of 5 letters and their spaces are 95 characters; a 17th would pass 100.
    const headline = `${Array(16).fill('alpha').join(' ')}…`;
    assert.equal(parsed.frontmatter.title, headline);
    assert.equal(parsed.frontmatter.subtitle, undefined);
    assert.deepEqual(parsed.body.split('\n\n'), [line, 'A short standfirst sentence follows.', 'The second paragraph.', 'The third paragraph.']);
    assert.deepEqual(
      problems.map(({ code, file, line: at, message }) => ({ code, file, line: at, message })),
      [
        {
          code: 'TITLE_TOO_LONG',
          file: 'inbox/2024-05-01-story.txt',
          line: 1,
          message: `the first line is 2410 characters long, too long for a headline: it is published as the article's first paragraph, under a headline made of its first words ("${headline}")`,
        },
      ],
    );
  });

  it('is the whole article when the source is one line, and the body holds all of it', () => {
    const line = 'The council met. '.repeat(2000).trim();
    const { parsed, problems } = parse(line);
    assert.equal(parsed.body, line);
    assert.ok([...parsed.frontmatter.title].length <= 101, parsed.frontmatter.title);
    // 34,000 characters on one line are named as such too.
    assert.deepEqual(problems.map(({ code }) => code), ['TITLE_TOO_LONG', 'TEXT_LONG_LINE']);
  });

  it('is not said of a long headline that is still a line of words (600 characters): that stays the headline, with a warning', () => {
    const title = 'Long headline words repeated '.repeat(21).trim();
    const { parsed, problems } = parse(`${title}\n\nThe first paragraph of the article.\n`);
    assert.equal(parsed.frontmatter.title, title);
    assert.deepEqual(problems.map(({ code }) => code), ['TITLE_TOO_LONG']);
  });
});

describe('a file with no headline, whose first sentence is taken for one', () => {
  const looksLikeText = (text: string) => parse(text).problems.filter(({ code }) => code === 'TITLE_LOOKS_LIKE_TEXT');

  it('is named at the headline’s line: ten words or more ending in a full stop are a sentence of the text', () => {
    // Published under a 24-word sentence for a headline, without a word.
    const text = '\n\nThe council met on Tuesday and voted to approve the new timetable, which adds two sailings a day between the town and the island.\n\nA second paragraph follows.\n';
    const found = looksLikeText(text);
    assert.deepEqual(
      found.map(({ line, severity, message }) => ({ line, severity, message })),
      [{ line: 3, severity: 'warning', message: 'the headline reads as a sentence of text (24 words ending in a full stop): the file may have no headline, and its first sentence was taken for one' }],
    );
    assert.match(found[0]!.hint!, /^Put the headline alone on the first line, above the text, or give "title" in a sidecar/);
    assert.equal(looksLikeText('港口委员会周二投票批准了夏季的新渡轮时刻表。\n\n该变化每天增加两班。\n').length, 1);
  });

  it('is not a headline that is short, ends in an initialism or an ellipsis, or has no full stop', () => {
    for (const text of [
      'Ferry timetable approved.\n\nThe council voted.\n',
      'Biden signs a bill to expand benefits for veterans exposed to burn pits in the U.S.\n\nThe body.\n',
      'The council met on Tuesday and voted to approve the new timetable, and then...\n\nThe body.\n',
      'Shock Report: Envoy Plans Meeting With Negotiator Behind Massacre — Critics Warn of Legitimization\n\nThe body.\n',
      'Did the council vote to approve the new timetable with two more sailings a day?\n\nThe body.\n',
    ]) {
      assert.deepEqual(looksLikeText(text), [], text);
    }
  });
});
