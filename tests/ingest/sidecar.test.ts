// Sidecar metadata: `meta.jsonl` in any inbox folder and `NAME.json` beside `NAME.txt`, with the
// aliases the corpora use; entries for one file merge field by field (NAME.json over a deeper
// meta.jsonl over the root one, a later line over an earlier one) and a field given twice with
// different values is reported; unknown keys are kept as `extra`; sidecars are decoded like
// sources; a "url" that is not an http or https address is left out.

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
    // The one field both give, with different values, is reported where the winning value is.
    assert.deepEqual(
      problems.problems.map(({ code, file, line }) => ({ code, file: path.relative(inbox, file), line })),
      [{ code: 'SIDECAR_DUPLICATE', file: path.join('economy', 'rates.json'), line: undefined }],
    );
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

type InboxFiles = Record<string, string | Uint8Array>;

/**
 * Ingests `files` (inbox-relative path → content) from a new temporary inbox, on the main thread
 * unless told otherwise, `runs` times into one articles folder (later runs use the ingest cache):
 * the last run's articles and problems.
 */
async function ingestInbox(files: InboxFiles, { runs = 1, parseOn = 'main' }: { runs?: number; parseOn?: 'main' | 'workers' } = {}) {
  const work = await temporaryDir('sidecar');
  const inbox = path.join(work, 'inbox');
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(inbox, name)), { recursive: true });
    await writeFile(path.join(inbox, name), content);
  }
  let problems = new ProblemLog();
  const articlesDir = path.join(work, 'articles');
  let result = await ingest({ inboxDir: inbox, articlesDir, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', parseOn }, problems);
  for (let run = 1; run < runs; run++) {
    problems = new ProblemLog();
    result = await ingest({ inboxDir: inbox, articlesDir, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', parseOn }, problems);
  }
  const articles = new Map<string, Record<string, unknown>>();
  const bodies = new Map<string, string>();
  for (const source of result.sources) {
    if (!source.article) continue;
    const file = readArticleFile(await readFile(path.join(articlesDir, source.article), 'utf8'));
    articles.set(source.source, file.data as Record<string, unknown>);
    bodies.set(source.source, file.body.trim());
  }
  /** Problems with the inbox path cut off the file, as `meta.jsonl` or `economy/meta.jsonl`. */
  const found = problems.problems.map((problem) => ({ ...problem, file: path.relative(inbox, problem.file).split(path.sep).join('/') }));
  return { articles, bodies, problems: found };
}

const ARTICLE = 'Headline from the text\n\nThe council met on Tuesday and agreed the budget.\n';
const FILE = '2024-07-04-t.txt';

/** Three sources (a, b, c of January 2024) with `meta` as their meta.jsonl, for the tests of its lines' encodings. */
const ingestThreeWithMeta = (meta: Buffer) =>
  ingestInbox({
    '2024-01-01-a.txt': ARTICLE,
    '2024-01-02-b.txt': 'Headline of b\n\nThe body of the second article.\n',
    '2024-01-03-c.txt': 'Headline of c\n\nThe body of the third article.\n',
    'meta.jsonl': meta,
  });

describe('sidecar "url"', () => {
  for (const bad of ['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'ftp://example.org/story', '/news/story', 'example.org/story']) {
    it(`leaves out ${JSON.stringify(bad)} with a SIDECAR_BAD_URL warning naming the meta.jsonl line`, async () => {
      const { articles, problems } = await ingestInbox({
        [FILE]: ARTICLE,
        'meta.jsonl': `${JSON.stringify({ file: FILE, title: 'Official title' })}\n${JSON.stringify({ file: FILE, url: bad, source: 'Gazette' })}\n`,
      });
      const data = articles.get(FILE)!;
      assert.equal(data.title, 'Official title', 'the rest of the metadata is kept');
      assert.equal((data.source as { url?: string }).url, undefined);
      assert.equal((data.source as { name?: string }).name, 'Gazette');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.code, 'SIDECAR_BAD_URL');
      assert.equal(problems[0]!.severity, 'warning');
      assert.equal(problems[0]!.file, 'meta.jsonl');
      assert.equal(problems[0]!.line, 2);
      assert.ok(problems[0]!.message.includes(`"url" must be an http or https address, not ${JSON.stringify(bad)}`), problems[0]!.message);
      assert.match(problems[0]!.hint, /https:\/\//);
    });
  }

  it('leaves out a bad "url" in a NAME.json, naming that file and the line', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': '{"url": "javascript:alert(1)"}' });
    assert.equal((articles.get(FILE)!.source as { url?: string }).url, undefined);
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'SIDECAR_BAD_URL', file: '2024-07-04-t.json', line: 1 }]);
  });

  it('keeps absolute http and https addresses as given', async () => {
    const { articles, problems } = await ingestInbox({
      '2024-01-01-a.txt': ARTICLE,
      '2024-01-02-b.txt': 'Another headline\n\nA different body for the second article.\n',
      'meta.jsonl': '{"file": "2024-01-01-a.txt", "url": "http://example.org/a?x=1&y=2"}\n{"file": "2024-01-02-b.txt", "url": "HTTPS://example.org/b#part"}\n',
    });
    assert.deepEqual(problems, []);
    assert.equal((articles.get('2024-01-01-a.txt')!.source as { url?: string }).url, 'http://example.org/a?x=1&y=2');
    assert.equal((articles.get('2024-01-02-b.txt')!.source as { url?: string }).url, 'HTTPS://example.org/b#part');
  });

  it('percent-encodes what no URL may hold as written (spaces, quotes, angle brackets, a stray %), and keeps the rest', async () => {
    const { articles, problems } = await ingestInbox({
      '2024-01-01-a.txt': ARTICLE,
      '2024-01-02-b.txt': 'Another headline\n\nA different body for the second article.\n',
      'meta.jsonl': `${JSON.stringify({ file: '2024-01-01-a.txt', url: 'https://example.org/a b/"><x>?q=100% sure&r=%41#top part' })}\n${JSON.stringify({ file: '2024-01-02-b.txt', url: 'http://example.org/news/شاهد-القصة/?id=5' })}\n`,
    });
    assert.deepEqual(problems, []);
    assert.equal((articles.get('2024-01-01-a.txt')!.source as { url?: string }).url, 'https://example.org/a%20b/%22%3E%3Cx%3E?q=100%25%20sure&r=%41#top%20part');
    assert.equal((articles.get('2024-01-02-b.txt')!.source as { url?: string }).url, 'http://example.org/news/شاهد-القصة/?id=5');
  });

  it('keeps the url of a less specific place when the more specific one is bad', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "url": "https://example.org/good"}\n`,
      '2024-07-04-t.json': '{"url": "javascript:alert(1)"}',
    });
    assert.equal((articles.get(FILE)!.source as { url?: string }).url, 'https://example.org/good');
    assert.deepEqual(problems.map(({ code }) => code), ['SIDECAR_BAD_URL']);
  });
});

describe('sidecar encodings', () => {
  const BOM = '\uFEFF';

  it('reads a meta.jsonl that starts with a UTF-8 byte-order mark (Notepad saves one)', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${BOM}{"file": "${FILE}", "title": "Title from meta.jsonl"}\r\n` });
    assert.deepEqual(problems, []);
    assert.equal(articles.get(FILE)!.title, 'Title from meta.jsonl');
  });

  it('reads a NAME.json that starts with a UTF-8 byte-order mark', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': `${BOM}{"title": "Title from NAME.json"}` });
    assert.deepEqual(problems, []);
    assert.equal(articles.get(FILE)!.title, 'Title from NAME.json');
  });

  it('reads a NAME.json saved as UTF-16 with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"title": "Café au lait"}', 'utf16le')]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': utf16 });
    assert.deepEqual(problems, []);
    assert.equal(articles.get(FILE)!.title, 'Café au lait');
  });

  it('reads a Windows-1252 NAME.json as Windows-1252, with ENCODING_WINDOWS_1252 on the sidecar', async () => {
    // 0xE9 is é and 0x93/0x94 are curly double quotes in Windows-1252.
    const bytes = Buffer.concat([Buffer.from('{"title": "Caf'), Buffer.from([0xe9, 0x20, 0x93]), Buffer.from('open'), Buffer.from([0x94]), Buffer.from('"}')]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': bytes });
    assert.equal(articles.get(FILE)!.title, 'Caf\u00e9 \u201copen\u201d');
    assert.deepEqual(problems.map(({ code, severity, file }) => ({ code, severity, file })), [{ code: 'ENCODING_WINDOWS_1252', severity: 'warning', file: '2024-07-04-t.json' }]);
  });

  it('reads a Latin-1 meta.jsonl as Windows-1252, with ENCODING_WINDOWS_1252 on the sidecar', async () => {
    const bytes = Buffer.concat([Buffer.from(`{"file": "${FILE}", "title": "Caf`), Buffer.from([0xe9]), Buffer.from(' society", "author": "Ren'), Buffer.from([0xe9]), Buffer.from(' M"}\n')]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': bytes });
    assert.equal(articles.get(FILE)!.title, 'Caf\u00e9 society');
    assert.deepEqual(articles.get(FILE)!.authors, ['Ren\u00e9 M']);
    assert.deepEqual(problems.map(({ code, file }) => ({ code, file })), [{ code: 'ENCODING_WINDOWS_1252', file: 'meta.jsonl' }]);
  });

  for (const [ends, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR alone, as classic Mac OS wrote', '\r']] as const) {
    it(`reads the good lines of a meta.jsonl whose one line has a damaged byte, and names that line (lines ending in ${ends})`, async () => {
      // The line holds UTF-8 (`é` as two bytes) beside the stray byte: damaged UTF-8, not Windows-1252.
      const bytes = Buffer.concat([
        Buffer.from(`{"file": "2024-01-01-a.txt", "title": "Caf\u00e9 in UTF-8"}${eol}`),
        Buffer.from('{"file": "2024-01-02-b.txt", "title": "Broken caf\u00e9 '),
        Buffer.from([0xe9]),
        Buffer.from(`"}${eol}{"file": "2024-01-03-c.txt", "title": "Third title"}${eol}`),
      ]);
      const { articles, problems } = await ingestThreeWithMeta(bytes);
      assert.equal(articles.get('2024-01-01-a.txt')!.title, 'Caf\u00e9 in UTF-8');
      assert.equal(articles.get('2024-01-02-b.txt')!.title, 'Headline of b', 'the damaged line is not used, never with a U+FFFD');
      assert.equal(articles.get('2024-01-03-c.txt')!.title, 'Third title');
      assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'SIDECAR_NOT_TEXT', file: 'meta.jsonl', line: 2 }]);
    });
  }

  it('reads a line in Windows-1252 of a UTF-8 NAME.json as a source line is, with ENCODING_WINDOWS_1252_LINES naming the sidecar and line', async () => {
    // An old tool wrote the title as Windows-1252 (0xE9 for é); the other lines are UTF-8.
    const bytes = Buffer.concat([
      Buffer.from('{\n  "authors": ["Ren\u00e9e M"],\n  "title": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait",\n  "date": "2024-06-03"\n}\n'),
    ]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': bytes });
    const data = articles.get(FILE)!;
    assert.equal(data.title, 'Caf\u00e9 au lait');
    assert.deepEqual(data.authors, ['Ren\u00e9e M']);
    assert.equal(data.date, '2024-06-03T00:00:00+00:00');
    assert.deepEqual(problems.map(({ code, severity, file, line }) => ({ code, severity, file, line })), [
      { code: 'ENCODING_WINDOWS_1252_LINES', severity: 'warning', file: '2024-07-04-t.json', line: 3 },
    ]);
    assert.match(problems[0]!.message, /0xE9 at offset 44, reads as "\u00e9"/);
  });

  for (const damaged of [false, true]) {
    it(`reads a line in Windows-1252 of a UTF-8 meta.jsonl, naming it${damaged ? ', when another line is damaged UTF-8' : ''}`, async () => {
      const bytes = Buffer.concat([
        Buffer.from('{"file": "2024-01-01-a.txt", "title": "Caf\u00e9 in UTF-8"}\n'),
        Buffer.from('{"file": "2024-01-02-b.txt", "title": "Caf'),
        Buffer.from([0xe9, 0x20, 0x93]),
        Buffer.from('three'),
        Buffer.from([0x94]),
        Buffer.from('"}\n'),
        damaged ? Buffer.concat([Buffer.from('{"file": "2024-01-03-c.txt", "title": "Caf\u00e9 '), Buffer.from([0xe9]), Buffer.from('"}\n')]) : Buffer.from(''),
      ]);
      const { articles, problems } = await ingestThreeWithMeta(bytes);
      assert.equal(articles.get('2024-01-01-a.txt')!.title, 'Caf\u00e9 in UTF-8');
      assert.equal(articles.get('2024-01-02-b.txt')!.title, 'Caf\u00e9 \u201cthree\u201d');
      assert.equal(articles.get('2024-01-03-c.txt')!.title, 'Headline of c');
      const byLine = problems.toSorted((a, b) => (a.line ?? 0) - (b.line ?? 0));
      assert.deepEqual(byLine.map(({ code, file, line }) => ({ code, file, line })), [
        { code: 'ENCODING_WINDOWS_1252_LINES', file: 'meta.jsonl', line: 2 },
        ...(damaged ? [{ code: 'SIDECAR_NOT_TEXT', file: 'meta.jsonl', line: 3 }] : []),
      ]);
    });
  }

  it('ignores a NAME.json that is not text, with a warning naming it', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': png });
    assert.equal(articles.get(FILE)!.title, 'Headline from the text');
    assert.deepEqual(problems.map(({ code, file }) => ({ code, file })), [{ code: 'SIDECAR_NOT_TEXT', file: '2024-07-04-t.json' }]);
  });
});

