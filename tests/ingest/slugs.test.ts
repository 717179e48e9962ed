// Slugs: readable (transliterated where possible, a stable id where not), always safe as one path
// segment, bounded; and collisions settled the same way whatever the files are called or the
// order they are found in.

import assert from 'node:assert/strict';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { displayPath } from '../../src/fs-utils.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { MAX_SLUG_LENGTH, slugify } from '../../src/ingest/slug.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { Prng } from '../helpers/prng.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SAFE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('slugs from titles', () => {
  const cases: Array<[string, string]> = [
    ['Ad sales boost Time Warner profit', 'ad-sales-boost-time-warner-profit'],
    ["High fuel prices hit BA's profits", 'high-fuel-prices-hit-bas-profits'],
    ['Café au lait & croissants', 'cafe-au-lait-and-croissants'],
    ['Marks&Spencer & AT&T', 'marks-and-spencer-and-at-and-t'],
    ['Straße in Łódź', 'strasse-in-lodz'],
    ['وصول جثمان الراحل سعود الفيصل إلى جدة', 'wswl-jthman-alrahl-swd-alfysl-ila-jda'],
    ['Москва принимает гостей', 'moskva-prinimaet-gostey'],
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', 'con-article'],
    // Invisible characters that join (soft hyphen, word joiner, zero-width joiner and non-joiner, a
    // direction mark) do not split a word; a zero-width space parts two words, as a space does.
    ['Bun\u00addes\u00adtag votes', 'bundestag-votes'],
    ['Word\u2060joiner and zero\u200dwidth\u200cjoiners', 'wordjoiner-and-zerowidthjoiners'],
    ['\u202eOverride\u202c and \u200fmark\u200e', 'override-and-mark'],
    ['Zero\u200bwidth space', 'zero-width-space'],
    ['nul', 'nul-article'],
  ];
  for (const [title, slug] of cases) {
    it(`makes ${JSON.stringify(title)} into "${slug}"`, () => assert.equal(slugify(title, 'abc12345'), slug));
  }

  it('falls back to a stable id for titles with no readable Latin transliteration', () => {
    for (const title of ['北京举行新闻发布会', '🚀🚀', '...', '.', '..', '/', '---', '', '\u200b']) {
      assert.equal(slugify(title, 'abc12345'), 'article-abc12345', JSON.stringify(title));
    }
  });

  it('is at most 80 characters, cut at a word boundary', () => {
    const slug = slugify('word '.repeat(100), 'x');
    assert.ok(slug.length <= MAX_SLUG_LENGTH && !slug.endsWith('-'));
    assert.equal(slugify(`${'a'.repeat(200)} tail`, 'x'), 'a'.repeat(MAX_SLUG_LENGTH));
  });

  it('is always one safe path segment, for 5,000 seeded random titles', () => {
    const prng = new Prng(5);
    const pieces = ['.', '..', '/', '\\', ' ', '-', 'a', 'Z', '9', 'é', 'ß', 'ع', 'ש', '中', '🚀', '\u0000', '\u202e', ':', '*', '?', 'con', 'CON', '%2e', '%2f'];
    for (let i = 0; i < 5000; i++) {
      const title = Array.from({ length: prng.int(0, 30) }, () => prng.pick(pieces)).join('');
      const slug = slugify(title, 'deadbeef');
      assert.match(slug, SAFE, JSON.stringify(title));
      assert.ok(slug.length <= MAX_SLUG_LENGTH);
      assert.ok(!/^(con|prn|aux|nul|com\d|lpt\d)$/.test(slug), slug);
    }
  });
});

describe('two articles that want the same URL', () => {
  const A = 'Council approves the harbour plan\n\nThe first story about the harbour, from the morning.\n';
  const B = 'Council approves the harbour plan\n\nA different story about the harbour, from the evening.\n';
  const C = 'COUNCIL APPROVES THE HARBOUR PLAN\n\nA third story, in capitals, about the same harbour.\n';

  async function urlsFor(layout: Record<string, string>): Promise<{ urls: Map<string, string>; warnings: string[] }> {
    const work = await temporaryDir('slugs');
    for (const [name, text] of Object.entries(layout)) {
      await mkdir(path.dirname(path.join(work, 'inbox', name)), { recursive: true });
      await writeFile(path.join(work, 'inbox', name), text);
    }
    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: path.join(work, 'inbox'), articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    const urls = new Map<string, string>();
    for (const source of result.sources) {
      const text = await readFile(path.join(work, 'inbox', source.source), 'utf8');
      // Keyed by the article's text, so two layouts with different file names can be compared.
      urls.set(text, source.article!);
    }
    return { urls, warnings: problems.problems.filter((problem) => problem.code === 'SLUG_COLLISION').map((problem) => problem.code) };
  }

  it('gets distinct URLs with a warning for each article that had to give way', async () => {
    const { urls, warnings } = await urlsFor({ '2024-01-01-a.txt': A, '2024-01-01-b.txt': B, '2024-01-01-c.txt': C });
    assert.equal(new Set(urls.values()).size, 3);
    assert.ok([...urls.values()].every((file) => /^2024\/council-approves-the-harbour-plan(-[0-9a-f]{6})?\.md$/.test(file)));
    assert.equal([...urls.values()].filter((file) => file === '2024/council-approves-the-harbour-plan.md').length, 1);
    assert.deepEqual(warnings, ['SLUG_COLLISION', 'SLUG_COLLISION']);
  });

  it('leaves the URL, and the file, of an article whose source left the inbox, naming that file', async () => {
    const work = await temporaryDir('slugs-held');
    const inbox = path.join(work, 'inbox');
    const articlesDir = path.join(work, 'articles');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, '2024-01-01-a.txt'), A);
    await ingest({ inboxDir: inbox, articlesDir, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
    // The first source leaves the inbox (its article stays published); another with its headline comes.
    await rm(path.join(inbox, '2024-01-01-a.txt'));
    await writeFile(path.join(inbox, '2024-01-01-b.txt'), B);
    const problems = new ProblemLog();
    await ingest({ inboxDir: inbox, articlesDir, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    const [warning] = problems.problems.filter((problem) => problem.code === 'SLUG_COLLISION');
    // The first article is still there, word for word: the archive keeps what the inbox no longer has.
    assert.match(await readFile(path.join(articlesDir, '2024/council-approves-the-harbour-plan.md'), 'utf8'), /The first story about the harbour, from the morning\./);
    assert.match(warning!.message, new RegExp(`^would have the same URL \\(/2024/council-approves-the-harbour-plan/\\) as the article file ${escapeRegExp(displayPath(path.join(articlesDir, '2024/council-approves-the-harbour-plan.md')))}; it gets /2024/council-approves-the-harbour-plan-[0-9a-f]{6}/$`));
  });

  it('gives each article the same URL whatever the files are called, the folders they are in, or the order they are written', async () => {
    const first = await urlsFor({ '2024-01-01-a.txt': A, '2024-01-01-b.txt': B, '2024-01-01-c.txt': C });
    const second = await urlsFor({ 'z/2024-01-01-zz.txt': C, 'm/2024-01-01-mm.txt': B, '2024-01-01-00.txt': A });
    const third = await urlsFor({ '2024-01-01-b.txt': A, '2024-01-01-c.txt': C, '2024-01-01-a.txt': B });
    assert.deepEqual(second.urls, first.urls);
    assert.deepEqual(third.urls, first.urls);
  });
});
