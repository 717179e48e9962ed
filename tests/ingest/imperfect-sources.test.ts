// One bad byte never costs a whole article: a line in Windows-1252 in a UTF-8 source, or a stray
// control character, is published repaired in the article file, with a warning naming the line
// that a rebuild from the ingest cache reports again; the repaired text is the article's text, so
// a clean copy of it is the same article. A source that starts with a YAML frontmatter block, or
// is an HTML page or an RTF file saved as `.txt`, is named, and published as the text it is.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function run(inbox: string, articles: string) {
  const problems = new ProblemLog();
  const result = await ingest({ inboxDir: inbox, articlesDir: articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
  return { result, problems: problems.problems.map(({ code, file, line }) => ({ code, file: path.basename(file), line })) };
}

describe('a source with one bad line or byte, ingested', () => {
  it('writes the repaired text into the article file, and a rebuild from the cache reports it again', async () => {
    const work = await temporaryDir('imperfect-sources');
    const inbox = path.join(work, 'inbox');
    const articles = path.join(work, 'articles');
    await mkdir(inbox);
    await writeFile(
      path.join(inbox, '2024-03-05-cafe.txt'),
      Buffer.concat([utf8('Café owners back the plan\n\nThe council approved it on Monday.\n\n'), latin1('The owner said: \x93It\x92s good news.\x94\n\n'), utf8('Work starts in June.\n')]),
    );
    await writeFile(path.join(inbox, '2024-03-06-bridge.txt'), 'Bridge reopens\n\nThe bridge reopened on Monday.\n\nDrivers were \u0007pleased.\n\nThe toll stays.\n');
    const expected = [
      { code: 'ENCODING_WINDOWS_1252_LINES', file: '2024-03-05-cafe.txt', line: 5 },
      { code: 'TEXT_CONTROL_CHARACTER', file: '2024-03-06-bridge.txt', line: 5 },
    ];

    const first = await run(inbox, articles);
    assert.deepEqual(first.problems, expected);
    assert.deepEqual(first.result.sources.map(({ status }) => status), ['written', 'written']);
    const cafe = await readFile(path.join(articles, '2024/cafe-owners-back-the-plan.md'), 'utf8');
    assert.match(cafe, /\nThe owner said: “It’s good news\.”\n/);
    const bridge = await readFile(path.join(articles, '2024/bridge-reopens.md'), 'utf8');
    assert.match(bridge, /\nDrivers were pleased\.\n/);

    const again = await run(inbox, articles);
    assert.deepEqual(again.result.cache, { reused: 2, parsed: 0 });
    assert.deepEqual(again.problems, expected);
  });

  it('is the same article as a clean UTF-8 copy of it (DUPLICATE_ARTICLE), not a second one', async () => {
    const work = await temporaryDir('imperfect-duplicates');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'a-clean.txt'), 'Café owners back the plan\n\nThe council approved it on Monday.\n\nThe owner said: “It’s good news.”\n');
    await writeFile(path.join(inbox, 'b-pasted.txt'), Buffer.concat([utf8('Café owners back the plan\n\nThe council approved it on Monday.\n\n'), latin1('The owner said: \x93It\x92s good news.\x94\n')]));
    const { result, problems } = await run(inbox, path.join(work, 'articles'));
    assert.deepEqual(result.sources.map(({ source, status }) => [source, status]), [['a-clean.txt', 'written'], ['b-pasted.txt', 'duplicate']]);
    assert.ok(problems.some(({ code, file }) => code === 'DUPLICATE_ARTICLE' && file === 'b-pasted.txt'));
  });
});