describe('C1 controls and noncharacters in sidecar values', () => {
  it('turns JSON escapes of C1 controls in a NAME.json into the Windows-1252 characters meant, with one warning naming the fields', async () => {
    // Mojibake as a JSON writer escapes it: \u0093 and \u0094 were the quotes 0x93 and 0x94, \u0092 was 0x92.
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      '2024-07-04-t.json': '{"title": "The \\u0093harbour\\u0094 plan", "subtitle": "Costs \\u00805m", "authors": ["Ann O\\u0092Brien"], "notes": "kept \\u0093as given\\u0094"}',
    });
    const data = articles.get(FILE)!;
    assert.equal(data.title, 'The \u201charbour\u201d plan');
    assert.equal(data.subtitle, 'Costs \u20ac5m');
    assert.deepEqual(data.authors, ['Ann O\u2019Brien']);
    assert.deepEqual(data.extra, { notes: 'kept \u0093as given\u0094' }, 'extra keys never reach a page and are kept as given');
    assert.deepEqual(problems.map(({ code, severity, file, line }) => ({ code, severity, file, line })), [
      { code: 'TEXT_C1_CONTROL', severity: 'warning', file: '2024-07-04-t.json', line: undefined },
    ]);
    assert.equal(
      problems[0]!.message,
      '"title", "subtitle" and "authors" contain 4 C1 control characters, invisible and invalid in HTML: U+0093 ×1 became \u201c, U+0094 ×1 became \u201d, ' +
        'U+0080 ×1 became \u20ac, U+0092 ×1 became \u2019. Text written in Windows-1252 was read as Latin-1 before it was saved',
    );
    assert.match(problems[0]!.hint, /sidecar/);
  });

  it('repairs raw C1 controls and noncharacters in a meta.jsonl line, naming that line once per kind', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "section": "News"}\n{"file": "${FILE}", "title": "Wait\u0085 what", "tags": ["one\u0085", "two\uFDD0"]}\n`,
    });
    const data = articles.get(FILE)!;
    assert.equal(data.title, 'Wait\u2026 what');
    assert.deepEqual(data.tags, ['one\u2026', 'two\uFFFD']);
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [
      { code: 'TEXT_C1_CONTROL', file: 'meta.jsonl', line: 2 },
      { code: 'TEXT_NONCHARACTER', file: 'meta.jsonl', line: 2 },
    ]);
    assert.match(problems[0]!.message, /^"title" and "tags" contain 2 C1 control characters, .*: U\+0085 ×2 became \u2026/);
    assert.match(problems[1]!.message, /^"tags" contains 1 Unicode noncharacter, .*: U\+FDD0 ×1 became U\+FFFD$/);
  });

  it('turns the undefined byte 0x81 of a Windows-1252 NAME.json into U+FFFD, besides ENCODING_WINDOWS_1252', async () => {
    const bytes = Buffer.concat([Buffer.from('{"title": "Caf'), Buffer.from([0xe9, 0x20, 0x81]), Buffer.from(' menu"}')]);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': bytes });
    assert.equal(articles.get(FILE)!.title, 'Caf\u00e9 \uFFFD menu');
    // The headline's U+FFFD is named as any headline's is, at the place that gave the headline:
    // this sidecar, where it is corrected.
    assert.deepEqual(problems.map(({ code, file }) => ({ code, file })), [
      { code: 'ENCODING_WINDOWS_1252', file: '2024-07-04-t.json' },
      { code: 'TEXT_C1_CONTROL', file: '2024-07-04-t.json' },
      { code: 'TEXT_REPLACEMENT_CHARACTER', file: '2024-07-04-t.json' },
    ]);
    assert.match(problems[1]!.message, /U\+0081 ×1 became U\+FFFD \(no character in Windows-1252\)/);
  });
});

describe('several sidecar entries for one file', () => {
  it('merges two meta.jsonl lines field by field, without a warning when no field repeats', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "title": "Title from line 1", "authors": ["Ann Writer"]}\n{"file": "${FILE}", "tags": ["budget"], "desk": "city"}\n`,
    });
    assert.deepEqual(problems, []);
    const data = articles.get(FILE)!;
    assert.equal(data.title, 'Title from line 1');
    assert.deepEqual(data.authors, ['Ann Writer']);
    assert.deepEqual(data.tags, ['budget']);
    assert.deepEqual(data.extra, { desk: 'city' });
  });

  it('uses the later line when two lines give a field different values, and says so naming both lines', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "title": "First title", "section": "News"}\n{"file": "${FILE}", "title": "Second title", "section": "News"}\n`,
    });
    assert.equal(articles.get(FILE)!.title, 'Second title');
    assert.equal(articles.get(FILE)!.section, 'News');
    assert.equal(problems.length, 1, 'the section agrees, so only the title is reported');
    const [problem] = problems;
    assert.equal(problem!.code, 'SIDECAR_DUPLICATE');
    assert.equal(problem!.severity, 'warning');
    assert.equal(problem!.file, 'meta.jsonl');
    assert.equal(problem!.line, 2);
    for (const part of ['"title"', FILE, '"First title"', '"Second title"', 'meta.jsonl:1']) assert.ok(problem!.message.includes(part), `${problem!.message} mentions ${part}`);
    assert.match(problem!.message, /"Second title" from here is used/);
  });

  it('lets a subfolder meta.jsonl win over the root one and NAME.json over both, reporting each repeated field', async () => {
    const { articles, problems } = await ingestInbox({
      'city/2024-07-04-report.txt': ARTICLE,
      'meta.jsonl': '{"file": "city/2024-07-04-report.txt", "title": "Root title", "subtitle": "Root subtitle", "tags": "root", "lang": "en-GB"}\n',
      'city/meta.jsonl': '{"file": "2024-07-04-report.txt", "title": "Folder title", "subtitle": "Folder subtitle", "author": "Folder Author"}\n',
      'city/2024-07-04-report.json': '{"title": "Own title", "tags": ["own"]}',
    });
    const data = articles.get('city/2024-07-04-report.txt')!;
    assert.equal(data.title, 'Own title');
    assert.equal(data.subtitle, 'Folder subtitle');
    assert.deepEqual(data.authors, ['Folder Author']);
    assert.deepEqual(data.tags, ['own']);
    assert.equal(data.language, 'en-GB');
    const reported = problems.map(({ code, file, line, message }) => ({ code, file, line, field: /"(\w+)"/.exec(message)?.[1] }));
    assert.deepEqual(
      reported.sort((a, b) => `${a.file}${a.field}`.localeCompare(`${b.file}${b.field}`)),
      [
        { code: 'SIDECAR_DUPLICATE', file: 'city/2024-07-04-report.json', line: undefined, field: 'tags' },
        { code: 'SIDECAR_DUPLICATE', file: 'city/2024-07-04-report.json', line: undefined, field: 'title' },
        { code: 'SIDECAR_DUPLICATE', file: 'city/meta.jsonl', line: 1, field: 'subtitle' },
        { code: 'SIDECAR_DUPLICATE', file: 'city/meta.jsonl', line: 1, field: 'title' },
      ],
    );
    const ownTitle = problems.find((problem) => problem.file === 'city/2024-07-04-report.json' && problem.message.includes('"title"'))!;
    assert.ok(ownTitle.message.includes('city/meta.jsonl:1') && ownTitle.message.includes('"Folder title"'), 'it names the place it overrides, the latest one');
  });

  it('does not report a field given twice with the same value', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "title": "Same title", "authors": "Ann Writer; Bob Writer"}\n`,
      '2024-07-04-t.json': '{"title": "Same title", "author": ["Ann Writer", "Bob Writer"]}',
    });
    assert.deepEqual(problems, []);
    assert.equal(articles.get(FILE)!.title, 'Same title');
  });

  it('reports a field given twice on one line under two names (an alias and the key)', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `{"file": "${FILE}", "category": "Business", "section": "Sport"}\n` });
    assert.equal(articles.get(FILE)!.section, 'Sport');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'SIDECAR_DUPLICATE');
    assert.equal(problems[0]!.line, 1);
    for (const part of ['"category"', '"section"', '"Business"', '"Sport"']) assert.ok(problems[0]!.message.includes(part), `${problems[0]!.message} mentions ${part}`);
  });

  it("reads exporters' names for the date and the update (datePublished, pubDate, dateModified, lastModified …), not keeping them in extra", async () => {
    const { articles, problems } = await ingestInbox({
      'a.txt': ARTICLE,
      'b.txt': 'Another headline\n\nThe mayor opened the new bridge on Friday.\n',
      'meta.jsonl': `{"file": "a.txt", "datePublished": "2023-03-01T09:00:00Z", "dateModified": "2023-03-02T10:00:00Z"}\n{"file": "b.txt", "pubDate": "2023-04-01T09:00:00Z", "lastModified": "2023-04-05T10:00:00Z"}\n`,
    });
    assert.deepEqual(problems, []);
    for (const [file, date, updated] of [['a.txt', '2023-03-01', '2023-03-02'], ['b.txt', '2023-04-01', '2023-04-05']] as const) {
      const data = articles.get(file)!;
      assert.ok(String(data.date).startsWith(date), `${file}: date ${String(data.date)}`);
      assert.equal(data.dateSource, 'sidecar');
      assert.ok(String(data.updated).startsWith(updated), `${file}: updated ${String(data.updated)}`);
      assert.equal(data.extra, undefined, `${file}: no extra`);
    }
  });

  it('uses "date" over an alias given with another value in the same object, whatever the order, naming both', async () => {
    const { articles, problems } = await ingestInbox({
      'a.txt': ARTICLE,
      'meta.jsonl': `{"file": "a.txt", "date": "2023-03-01", "published": "2022-01-01", "modified": "2023-05-01", "updated": "2023-06-01"}\n`,
    });
    assert.ok(String(articles.get('a.txt')!.date).startsWith('2023-03-01'));
    assert.ok(String(articles.get('a.txt')!.updated).startsWith('2023-06-01'));
    assert.deepEqual(problems.map(({ code, line }) => ({ code, line })), [{ code: 'SIDECAR_DUPLICATE', line: 1 }, { code: 'SIDECAR_DUPLICATE', line: 1 }]);
    assert.match(problems[0]!.message, /as "date" \("2023-03-01"\) and as "published" \("2022-01-01"\); "date", "2023-03-01", is used/);
    assert.match(problems[1]!.message, /as "modified" \("2023-05-01"\) and as "updated" \("2023-06-01"\); "updated", "2023-06-01", is used/);
  });

  it('names the line of an alias in a NAME.json when its date is wrong', async () => {
    const { problems } = await ingestInbox({ 'a.txt': ARTICLE, 'a.json': '{\n  "title": "T",\n  "datePublished": "2023-02-30"\n}\n' });
    const bad = problems.filter((problem) => problem.code === 'SIDECAR_BAD_DATE');
    assert.equal(bad.length, 1, JSON.stringify(problems));
    assert.equal(bad[0]!.line, 3);
  });

  it('names a date given under an alias by the key the sidecar writes, at its line, when it is no date, in the future, too early or before the article', async () => {
    const body = (n: number) => `Headline ${n}\n\nThe council met on day ${n} to agree the budget.\n`;
    const { problems } = await ingestInbox({
      'a.txt': body(1),
      'a.json': '{\n  "title": "T",\n  "datePublished": "2023-02-30",\n  "dateModified": "2023-02-31"\n}\n',
      'b.txt': body(2),
      'c.txt': body(3),
      'd.txt': body(4),
      'e.txt': body(5),
      'f.txt': body(6),
      'f.json': '{"published": "2099-03-01"}',
      'g.txt': body(7),
      'g.json': '{"date": "2098-03-01"}',
      'meta.jsonl': [
        '{"file": "b.txt", "published": "2099-01-01", "modified": "2099-02-01"}',
        '{"file": "c.txt", "pubDate": "3 June 0024"}',
        '{"file": "d.txt", "date": "2023-05-01", "lastModified": "2023-04-01"}',
        '{"file": "e.txt", "date": "2099-05-01"}',
        '{"file": "f.txt", "date": "2020-01-01"}',
        '{"file": "g.txt", "pubDate": "2020-01-01"}',
      ].join('\n'),
    });
    const named = problems.filter(({ code }) => code === 'DATE_IN_FUTURE' || code === 'DATE_TOO_EARLY' || code === 'SIDECAR_BAD_DATE').map(({ code, file, line, message, hint }) => ({ code, file, line, text: `${message} ${hint ?? ''}` }));
    const expected: Array<[string, string, number | undefined, string]> = [
      ['SIDECAR_BAD_DATE', 'a.json', 3, 'datePublished'],
      ['SIDECAR_BAD_DATE', 'a.json', 4, 'dateModified'],
      ['DATE_IN_FUTURE', 'meta.jsonl', 1, 'published'],
      ['DATE_IN_FUTURE', 'meta.jsonl', 1, 'modified'],
      ['DATE_TOO_EARLY', 'meta.jsonl', 2, 'pubDate'],
      ['SIDECAR_BAD_DATE', 'meta.jsonl', 3, 'lastModified'],
      ['DATE_IN_FUTURE', 'meta.jsonl', 4, 'date'],
      // Merged from two places, the key named is the one written where the value used came from.
      ['DATE_IN_FUTURE', 'f.json', undefined, 'published'],
      ['DATE_IN_FUTURE', 'g.json', undefined, 'date'],
    ];
    // A key is named quoted (`Correct "pubDate"`) or opening the message (`pubDate "…" for a.txt`).
    const names = (text: string, key: string) => text.includes(`"${key}"`) || text.startsWith(`${key} "`);
    for (const [code, file, line, key] of expected) {
      const found = named.find((problem) => problem.code === code && problem.file === file && problem.line === line && names(problem.text, key));
      assert.ok(found, `${code} at ${file}:${line} names "${key}": ${JSON.stringify(named)}`);
      const canonical = key.toLowerCase().includes('mod') ? 'updated' : 'date';
      if (key !== canonical) assert.ok(!names(found.text, canonical), `${code} at ${file}:${line} does not name "${canonical}", which the file does not hold: ${found.text}`);
      if (file === 'g.json') assert.ok(!names(found.text, 'pubDate'), `g.json's "date" is not named as meta.jsonl's "pubDate": ${found.text}`);
    }
    assert.equal(named.length, expected.length, JSON.stringify(named));
  });

  it('reports a key given twice on one meta.jsonl line with different values, naming the line, the key and both values', async () => {
    const lines = [
      `{"file": "${FILE}", "date": "2024-07-04"}`,
      `{"file": "${FILE}", "title": "First title", "tags": ["a"], "title": "Second title"}`,
    ];
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${lines.join('\n')}\n` });
    assert.equal(articles.get(FILE)!.title, 'Second title', 'JSON keeps the last');
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'SIDECAR_DUPLICATE_KEY', file: 'meta.jsonl', line: 2 }]);
    for (const part of ['"title"', '"First title"', '"Second title"']) assert.ok(problems[0]!.message.includes(part), `${problems[0]!.message} mentions ${part}`);
  });

  it('reports a key given twice in a NAME.json at the line of the second, also when written with escapes, and not a key inside a value', async () => {
    const json = ['{', '  "extra": {"title": 1, "title": 2},', '  "title": "First title",', '  "ti\\u0074le": "Second title"', '}'].join('\n');
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': json });
    assert.equal(articles.get(FILE)!.title, 'Second title');
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'SIDECAR_DUPLICATE_KEY', file: '2024-07-04-t.json', line: 4 }]);
  });

  it('does not report a key given twice with the same value', async () => {
    const { problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `{"file": "${FILE}", "title": "Same", "title": "Same"}\n` });
    assert.deepEqual(problems, []);
  });

  it('reports a bad date at the place that gave it, not at the place that gave the other fields', async () => {
    const { problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `{"file": "${FILE}", "date": "2024-02-30"}\n`,
      '2024-07-04-t.json': '{"title": "Own title"}',
    });
    const badDate = problems.find((problem) => problem.code === 'SIDECAR_BAD_DATE');
    assert.ok(badDate, JSON.stringify(problems));
    assert.equal(badDate.file, 'meta.jsonl');
    assert.equal(badDate.line, 1);
  });
});

describe('problems with a value a sidecar gave', () => {
  // A megabyte of words with no line break: a whole article pasted into "title".
  const HUGE_TITLE = 'Harbour council agrees budget '.repeat(35_000).trim();
  const META = [`{"file": "${FILE}", "date": "2024-07-04"}`, JSON.stringify({ file: FILE, title: HUGE_TITLE })].join('\n');
  const where = (problems: Array<{ code: string; file: string; line?: number }>) => problems.map(({ code, file, line }) => ({ code, file, line }));

  it('names the meta.jsonl line that gave a one-megabyte title, not the source', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${META}\n` });
    assert.notEqual(articles.get(FILE)!.title, HUGE_TITLE, 'lists show the headline');
    assert.deepEqual(where(problems), [
      { code: 'TITLE_TOO_LONG', file: 'meta.jsonl', line: 2 },
      { code: 'TEXT_LONG_LINE', file: 'meta.jsonl', line: 2 },
    ]);
    for (const problem of problems) assert.ok(problem.message.includes(`"title" for ${FILE}`), problem.message);
    assert.ok(problems[1]!.message.includes(`${HUGE_TITLE.length} characters`), problems[1]!.message);
  });

  it('publishes a one-megabyte title whole as the first paragraph, under a headline of its first words, which every list shows', async () => {
    const { articles, bodies, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${META}\n` });
    // Its first 13 words are 97 characters with their spaces; a 14th (` council`) would pass 100.
    const headline = `${HUGE_TITLE.split(' ').slice(0, 13).join(' ')}…`;
    assert.equal(articles.get(FILE)!.title, headline);
    // The text's own first line, which is not the sidecar's title, stays its text too.
    assert.deepEqual(bodies.get(FILE)!.split('\n\n'), [HUGE_TITLE, 'Headline from the text', 'The council met on Tuesday and agreed the budget.']);
    assert.equal(
      problems[0]!.message,
      `"title" for ${FILE} is ${HUGE_TITLE.length} characters long, too long for a headline: it is published whole as the article's first paragraph, under a headline made of its first words ("${headline}")`,
    );
  });

  it('keeps a sidecar title of 1,000 characters, which lists can still show, as the headline', async () => {
    const title = 'Harbour council agrees budget '.repeat(40).slice(0, 1000);
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${JSON.stringify({ file: FILE, title, date: '2024-07-04' })}\n` });
    assert.equal(articles.get(FILE)!.title, title.trim());
    assert.deepEqual(where(problems), [{ code: 'TITLE_TOO_LONG', file: 'meta.jsonl', line: 1 }]);
  });

  it('names the place whose title is used when several places give one', async () => {
    const { problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${META}\n`, '2024-07-04-t.json': JSON.stringify({ subtitle: 'A short standfirst', title: HUGE_TITLE.slice(0, 25_000) }) });
    assert.deepEqual(where(problems).filter((problem) => problem.code !== 'SIDECAR_DUPLICATE'), [
      { code: 'TITLE_TOO_LONG', file: '2024-07-04-t.json', line: undefined },
      { code: 'TEXT_LONG_LINE', file: '2024-07-04-t.json', line: undefined },
    ]);
  });

  it('names a sidecar subtitle\'s problems at the sidecar too', async () => {
    const { problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${JSON.stringify({ file: FILE, subtitle: 'Damaged \uFFFD standfirst' })}\n` });
    assert.deepEqual(where(problems).filter((problem) => problem.code !== 'DATE_FROM_FILE_TIME'), [{ code: 'TEXT_REPLACEMENT_CHARACTER', file: 'meta.jsonl', line: 1 }]);
  });

  it('still names the sidecar line when the source is reused from the ingest cache, parsed on the main thread or by workers', async () => {
    for (const parseOn of ['main', 'workers'] as const) {
      const { problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${META.replace('"date": "2024-07-04"', '"date": "03/04/2024"')}\n` }, { runs: 2, parseOn });
      assert.deepEqual(where(problems).map(({ code, file, line }) => `${file}:${line} ${code}`).sort(), ['meta.jsonl:1 SIDECAR_AMBIGUOUS_DATE', 'meta.jsonl:2 TEXT_LONG_LINE', 'meta.jsonl:2 TITLE_TOO_LONG'], parseOn);
    }
  });
});

