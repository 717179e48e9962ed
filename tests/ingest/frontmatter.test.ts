// Article files: any string round-trips through the frontmatter ingest writes (a property test
// over seeded random strings and the cases that break naive YAML), and only YAML is ever read.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ArticleFrontmatter } from '../../src/article.ts';
import { articleFileBody, FrontmatterError, isUntouched, readArticleFile, writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { Prng } from '../helpers/prng.ts';
import { buildArchive } from '../helpers/run-build.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle } from '../../src/site/load-articles.ts';

const NASTY = [
  ': ', 'key: value', '---', '...', '#', '# comment', '"', "'", '"quoted"', "'single'", 'no', 'No', 'NO', 'yes', 'off', 'on', 'y', 'n',
  'null', 'Null', '~', '', ' ', '2024-01-01', '2024-01-01T00:00:00Z', '12:30', '0x1F', '1e3', '.inf', '-.inf', '.nan', '0o17', '010',
  '- item', '> folded', '| literal', '& anchor', '*alias', '! tag', '!!str', '% directive', '@ at', '` backtick', '? key', '[a, b]', '{a: b}',
  '<<: merge', '=', 'a #b', 'tab\there', 'line\nbreak', 'cr\rlf', '\u2028 line separator', '\u2029 paragraph separator', '\u0085 next line',
  '\ud800 lone high', 'lone low \udc00', '\udc00\ud800 reversed pair', '🚀 emoji 👩‍🚀', '\ufeff BOM', '\u0000 nul', '\u0007 bell', '\u007f del',
  '\u202e bidi', 'عربي', 'עברית', '中文', 'trailing space ', ' leading space', '\\ backslash', '\\n not a newline', '{{ 7*7 }}', '{% raw %}',
];

function randomString(prng: Prng): string {
  const pieces = [...NASTY, 'a', 'Z', '0', ' ', ':', '-', '#', '"', "'", '\\', '\n', '\t', '\u2028', '\ud83d', '\ude80', '\udfff', 'é', '\u0301'];
  return Array.from({ length: prng.int(0, 8) }, () => prng.pick(pieces)).join('');
}

function frontmatterWith(title: string, other: string): ArticleFrontmatter {
  return {
    title,
    subtitle: other,
    date: '2024-01-01T00:00:00+00:00',
    dateSource: 'sidecar',
    section: other,
    authors: [title, other],
    tags: [other],
    people: [],
    organizations: [],
    places: [],
    summary: `${other}${title}`,
    wordCount: 3,
    readingMinutes: 1,
    language: 'en',
    slug: 'a-slug',
    source: { path: 'x.txt', hash: 'sha256:00', url: other },
    extra: { [title || 'empty']: other, nested: { list: [title, 1, null, true] } },
  };
}

function roundTrips(title: string, other: string): void {
  const written = frontmatterWith(title, other);
  const text = writeArticleFile(written, 'Body.');
  const { data, body } = readArticleFile(text);
  for (const key of ['title', 'subtitle', 'section', 'authors', 'tags', 'summary', 'source', 'extra'] as const) {
    assert.deepEqual(data[key], written[key], `${key} of ${JSON.stringify(title)} / ${JSON.stringify(other)}`);
  }
  assert.equal(body.trim(), 'Body.');
  assert.ok(isUntouched(text), 'the file is recognised as generated');
}

describe('frontmatter round-trips', () => {
  for (const value of NASTY) {
    it(`loads back ${JSON.stringify(value)} as the same string`, () => roundTrips(value, value));
  }

  it('loads back 3,000 seeded random strings of YAML-significant pieces, surrogates and separators', () => {
    const prng = new Prng(42);
    for (let i = 0; i < 3000; i++) roundTrips(randomString(prng), randomString(prng));
  });

  it('writes strings double-quoted on one line each, so no value can open a block or end the frontmatter', () => {
    const text = writeArticleFile(frontmatterWith('---\n---js\n...', '| literal\n> folded'), 'Body.');
    const frontmatterLines = text.split('\n').slice(1, text.split('\n').indexOf('---', 1));
    for (const line of frontmatterLines) assert.match(line, /^[a-zA-Z]+: /, line);
  });
});

describe("an article file's body read back without its frontmatter", () => {
  // A rebuild reads back the bodies of known article files with articleFileBody, whose cut must
  // be readArticleFile's wherever the file is one readArticleFile accepts.
  const OPENERS = ['---', '---yaml', '---  ', '--- \t'];
  const CLOSERS = ['---', '---  ', '---\t'];
  const BODY_LINES = ['', ' ', 'Text.', '---', '----', '--- not a delimiter', '...', '# Heading', '  indented', '---yaml', 'a --- b', '\u2028', 'عربي'];
  const NEWLINES = ['\n', '\r\n', '\r'];

  it('cuts 3,000 seeded random files where readArticleFile does, whatever their newlines and delimiter lines', () => {
    const prng = new Prng(7_122_026);
    let accepted = 0;
    for (let i = 0; i < 3000; i++) {
      const newline = prng.pick(NEWLINES);
      // Written by ingest, or by hand, where a line that starts with "---" but is not one ends
      // the frontmatter for gray-matter (and for the cut) all the same.
      const frontmatter = prng.pick([
        () => writeArticleFile(frontmatterWith(randomString(prng) || 'Title', randomString(prng)), '').split('\n').slice(1, -2),
        () => ['title: "T"', '# a comment', 'tags: [a, b]'],
        () => ['title: "T"', prng.pick(['----', '--- x', '---x: 1', '---yaml']), 'x: 1'],
      ])();
      const body = Array.from({ length: prng.int(0, 6) }, () => (prng.int(0, 2) === 0 ? randomString(prng).replace(/[\r\n]/g, ' ') : prng.pick(BODY_LINES)));
      const lines = [prng.pick(OPENERS), ...frontmatter, prng.pick(CLOSERS), ...body];
      const text = lines.join(newline) + (prng.int(0, 1) === 0 ? newline : '');
      let expected: string;
      try {
        expected = readArticleFile(text).body;
      } catch {
        continue;
      }
      accepted++;
      assert.equal(articleFileBody(text), expected, JSON.stringify(text));
    }
    // Most files are ones readArticleFile accepts, so the comparison is not vacuous.
    assert.ok(accepted > 2000, `${accepted} of 3,000 accepted`);
  });

  it('gives the body of a file ingest wrote, "---" lines in it included', () => {
    const body = 'First paragraph.\n\n---\n\nAfter a rule.\n---\n';
    const text = writeArticleFile(frontmatterWith('A title', 'x'), body);
    assert.equal(articleFileBody(text), readArticleFile(text).body);
    assert.ok(articleFileBody(text).includes('After a rule.'));
  });
});

describe('only YAML frontmatter is read', () => {
  const refused = (text: string) =>
    assert.throws(() => readArticleFile(text), (error: unknown) => {
      assert.ok(error instanceof FrontmatterError);
      assert.equal(error.line, 1);
      assert.match(error.message, /is not allowed: only YAML frontmatter is read/);
      return true;
    });

  for (const language of ['js', 'javascript', 'coffee', 'json', 'toml', 'JS', ' js']) {
    it(`refuses "---${language}" frontmatter without running it`, () => {
      const marker = `ran-${language.trim()}`;
      (globalThis as Record<string, unknown>)[marker] = false;
      refused(`---${language}\n{ title: (() => { globalThis['${marker}'] = true; return 'x'; })() }\n---\nBody\n`);
      assert.equal((globalThis as Record<string, unknown>)[marker], false);
    });
  }

  it('reads a file whose body contains "---js" and "---" lines as body text', () => {
    const { data, body } = readArticleFile('---\ntitle: "T"\n---\n\n---js\n{ x: 1 }\n---\n');
    assert.equal(data.title, 'T');
    assert.match(body, /---js\n\{ x: 1 \}\n---/);
  });

  it('refuses a file without frontmatter or with frontmatter never closed, naming line 1', () => {
    assert.throws(() => readArticleFile('title: x\n'), (error: unknown) => error instanceof FrontmatterError && error.line === 1);
    assert.throws(() => readArticleFile('---\ntitle: x\n'), (error: unknown) => error instanceof FrontmatterError && error.line === 1 && /not closed/.test(error.message));
  });

  it('reads hand-typed unquoted dates and words as the text they are (YAML 1.2 core schema)', () => {
    const { data } = readArticleFile('---\ntitle: no\ndate: 2024-02-30\nsection: null-and-void\nupdated: 2024-03-01T23:30:00\n---\n');
    assert.deepEqual(data, { title: 'no', date: '2024-02-30', section: 'null-and-void', updated: '2024-03-01T23:30:00' });
  });

  it('names the line of a YAML error in the file', () => {
    assert.throws(() => readArticleFile('---\ntitle: "ok"\nsummary: a: b\n---\n'), (error: unknown) => error instanceof FrontmatterError && error.line === 3);
  });

  const yamlError = (text: string) => {
    try {
      readArticleFile(text);
    } catch (error) {
      assert.ok(error instanceof FrontmatterError);
      return { line: error.line, message: error.message, hint: error.hint };
    }
    assert.fail('read without an error');
  };

  it('names the line where a value left open starts (a list, a set of keys, a quote), not the later line where YAML noticed it, keeping YAML\'s reason', () => {
    for (const [text, line, key, reason] of [
      ['---\ntitle: [unclosed\ndate: "2024-01-01"\nslug: "x"\n---\nBody\n', 2, 'title', 'missed comma between flow collection entries, noticed at line 3'],
      ['---\r\ntitle: [unclosed\r\ndate: "2024-01-01"\r\n---\r\nBody\r\n', 2, 'title', 'noticed at line 3'],
      ['---\ndate: "2024-01-01"\ntitle: {a: 1\n---\nBody\n', 3, 'title', 'within a flow collection, noticed at line 4'],
      ['---\ntitle: "x\nsummary: "y"\nslug: "z"\n---\nBody\n', 2, 'title', 'noticed at line 4'],
      ["---\ntitle: 'x\nslug: z\n---\nBody\n", 2, 'title', 'within a single quoted scalar, noticed at line 4'],
      ['---\ntitle: "x"\ntags: ["a",\n  "b"\nslug: "y"\n---\nBody\n', 3, 'tags', 'noticed at line 5'],
    ] as const) {
      const error = yamlError(text);
      assert.equal(error.line, line, text);
      assert.match(error.message, new RegExp(`^frontmatter is not valid YAML: the value of "${key}", which starts on this line, is not closed or is broken \\(.*${reason}`), text);
      assert.match(error.hint, new RegExp(`^Close the value of "${key}"`), text);
    }
  });

  it('names a YAML tag (!!js/function, !!binary, !custom) at its line as one that is not read, never run, and how to write the value', () => {
    for (const [value, shown] of [['!!js/function "function () { return 1 }"', '!!js/function'], ['!!binary aGVsbG8=', '!!binary'], ['!custom x', '!custom']] as const) {
      const error = yamlError(`---\ndate: "2024-01-01T00:00:00+00:00"\ntitle: ${value}\n---\nBody.\n`);
      assert.equal(error.line, 3, value);
      assert.match(error.message, new RegExp(`^frontmatter is not valid YAML: the tag ${shown} \\(column \\d+\\) is not read: only text, numbers, lists and sets of keys are, and nothing in an article file is ever run$`), value);
      assert.equal(error.hint, `Remove "${shown}" and write the value as quoted text, e.g. title: "The headline".`, value);
    }
  });

  it('names the line of a bad indentation, a tab, an unknown alias or a key given twice, where YAML notices it, saying what to do', () => {
    assert.deepEqual(yamlError('---\ntitle: "x"\n  date: "2024"\nslug: "y"\n---\nB\n').line, 3);
    assert.deepEqual(yamlError('---\ntitle: "x"\n\tdate: "2024"\n---\nB\n'), { line: 3, message: 'frontmatter is not valid YAML: tab characters must not be used in indentation (column 1)', hint: 'Indent with spaces, not tabs.' });
    assert.deepEqual(yamlError('---\ntitle: *nope\n---\nB\n').line, 2);
    assert.deepEqual(yamlError('---\ntitle: "x"\ndate: "2024"\ntitle: "y"\n---\nB\n'), {
      line: 4,
      message: 'frontmatter is not valid YAML: "title" is given twice, on line 2 and on this line',
      hint: 'Keep one "title" line and delete the other.',
    });
  });
});

/** A frontmatter whose aliases nest `levels` deep, ten to a list: 10^levels values in a few lines. */
function aliasBomb(levels: number): string {
  const names = 'abcdefghij';
  const lines = ['---', 'title: "Hand-edited"', 'date: "2024-01-02T00:00:00+00:00"', 'slug: "hand-edited"', `${names[0]}: &${names[0]} ["x","x","x","x","x","x","x","x","x","x"]`];
  for (let level = 1; level < levels; level++) lines.push(`${names[level]}: &${names[level]} [${Array(10).fill(`*${names[level - 1]}`).join(', ')}]`);
  return `${lines.join('\n')}\n---\nThe body.\n`;
}

describe('YAML aliases in a hand-edited article file', () => {
  it('reads an anchor repeated a few times', () => {
    const { data } = readArticleFile('---\ntitle: "x"\nauthors: &who ["Ann", "Bo"]\ncredits: *who\n---\n');
    assert.deepEqual(data.credits, ['Ann', 'Bo']);
  });

  it('refuses aliases that repeat millions of values, naming the first alias line', () => {
    assert.throws(() => readArticleFile(aliasBomb(7)), (error: unknown) => error instanceof FrontmatterError && error.line === 6 && /aliases/.test(error.message));
  });

  it('refuses a value that contains itself, instead of looping', () => {
    assert.throws(() => readArticleFile('---\ntitle: "x"\nloop: &a [1, *a]\n---\n'), (error: unknown) => error instanceof FrontmatterError && error.line === 3 && /contains itself/.test(error.message));
  });

  it('a build reports such a file (ARTICLE_BAD_FRONTMATTER) and publishes the rest', async () => {
    const work = await temporaryDir('alias-bomb');
    const inbox = path.join(work, 'inbox');
    const articles = path.join(work, 'articles');
    await mkdir(inbox);
    await mkdir(path.join(articles, '2024'), { recursive: true });
    await writeFile(path.join(inbox, '2024-03-01-real.txt'), 'A real story\n\nIts text is published as it is.\n');
    await writeFile(path.join(articles, '2024', 'bomb.md'), aliasBomb(6));
    await writeFile(path.join(articles, '2024', 'loop.md'), '---\ntitle: "Loop"\ndate: "2024-01-02T00:00:00+00:00"\nslug: "loop"\nloop: &a [1, *a]\n---\nBody.\n');
    const run = await buildArchive(inbox, [], { articlesDir: articles });
    assert.equal(run.exitCode, 1, run.stderr);
    assert.deepEqual(run.report.articles.map((article) => article.title), ['A real story']);
    assert.deepEqual(
      run.report.problems.map((problem) => [problem.code, path.basename(problem.file), problem.line]),
      [['ARTICLE_BAD_FRONTMATTER', 'bomb.md', 6], ['ARTICLE_BAD_FRONTMATTER', 'loop.md', 5]],
    );
  });
});

describe('problems in a hand-edited article file', () => {
  const problemsOf = (text: string) => {
    const problems = new ProblemLog();
    assert.equal(toArticle('2024/x.md', 'articles/2024/x.md', text, 'UTC', 'en', problems), undefined);
    return problems.problems.map((problem) => [problem.code, problem.line, problem.message]);
  };

  it('name line 1 for a missing key, not a body line that starts like it', () => {
    assert.deepEqual(problemsOf('---\ntitle: "No date"\nslug: "x"\n---\nThe body.\ndate: 2024-01-01\n'), [
      ['ARTICLE_BAD_DATE', 1, 'has no "date"; the article is left out'],
    ]);
  });

  it('say what is wrong with a hand-typed date: not ISO 8601 (with its ISO form when it can be read), not text, no real day, or a year past 9999 (a digit too many) or 0', () => {
    for (const [date, message, hint] of [
      ['"3 June 2024"', 'has a "date" ("3 June 2024") that is not written as ISO 8601', 'Write it as ISO 8601, quoted: date: "2024-06-03T00:00:00+00:00".'],
      ['"2024-06-03 10:00"', 'has a "date" ("2024-06-03 10:00") that is not written as ISO 8601', 'Write it as ISO 8601, quoted: date: "2024-06-03T10:00:00+00:00".'],
      ['yesterday', 'has a "date" ("yesterday") that is not written as ISO 8601', 'Write the date as ISO 8601, quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['20240315', 'has a "date" that is not text (20240315)', 'Write the date as ISO 8601, quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['"2023-02-29"', 'has a "date" ("2023-02-29") that is no real day or time', 'Write a real date between the years 1 and 9999, quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['"2024-06-03T10:00:00+25:00"', 'has a "date" ("2024-06-03T10:00:00+25:00") whose offset from UTC, +25:00, is no zone\'s (they run from −12:00 to +14:00)', 'Write the offset the clock had, quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['10000-01-01', 'has a "date" ("10000-01-01") that names no one day: its year, 10000, is past 9999, the last year a date can have (a digit too many?)', 'Correct the year to four digits, and write the date quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['"0000-06-01T00:00:00+00:00"', 'has a "date" ("0000-06-01T00:00:00+00:00") that names no one day: its year is 0, which the calendar does not have (1 BC is followed by AD 1)', 'Correct the year to four digits, and write the date quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
      ['"15 March 12024"', 'has a "date" ("15 March 12024") that is not written as ISO 8601 and names no one day: its year, 12024, is past 9999, the last year a date can have (a digit too many?)', 'Correct the year to four digits, and write the date as ISO 8601, quoted, e.g. date: "2024-02-29T09:00:00+00:00".'],
    ] as const) {
      const problems = new ProblemLog();
      assert.equal(toArticle('2024/x.md', 'articles/2024/x.md', `---\ntitle: "T"\nslug: "x"\ndate: ${date}\n---\nBody.\n`, 'UTC', 'en', problems), undefined, date);
      assert.deepEqual(problems.problems.map((problem) => [problem.code, problem.line, problem.message, problem.hint]), [['ARTICLE_BAD_DATE', 4, `${message}; the article is left out`, hint]], date);
    }
  });

  it('say that an emptied file is empty (0 bytes, or white space only), not that it lacks frontmatter, and how to restore or unpublish it', () => {
    for (const [text, what] of [['', 'is empty (0 bytes)'], ['  \n\n\t\r\n', 'holds only white space']] as const) {
      const problems = new ProblemLog();
      assert.equal(toArticle('2024/x.md', 'articles/2024/x.md', text, 'UTC', 'en', problems), undefined);
      assert.deepEqual(problems.problems.map(({ code, line, message }) => [code, line, message]), [['ARTICLE_BAD_FRONTMATTER', 1, `${what}; the article is left out`]]);
      assert.match(problems.problems[0]!.hint!, /^Restore the file .*; or delete it to unpublish the article/);
    }
  });

  it('name a hand-typed date in figures of the years 1300–1499 as probably Hijri, with its Umm al-Qura reading, as the inbox does, rather than file it under /1445/', () => {
    for (const date of ['"1445-06-12"', '1445-06-12', "'1445-06-12T10:00'", '"۱۴۴۵-۰۶-۱۲"', '"12/06/1445"']) {
      const problems = new ProblemLog();
      assert.equal(toArticle('2024/x.md', 'articles/2024/x.md', `---\ntitle: "Hand-edited"\nslug: "x"\ndate: ${date}\n---\nBody.\n`, 'UTC', 'en', problems), undefined, date);
      const [problem, ...rest] = problems.problems;
      assert.deepEqual(rest, [], date);
      assert.deepEqual([problem!.code, problem!.line], ['ARTICLE_BAD_DATE', 4], date);
      assert.match(problem!.message, /^has a "date" \(".*"\) that is read as the year 1445, probably of the Hijri calendar \(nothing says whether lunar or solar\); the article is left out$/, date);
      // 12 Jumada II 1445 began at sunset on 24 December 2023 (Umm al-Qura).
      assert.match(problem!.hint!, /lunar Hijri date, it is 25 December 2023 by the Umm al-Qura calendar, date: "2023-12-25"/, date);
    }
  });

  it('take a date of the years 1300–1499 written as an instant with its offset, as ingest writes a sidecar\'s, and name an "updated" that is probably Hijri, publishing without it', () => {
    const problems = new ProblemLog();
    const text = '---\ntitle: "History"\nslug: "x"\ndate: "1453-05-29T06:00:00+00:00"\nupdated: "1453-06-12"\n---\nBody.\n';
    const article = toArticle('1453/x.md', 'articles/1453/x.md', text, 'UTC', 'en', problems);
    assert.equal(article?.url, '/1453/x/');
    assert.equal(article.updated, undefined);
    assert.deepEqual(problems.problems.map(({ code, line }) => [code, line]), [['ARTICLE_BAD_FIELD', 5]]);
    assert.match(problems.problems[0]!.message, /^has an "updated" \("1453-06-12"\) that is read as the year 1453, probably of the Hijri calendar/);
  });

  it('name a YAML merge key ("<<"), which YAML 1.2 does not have, at its line with the keys it would add, rather than drop them unseen', () => {
    for (const [merge, keys] of [['<<: *defaults', 'section, tags'], ['<<: [*defaults, {authors: ["Ann"]}]', 'section, tags, authors']] as const) {
      const problems = new ProblemLog();
      const text = `---\ntitle: "Hand-edited"\ndate: "2024-01-02T00:00:00+00:00"\nslug: "x"\ndefaults: &defaults\n  section: "World"\n  tags: ["Gulf"]\n${merge}\n---\nBody.\n`;
      const article = toArticle('2024/x.md', 'articles/2024/x.md', text, 'UTC', 'en', problems);
      assert.equal(article?.url, '/2024/x/', merge);
      assert.equal(article.section, undefined, merge);
      assert.deepEqual(problems.problems.map(({ code, line, message }) => [code, line, message]), [
        ['ARTICLE_BAD_FIELD', 8, `has a YAML merge key ("<<"), which is not read (article files are YAML 1.2, which has none): the keys it would add (${keys}) are not added`],
        // The key holding the anchored keys is read by nothing either.
        ['ARTICLE_UNKNOWN_FIELD', 5, 'has a key Broadsheet does not read, "defaults": it changes nothing on the site'],
      ], merge);
      assert.equal(problems.problems[0]!.hint, 'Write each key out in the frontmatter (section: "World") and delete the "<<" line.', merge);
    }
  });

  it('say that a title which is a list or a set of keys is not text, rather than missing', () => {
    assert.deepEqual(problemsOf('---\nslug: "x"\ntitle: ["One", "Two"]\n---\nBody.\n'), [
      ['ARTICLE_MISSING_TITLE', 3, 'has a "title" that is not text (a list); the article is left out'],
    ]);
    assert.deepEqual(problemsOf('---\ntitle: {a: 1}\n---\nBody.\n'), [
      ['ARTICLE_MISSING_TITLE', 2, 'has a "title" that is not text (a set of keys); the article is left out'],
    ]);
  });
});