describe('a source that starts with a YAML frontmatter block (a Jekyll, Hugo or WordPress export)', () => {
  const parse = (text: string) => {
    const problems = new ProblemLog();
    const parsed = parseArticle({ path: 'export.txt', displayPath: 'inbox/export.txt', hash: 'sha256:00', text, mtimeMs: Date.UTC(2020, 0, 1) }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.ok(parsed);
    return { parsed, problems: problems.problems.filter((problem) => problem.code === 'SOURCE_FRONTMATTER') };
  };

  it('is named at line 1 with its lines and keys and how to move them to a sidecar, and published as text, word for word, never read as YAML', () => {
    for (const [text, end, keys] of [
      ['---\ntitle: "Exported story"\ndate: 2024-01-02\ntags:\n  - harbour\n---\nThe body of the story.\n', 6, '"title", "date", "tags"'],
      ['---   \ntitle: [unclosed\ndate: [1,2]\n---\n---\ntitle: second\n---\nThe body.\n', 4, '"title", "date"'],
      ['---\ntitle: !!js/function "function () { globalThis.ranFrontmatter = true }"\nlol: &a [*a]\n...\nThe body.\n', 4, '"title", "lol"'],
    ] as const) {
      const { parsed, problems } = parse(text);
      assert.deepEqual(problems.map(({ file, line }) => [file, line]), [['inbox/export.txt', 1]], text);
      assert.match(problems[0]!.message, new RegExp(`^starts with a YAML frontmatter block \\(lines 1–${end}: ${keys}\\), which Broadsheet does not read: an article's metadata comes from its sidecar, so the block is published as text`), text);
      assert.match(problems[0]!.hint!, new RegExp(`Move the fields to a sidecar .* and delete lines 1–${end} from the source\\.$`), text);
      const published = `${parsed.frontmatter.title}\n${parsed.frontmatter.subtitle ?? ''}\n${parsed.body}`.replace(/\\/g, '');
      for (const line of text.split('\n').slice(1, end - 1)) for (const word of line.split(/\s+/).filter(Boolean)) assert.ok(published.includes(word), `${word} of ${JSON.stringify(text)}`);
    }
    assert.equal((globalThis as Record<string, unknown>).ranFrontmatter, undefined);
  });

  it('says when its date line dates the article, as a dateline in the text does, though the rest is not read', () => {
    // The message said the block was not read, while the article took its date from it.
    const { parsed, problems } = parse('---\ntitle: "Exported story"\ndate: 2019-03-04 10:00:00 +0100\n---\nThe body of the story.\n');
    assert.equal(parsed.frontmatter.date, '2019-03-04T09:00:00+00:00');
    assert.match(problems[0]!.message, /, and the headline is its first line \("---"\); only its line 3 \("date: 2019-03-04 10:00:00 \+0100"\) is read, as a dateline in the text is: it dates the article$/);
    // A date below the block, in the text, is the text's: the block's message says nothing of it.
    const below = parse('---\ntitle: "Exported story"\n---\nPublished: 3 June 2024\n\nThe body of the story.\n');
    assert.equal(below.parsed.frontmatter.date, '2024-06-03T00:00:00+00:00');
    assert.match(below.problems[0]!.message, /, and the headline is its first line \("---"\)$/);
  });

  it('is not taken from a rule above the text, a block never closed, or one that holds prose', () => {
    for (const text of ['---\nThe story starts after a rule.\n---\nMore of it.\n', '---\ntitle: never closed\nThe story.\n', 'Headline\n---\ntitle: x\n---\nThe body.\n']) {
      assert.deepEqual(parse(text).problems, [], text);
    }
  });
});

describe('a source that is an HTML page or an RTF file saved as .txt (a scraper that wrote the page it fetched)', () => {
  const parse = (text: string, sidecar?: { title: string }) => {
    const problems = new ProblemLog();
    const source = { path: 'page.txt', displayPath: 'inbox/page.txt', hash: 'sha256:00', text, mtimeMs: Date.UTC(2020, 0, 1) };
    const withSidecar = sidecar ? { ...source, sidecar: { ...sidecar, extra: {}, origin: { file: 'inbox/meta.jsonl', line: 1 } } } : source;
    const parsed = parseArticle(withSidecar, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.ok(parsed);
    return { parsed, problems: problems.problems.filter((problem) => problem.code === 'SOURCE_OTHER_FORMAT') };
  };

  it('is named at the line it starts on, with the format, its headline and how to make it plain text, and published as the text it is', () => {
    // Each was published, its headline "<!DOCTYPE html>" and its body a page of tags, without a word.
    const html = '<!DOCTYPE html>\n<html><head><title>Harbour news</title></head>\n<body><h1>Council approves timetable</h1>\n<p>The council voted.</p></body></html>\n';
    const { parsed, problems } = parse(html);
    assert.deepEqual(problems.map(({ file, line, severity }) => [file, line, severity]), [['inbox/page.txt', 1, 'warning']]);
    assert.equal(problems[0]!.message, 'is an HTML page, not plain text (it starts with "<!DOCTYPE html>"): Broadsheet reads plain text, so it is published as the text it is, tags included, under the headline "<!DOCTYPE html>"');
    assert.match(problems[0]!.hint!, /as plain text instead: the headline on the first line, then the text .*pandoc -t plain/);
    const published = `${parsed.frontmatter.title}\n${parsed.body}`.replace(/\\/g, '');
    for (const word of html.split(/\s+/).filter(Boolean)) assert.ok(published.includes(word), word);

    const rtf = '\n{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\n\\f0\\fs24 Council approves timetable\\par\n}\n';
    assert.deepEqual(
      parse(rtf).problems.map(({ line, message }) => [line, message]),
      [[2, 'is an RTF document, not plain text (it starts with "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}"): Broadsheet reads plain text, so it is published as the text it is, control words included, under the headline "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}"']],
    );
    // XHTML, after its XML declaration; with a sidecar's headline, the message names none.
    const xhtml = parse('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n<html><body>x</body></html>\n', { title: 'Council approves timetable' });
    assert.deepEqual(
      xhtml.problems.map(({ line, message }) => [line, message]),
      [[1, 'is an HTML page, not plain text (it starts with "<?xml version="1.0" encoding="utf-8"?>"): Broadsheet reads plain text, so it is published as the text it is, tags included']],
    );
  });

  it('is not taken from a headline about HTML, or tags further down the text', () => {
    for (const text of ['<html> tags explained: a beginner guide\n\nThe body.\n', '<!DOCTYPE html> is the first line a page needs\n\nThe body.\n', 'Headline\n\n<!DOCTYPE html>\n<html><body></body></html>\n', '<b>Bold</b> claims\n\nThe body.\n']) {
      assert.deepEqual(parse(text).problems, [], text);
    }
  });
});