describe('sidecar file names in another Unicode form or case', () => {
  const nfd = 'cafe\u0301-2024-05-01.txt';
  const nfc = 'caf\u00e9-2024-05-01.txt';

  it('a meta.jsonl line naming a source in NFC finds the source saved in NFD (they look the same)', async () => {
    const { articles, problems } = await ingestInbox({ [nfd]: ARTICLE, 'meta.jsonl': `${JSON.stringify({ file: nfc, title: 'Café opens' })}\n` });
    assert.equal(articles.get(nfd)?.title, 'Café opens');
    assert.deepEqual(problems.map((problem) => problem.code), []);
  });

  it('a NAME.json in NFC is the sidecar of NAME.txt in NFD', async () => {
    const { articles } = await ingestInbox({ [nfd]: ARTICLE, [nfc.replace('.txt', '.json')]: JSON.stringify({ title: 'Café opens' }) });
    assert.equal(articles.get(nfd)?.title, 'Café opens');
  });

  it('a NAME.json in NFC is the sidecar of the NAME.txt in NFC only, when NAME.txt is also there in NFD (a copy from macOS)', async () => {
    const { articles, problems } = await ingestInbox({
      [nfc]: ARTICLE,
      [nfd]: 'Headline of the copy\n\nThe copy from macOS has another body.\n',
      [nfc.replace('.txt', '.json')]: JSON.stringify({ title: 'Café opens' }),
    });
    assert.equal(articles.get(nfc)?.title, 'Café opens');
    assert.equal(articles.get(nfd)?.title, 'Headline of the copy', 'not the other file\'s sidecar');
    assert.deepEqual(problems.map((problem) => problem.code), []);
  });

  it('a name that differs in case is not taken, but the warning names the source meant', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `${JSON.stringify({ file: FILE.toUpperCase(), title: 'Not taken' })}\n` });
    assert.equal(articles.get(FILE)?.title, 'Headline from the text');
    assert.deepEqual(problems.map((problem) => [problem.code, problem.message]), [['SIDECAR_MISSING_FILE', `names "${FILE.toUpperCase()}", which is not in the inbox (the inbox has "${FILE}")`]]);
  });
});

