// The two sample articles ingest exactly: headline under the chrome, standfirst, paragraphs,
// section headings, and no trailing comment-form boilerplate.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { decodeSource } from '../../src/ingest/decode.ts';
import { parseArticle, type ParsedArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { SAMPLE_INBOX } from '../helpers/paths.ts';

async function ingestSeed(name: string): Promise<{ parsed: ParsedArticle; problems: ProblemLog }> {
  const decoded = decodeSource(await readFile(path.join(SAMPLE_INBOX, name)));
  assert.ok(decoded.ok, `${name} decodes`);
  const problems = new ProblemLog();
  const parsed = parseArticle(
    { path: name, displayPath: name, hash: 'sha256:0', text: decoded.text, mtimeMs: Date.UTC(2025, 10, 5) },
    { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
    problems,
  );
  assert.ok(parsed, `${name} is accepted`);
  return { parsed, problems };
}

const paragraphs = (body: string) => body.split('\n\n').filter((block) => !block.startsWith('## '));
const headings = (body: string) => body.split('\n\n').filter((block) => block.startsWith('## ')).map((block) => block.slice(3));

describe('seed 000 (paragraphs separated by blank lines, comment form at the end)', () => {
  it('takes the first line as the headline', async () => {
    const { parsed } = await ingestSeed('000_e5f62b7630e97956.txt');
    assert.equal(
      parsed.frontmatter.title,
      'Shock Report: Trump-Era Envoy Plans Meeting With Hamas Negotiator Behind October 7 Massacre — Critics Warn of Dangerous Legitimization',
    );
  });

  it('takes the one-sentence line under the headline as the standfirst', async () => {
    const { parsed } = await ingestSeed('000_e5f62b7630e97956.txt');
    assert.equal(
      parsed.frontmatter.subtitle,
      'U.S. peace envoy Steve Witkoff plans meeting with Hamas figure Khalil al-Hayya, sparking outrage over renewed American contact with the terror group.',
    );
  });

  it('keeps all ten paragraphs, the quotation line as its own paragraph', async () => {
    const { parsed } = await ingestSeed('000_e5f62b7630e97956.txt');
    const body = paragraphs(parsed.body);
    assert.equal(body.length, 10);
    assert.ok(body[0]!.startsWith('A stunning New York Times report'));
    assert.ok(body[6]!.startsWith('“I told him that I had lost a son,”'));
    assert.ok(body[9]!.startsWith('As Witkoff reportedly pushes ahead'));
    assert.deepEqual(headings(parsed.body), []);
  });

  it('drops the comment form and lists it as removed with its lines', async () => {
    const { parsed } = await ingestSeed('000_e5f62b7630e97956.txt');
    assert.doesNotMatch(parsed.body, /Leave a Reply|email address will not be published/);
    assert.deepEqual(
      parsed.removed.map(({ line, reason }) => ({ line, reason })),
      [
        { line: 24, reason: 'boilerplate' },
        { line: 26, reason: 'boilerplate' },
      ],
    );
  });
});

describe('seed 003 (paragraphs on single lines, site chrome above the headline)', () => {
  it('skips "Published" and "- 3 min read" to find the headline', async () => {
    const { parsed } = await ingestSeed('003_e483fe66d234d96d.txt');
    assert.equal(parsed.frontmatter.title, 'The Dangerous Gamble: US Engagement with Hamas and the Erosion of Counterterrorism Principles');
    assert.deepEqual(
      parsed.removed.map(({ line, text }) => ({ line, text })),
      [
        { line: 1, text: 'Published' },
        { line: 2, text: '- 3 min read' },
      ],
    );
  });

  it('makes the four title-like lines section headings', async () => {
    const { parsed } = await ingestSeed('003_e483fe66d234d96d.txt');
    assert.deepEqual(headings(parsed.body), [
      'The Facts: Diplomatic Outreach to a Designated Terrorist Organization',
      'Context: The Complicated Landscape of Middle East Diplomacy',
      'Opinion: The Perilous Path of Legitimizing Terrorism',
      'Conclusion: Principles Must Guide Policy',
    ]);
    assert.equal(parsed.frontmatter.subtitle, undefined);
  });

  it('keeps each of the fourteen single-line paragraphs', async () => {
    const { parsed } = await ingestSeed('003_e483fe66d234d96d.txt');
    assert.equal(paragraphs(parsed.body).length, 14);
  });

  it('reports the mixed-script debris on its line and leaves the text as it is', async () => {
    const { parsed, problems } = await ingestSeed('003_e483fe66d234d96d.txt');
    const debris = problems.problems.filter((problem) => problem.code === 'TEXT_MIXED_SCRIPT');
    assert.deepEqual(debris.map((problem) => problem.line), [17]);
    assert.match(parsed.body, /endanger更多 American lives/);
  });
});
