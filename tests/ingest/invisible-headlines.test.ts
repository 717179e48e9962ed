// A headline with nothing visible in it (a soft hyphen, an accent over nothing, a Hangul filler)
// is published, since it is the source's first line, but named: its page, lists and the browser
// tab would show a blank headline.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import type { SidecarData } from '../../src/ingest/sidecar.ts';
import { ProblemLog } from '../../src/problems.ts';

function parse(text: string, sidecar?: SidecarData) {
  const problems = new ProblemLog();
  const parsed = parseArticle(
    { path: '2024-05-01-story.txt', displayPath: 'inbox/2024-05-01-story.txt', hash: 'sha256:00', text, mtimeMs: 0, ...(sidecar ? { sidecar } : {}) },
    { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
    problems,
  );
  return { parsed, problems: problems.problems };
}

describe('a headline with no visible character', () => {
  for (const [what, headline, named] of [
    ['a soft hyphen', '\u00AD', 'U+00AD'],
    ['an accent over nothing', '\u0301', 'U+0301'],
    ['a Hangul filler', '\u3164', 'U+3164'],
    ['the blank braille pattern', '\u2800\u2800', 'U+2800'],
    ['zero-width spaces and a word joiner', '\u200B \u2060', 'U+200B, U+0020, U+2060'],
    ['tag characters', '\u{E0041}\u{E0042}', 'U+E0041, U+E0042'],
    ['a variation selector', '\uFE0F', 'U+FE0F'],
  ] as const) {
    it(`is published and named when it is ${what}`, () => {
      const { parsed, problems } = parse(`${headline}\n\nThe first paragraph of the article, which says what happened.\n`);
      assert.equal(parsed?.frontmatter.title, headline);
      assert.deepEqual(
        problems.map(({ code, file, line, message }) => ({ code, file, line, message })),
        [
          {
            code: 'TITLE_NOT_VISIBLE',
            file: 'inbox/2024-05-01-story.txt',
            line: 1,
            message: `the headline has no visible character, only ${named}: the article is published with a headline that shows as blank on its page, in lists and in the browser tab`,
          },
        ],
      );
    });
  }

  it('names the sidecar line when the sidecar gives it', () => {
    const { problems } = parse('A headline in words\n\nThe first paragraph.\n', { title: '\u00AD', extra: {}, origin: { file: 'inbox/meta.jsonl', line: 4 } });
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'TITLE_NOT_VISIBLE', file: 'inbox/meta.jsonl', line: 4 }]);
  });

  it('is not said of punctuation, emoji, other scripts or letters with combining accents', () => {
    for (const headline of ['!!! ??? ...', '🔥🔥🔥', '中文标题', 'عنوان الخبر', 'Cafe\u0301 society', '---', '2024']) {
      const { problems } = parse(`${headline}\n\nThe first paragraph of the article, which says what happened.\n`);
      assert.deepEqual(problems.filter(({ code }) => code.startsWith('TITLE_')), [], headline);
    }
  });
});

describe('a headline with invisible characters among visible ones', () => {
  it('is named with each invisible character, once', () => {
    const { problems } = parse('Zero\u200Bwidth\u200B and \u202Eoverride\u202C\n\nThe first paragraph.\n');
    assert.deepEqual(
      problems.filter(({ code }) => code.startsWith('TITLE_')).map(({ code, line, message }) => ({ code, line, message })),
      [{ code: 'TITLE_INVISIBLE_CHARACTERS', line: 1, message: 'the headline contains invisible or bidirectional control characters (U+200B, U+202E, U+202C)' }],
    );
  });
});