describe('a sidecar value of the wrong type', () => {
  it('is named with what it is and its value, and left out', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `${JSON.stringify({ file: FILE, title: 5, authors: ['Jane Doe', 2], tags: { a: 1 }, date: true, section: ['Sport'] })}\n`,
    });
    assert.equal(articles.get(FILE)!.title, 'Headline from the text');
    assert.deepEqual(
      problems.map(({ code, line, message }) => ({ code, line, message })),
      [
        { code: 'SIDECAR_WRONG_TYPE', line: 1, message: '"title" should be a string, not a number (5); it is ignored' },
        { code: 'SIDECAR_WRONG_TYPE', line: 1, message: '"authors" should be a string or a list of strings, not a list holding a number (["Jane Doe",2]); it is ignored' },
        { code: 'SIDECAR_WRONG_TYPE', line: 1, message: '"tags" should be a string or a list of strings, not an object ({"a":1}); it is ignored' },
        { code: 'SIDECAR_WRONG_TYPE', line: 1, message: '"date" should be a string, not a boolean (true); it is ignored' },
        { code: 'SIDECAR_WRONG_TYPE', line: 1, message: '"section" should be a string, not a list (["Sport"]); it is ignored' },
      ],
    );
  });
});

describe('a NAME.json value of the wrong type or form', () => {
  it('is named at the line of its key, as one in a meta.jsonl is at its entry\'s', async () => {
    const { problems } = await ingestInbox({
      [FILE]: ARTICLE,
      '2024-07-04-t.json': '{\n  "title": "A title",\n  "tags": {"a": 1},\n  "date": [1, 2],\n  "url": "javascript:alert(1)",\n  "language": "English"\n}\n',
    });
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [
      { code: 'SIDECAR_WRONG_TYPE', file: '2024-07-04-t.json', line: 3 },
      { code: 'SIDECAR_WRONG_TYPE', file: '2024-07-04-t.json', line: 4 },
      { code: 'SIDECAR_BAD_URL', file: '2024-07-04-t.json', line: 5 },
      { code: 'SIDECAR_BAD_LANGUAGE', file: '2024-07-04-t.json', line: 6 },
    ]);
  });
});

