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