describe('a meta.jsonl written as one JSON document', () => {
  it('is read, a pretty-printed list of objects or one object, with one warning and each object\'s problems at the line it starts on', async () => {
    const { articles, problems } = await ingestInbox({
      '2024-01-01-a.txt': ARTICLE,
      '2024-01-02-b.txt': 'Another headline\n\nA different body for the second article.\n',
      'meta.jsonl': '[\n  {"file": "2024-01-01-a.txt", "title": "Title of a"},\n  {\n    "file": "2024-01-02-b.txt",\n    "title": 5\n  }\n]\n',
      'sport/2024-01-03-c.txt': 'A third headline\n\nA third body, unlike the others.\n',
      'sport/meta.jsonl': '{\n  "file": "2024-01-03-c.txt",\n  "title": "Title of c"\n}\n',
    });
    assert.deepEqual(
      ['2024-01-01-a.txt', '2024-01-02-b.txt', 'sport/2024-01-03-c.txt'].map((file) => articles.get(file)!.title),
      ['Title of a', 'Another headline', 'Title of c'],
    );
    assert.deepEqual(
      problems.map(({ code, file, line, message, hint }) => ({ code, file, line, message, hint })),
      [
        {
          code: 'SIDECAR_NOT_JSON_LINES',
          file: 'meta.jsonl',
          line: 1,
          message: 'is one JSON document over 7 lines (a list of 2 objects), not one object per line; it is read as such',
          hint: "Write one object per line to silence this warning, e.g. with: jq -c '.[]' meta.jsonl > meta.new && mv meta.new meta.jsonl",
        },
        { code: 'SIDECAR_WRONG_TYPE', file: 'meta.jsonl', line: 3, message: '"title" should be a string, not a number (5); it is ignored', hint: 'Give "title" as a string.' },
        {
          code: 'SIDECAR_NOT_JSON_LINES',
          file: 'sport/meta.jsonl',
          line: 1,
          message: 'is one JSON document over 4 lines (one object), not one object per line; it is read as such',
          hint: "Write one object per line to silence this warning, e.g. with: jq -c '.' meta.jsonl > meta.new && mv meta.new meta.jsonl",
        },
      ],
    );
  });

  it('is not taken for one when a line is broken: each line is still named', async () => {
    const { problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': `{"file": "${FILE}", "title": "A"}\n{"file": \n` });
    assert.deepEqual(problems.map(({ code, line }) => ({ code, line })), [{ code: 'SIDECAR_BAD_JSON', line: 2 }]);
  });
});

describe('a NAME.json', () => {
  it('is the sidecar of NAME.txt whatever the case of its extension, as NAME.TXT is a source', async () => {
    const { articles, problems } = await ingestInbox({
      '2024-01-01-a.txt': ARTICLE,
      '2024-01-01-a.JSON': '{"title": "From a.JSON"}',
      '2024-01-02-b.TXT': 'Another headline\n\nA different body for the second article.\n',
      '2024-01-02-b.json': '{"title": "From b.json"}',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual([articles.get('2024-01-01-a.txt')!.title, articles.get('2024-01-02-b.TXT')!.title], ['From a.JSON', 'From b.json']);
  });

  it('beside no source of its name is named, with the source it was probably meant for, and the rest is built', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      [`${FILE}.json`]: '{"title": "Meant for the article"}',
      'sport/2024-01-03-gone.json': '{"title": "Its article was deleted"}',
      'sport/2024-01-04-here.txt': 'Another headline\n\nA different body for the second article.\n',
      'meta.json': '{"file": "2024-07-04-t.txt", "title": "One object, one line"}',
    });
    assert.equal(articles.get(FILE)!.title, 'Headline from the text');
    assert.deepEqual(
      problems.map(({ code, file, line, message }) => ({ code, file, line, message })),
      [
        {
          code: 'SIDECAR_MISSING_FILE',
          file: `${FILE}.json`,
          line: undefined,
          message: `is the sidecar of "${FILE}.txt", which is not in the inbox; its metadata is not used (the inbox has "${FILE}", whose sidecar is "2024-07-04-t.json")`,
        },
        {
          code: 'SIDECAR_MISSING_FILE',
          file: 'meta.json',
          line: undefined,
          message: 'is the sidecar of "meta.txt", which is not in the inbox; its metadata is not used (a file of one JSON object per line for several sources is named meta.jsonl)',
        },
        { code: 'SIDECAR_MISSING_FILE', file: 'sport/2024-01-03-gone.json', line: undefined, message: 'is the sidecar of "2024-01-03-gone.txt", which is not in sport/; its metadata is not used' },
      ],
    );
  });
});

describe('a meta.jsonl in a subfolder', () => {
  it('names a source given from the inbox instead of from its folder, with the name that would find it', async () => {
    const { articles, problems } = await ingestInbox({ [`sport/${FILE}`]: ARTICLE, 'sport/meta.jsonl': `${JSON.stringify({ file: `sport/${FILE}`, title: 'Not taken' })}\n` });
    assert.equal(articles.get(`sport/${FILE}`)?.title, 'Headline from the text');
    assert.deepEqual(
      problems.map(({ code, file, line, message }) => ({ code, file, line, message })),
      [
        {
          code: 'SIDECAR_MISSING_FILE',
          file: 'sport/meta.jsonl',
          line: 1,
          message: `names "sport/${FILE}", which is not in this meta.jsonl's folder (sport/): names in a meta.jsonl are relative to its folder, so the inbox's sport/${FILE} is "${FILE}" here`,
        },
      ],
    );
  });

  it('names a source given by a path from outside the inbox (an export script\'s), with the name that would find it', async () => {
    const { articles, problems } = await ingestInbox({
      [`sport/${FILE}`]: ARTICLE,
      'sport/meta.jsonl': [`inbox/sport/${FILE}`, `/srv/export/2024/${FILE}`, `C:\\export\\${FILE}`, 'export/sport/not-here.txt'].map((file) => JSON.stringify({ file, title: 'Not taken' })).join('\n') + '\n',
    });
    assert.equal(articles.get(`sport/${FILE}`)?.title, 'Headline from the text');
    const found = (given: string) => `names "${given}", which is not in this meta.jsonl's folder (sport/): names in a meta.jsonl are relative to its folder, so the inbox's sport/${FILE} is "${FILE}" here`;
    assert.deepEqual(
      problems.map(({ code, line, message }) => ({ code, line, message })),
      [
        { code: 'SIDECAR_MISSING_FILE', line: 1, message: found(`inbox/sport/${FILE}`) },
        { code: 'SIDECAR_MISSING_FILE', line: 2, message: found(`/srv/export/2024/${FILE}`) },
        { code: 'SIDECAR_MISSING_FILE', line: 3, message: found(`C:\\export\\${FILE}`) },
        { code: 'SIDECAR_MISSING_FILE', line: 4, message: 'names "export/sport/not-here.txt", which is not in the inbox' },
      ],
    );
  });

  it('is read in a folder that holds no source of its own, naming sources in folders below it', async () => {
    const { articles, problems } = await ingestInbox({
      '2024/jan/a.txt': ARTICLE,
      '2024/meta.jsonl': `${JSON.stringify({ file: 'jan/a.txt', title: 'From the year folder', date: '2024-01-05' })}\n`,
    });
    assert.deepEqual(problems, []);
    assert.deepEqual([articles.get('2024/jan/a.txt')!.title, articles.get('2024/jan/a.txt')!.dateSource], ['From the year folder', 'sidecar']);
  });

  it('reads names relative to its folder', async () => {
    const { articles, problems } = await ingestInbox({ [`sport/${FILE}`]: ARTICLE, 'sport/meta.jsonl': `${JSON.stringify({ file: FILE, title: 'Taken' })}\n` });
    assert.equal(articles.get(`sport/${FILE}`)?.title, 'Taken');
    assert.deepEqual(problems, []);
  });
});

describe('sidecar names longer than a name (a paragraph pasted into "section" or "author")', () => {
  const long = 'Harbour '.repeat(30).trim(); // 239 characters

  it('leaves each out with SIDECAR_TOO_LONG naming the sidecar, its line and the key, and keeps the short ones', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `${JSON.stringify({ file: FILE, date: '2024-07-04' })}\n${JSON.stringify({ file: FILE, category: long, source: long, authors: ['Jane Doe', long], tags: `harbour, ${long}` })}\n`,
    });
    const data = articles.get(FILE)!;
    assert.deepEqual([data.section, (data.source as { name?: string }).name, data.authors, data.tags], [undefined, undefined, ['Jane Doe'], ['harbour']]);
    assert.deepEqual(
      problems.map(({ code, file, line, message }) => ({ code, file, line, message })),
      ['category', 'source', 'authors', 'tags'].map((key) => ({
        code: 'SIDECAR_TOO_LONG',
        file: 'meta.jsonl',
        line: 2,
        message: `"${key}" holds a name of 239 characters ("${long.slice(0, 78)}…), more than the 200 a name may have; it is left out, since every page listing the article would show it`,
      })),
    );
  });

  it('keeps a name of 200 characters, counted as characters, not UTF-16 units', async () => {
    const names = ['s'.repeat(200), '🚢'.repeat(200)];
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, [FILE.replace('.txt', '.json')]: JSON.stringify({ date: '2024-07-04', section: names[0], authors: [names[1]] }) });
    assert.deepEqual([articles.get(FILE)!.section, articles.get(FILE)!.authors], [names[0], [names[1]]]);
    assert.deepEqual(problems, []);
  });
});

describe('sidecar "language"', () => {
  for (const bad of ['English', 'en_US', 'Arabic (Saudi Arabia)', 'e', 'xx-invalid-!!']) {
    it(`leaves out ${JSON.stringify(bad)} with a SIDECAR_BAD_LANGUAGE warning naming the meta.jsonl line, and finds the language from the text`, async () => {
      const { articles, problems } = await ingestInbox({
        [FILE]: 'عنوان الخبر من النص\n\nاجتمع المجلس يوم الثلاثاء ووافق على الميزانية.\n',
        'meta.jsonl': `${JSON.stringify({ file: FILE, title: 'Official title' })}\n${JSON.stringify({ file: FILE, language: bad })}\n`,
      });
      const data = articles.get(FILE)!;
      assert.equal(data.title, 'Official title', 'the rest of the metadata is kept');
      assert.equal(data.language, 'ar', 'the language of the text, not the default (en)');
      assert.deepEqual(
        problems.map(({ code, severity, file, line, message }) => ({ code, severity, file, line, message })),
        [{ code: 'SIDECAR_BAD_LANGUAGE', severity: 'warning', file: 'meta.jsonl', line: 2, message: `"language" must be a language tag such as "en", "ar" or "pt-BR", not ${JSON.stringify(bad)}; it is left out, and the language is found from the text` }],
      );
    });
  }

  it('keeps language tags as given, the "lang" alias included', async () => {
    const { articles, problems } = await ingestInbox({
      '2024-01-01-a.txt': ARTICLE,
      '2024-01-02-b.txt': 'Another headline\n\nA different body for the second article.\n',
      'meta.jsonl': '{"file": "2024-01-01-a.txt", "language": "pt-BR"}\n{"file": "2024-01-02-b.txt", "lang": "zh-Hant"}\n',
    });
    assert.deepEqual(problems, []);
    assert.deepEqual([articles.get('2024-01-01-a.txt')!.language, articles.get('2024-01-02-b.txt')!.language], ['pt-BR', 'zh-Hant']);
  });
});

describe('sidecar "updated"', () => {
  const TEXT_UPDATED = 'Headline from the text\n\nUpdated: 4 June 2024\n\nThe council met on Tuesday and agreed the budget.\n';
  const entry = (fields: Record<string, string>) => `${JSON.stringify({ file: FILE, date: '2024-06-03', ...fields })}\n`;

  it('dates the article\'s last update, read as "date" is (formats, a zone\'s abbreviation), and wins over the text\'s "Updated" line', async () => {
    const cases: Array<[string, string]> = [
      ['2024-06-05', '2024-06-05T00:00:00+00:00'],
      ['2024-06-05T09:30:00+02:00', '2024-06-05T07:30:00+00:00'],
      ['June 5, 2024 2:30 PM', '2024-06-05T14:30:00+00:00'],
      ['2024-06-05 14:30 BST', '2024-06-05T13:30:00+00:00'],
    ];
    for (const [updated, iso] of cases) {
      const { articles, problems } = await ingestInbox({ [FILE]: TEXT_UPDATED, 'meta.jsonl': entry({ updated }) });
      assert.deepEqual(problems, [], updated);
      assert.equal(articles.get(FILE)!.updated, iso, updated);
      assert.equal(articles.get(FILE)!.extra, undefined, 'not kept as an unknown key');
    }
  });

  it('is named at its meta.jsonl line and left out when it is no date, the text\'s "Updated" line then dating the update', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: TEXT_UPDATED, 'meta.jsonl': `\n${entry({ updated: 'last Tuesday' })}` });
    assert.equal(articles.get(FILE)!.updated, '2024-06-04T00:00:00+00:00');
    assert.deepEqual(problems.map(({ code, file, line, message }) => ({ code, file, line, message })), [
      { code: 'SIDECAR_BAD_DATE', file: 'meta.jsonl', line: 2, message: `updated "last Tuesday" for ${FILE} is not a date Broadsheet can read (or is outside the years 1–9999)` },
    ]);
  });

  it('is named at the sidecar and left out when it is after the build (a typo such as 2042 for 2024)', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, '2024-07-04-t.json': '{"date": "2024-06-03", "updated": "2042-06-05"}' }, { runs: 2 });
    assert.equal(articles.get(FILE)!.updated, undefined);
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [{ code: 'DATE_IN_FUTURE', file: '2024-07-04-t.json', line: undefined }]);
    assert.match(problems[0]!.message, /^updated "2042-06-05" for 2024-07-04-t\.txt is read as 5 June 2042, after this build's date \(.+\); the article is published without it$/);
    assert.match(problems[0]!.hint, /Correct "updated" in the sidecar/);
  });

  it('is named at the line of its key in a NAME.json written over several lines, as "date" is', async () => {
    const { articles, problems } = await ingestInbox({
      [FILE]: ARTICLE,
      'meta.jsonl': `${JSON.stringify({ file: FILE, section: 'Local' })}\n`,
      '2024-07-04-t.json': '{\n  "title": "Harbour plan",\n  "date": "the 3rd of June 2024",\n  "updated": "2042-06-05"\n}\n',
    });
    assert.equal(articles.get(FILE)!.updated, undefined);
    assert.equal(articles.get(FILE)!.section, 'Local');
    assert.deepEqual(problems.map(({ code, file, line }) => ({ code, file, line })), [
      { code: 'SIDECAR_BAD_DATE', file: '2024-07-04-t.json', line: 3 },
      { code: 'DATE_IN_FUTURE', file: '2024-07-04-t.json', line: 4 },
    ]);
  });

  it('is named and left out when it is before the article\'s date, and is no update when it is the same date', async () => {
    const before = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': entry({ updated: '2024-06-01' }) });
    assert.equal(before.articles.get(FILE)!.updated, undefined);
    assert.deepEqual(before.problems.map(({ code, line }) => ({ code, line })), [{ code: 'SIDECAR_BAD_DATE', line: 1 }]);
    assert.match(before.problems[0]!.message, /read as 1 June 2024, is before the article's date \(3 June 2024, from the sidecar\)/);
    const same = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': entry({ updated: '2024-06-03' }) });
    assert.deepEqual(same.problems, []);
    assert.equal(same.articles.get(FILE)!.updated, undefined);
  });

  it('names a day and month that could swap, or a two-digit year, as "date" does', async () => {
    const { articles, problems } = await ingestInbox({ [FILE]: ARTICLE, 'meta.jsonl': entry({ updated: '05/06/24' }) });
    assert.equal(articles.get(FILE)!.updated, '2024-06-05T00:00:00+00:00');
    assert.deepEqual(problems.map(({ code, line }) => ({ code, line })), [{ code: 'SIDECAR_TWO_DIGIT_YEAR', line: 1 }, { code: 'SIDECAR_AMBIGUOUS_DATE', line: 1 }]);
    assert.match(problems[1]!.message, /^updated "05\/06\/24" for 2024-07-04-t\.txt could be 5 June 2024 or 6 May 2024/);
  });
});
