// A one-word headline that is also a word of site chrome (`Search`, `Home`, `Live`) stays the
// headline when it is the only line that could be one: the line after it reads as running text.
// Chrome before a real headline, and chrome lines after the first, are still removed; and every
// line ingest does not list as removed reaches the page.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle, type ParsedArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import type { SidecarData } from '../../src/ingest/sidecar.ts';
import { ProblemLog } from '../../src/problems.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { visibleText } from '../helpers/html-text.ts';

const md = createMarkdownRenderer();
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const PROSE = 'The search for the missing hiker ended on Tuesday when rescuers found her near the ridge. She was cold but unhurt.';

function parse(text: string, sidecar?: SidecarData): ParsedArticle {
  const source = { path: '2024-05-01-x.txt', displayPath: 'x.txt', hash: 'sha256:00', text, mtimeMs: 0, ...(sidecar ? { sidecar } : {}) };
  const parsed = parseArticle(source, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
  assert.ok(parsed, 'the article is published');
  return parsed;
}

/** Asserts that every line of `text` not listed as removed is on the page, in order. */
function assertNothingLost(text: string, parsed: ParsedArticle): void {
  const page = squeeze([parsed.frontmatter.title, parsed.frontmatter.subtitle ?? '', visibleText(md.render(parsed.body))].join(' '));
  const removed = new Set(parsed.removed.map((line) => line.line));
  let at = 0;
  text.split('\n').forEach((line, index) => {
    if (removed.has(index + 1) || line.trim() === '') return;
    const found = page.indexOf(squeeze(line), at);
    assert.ok(found >= 0, `line ${index + 1} (${JSON.stringify(line)}) is on the page`);
    at = found;
  });
}

describe('a chrome word as the headline', () => {
  for (const word of ['Search', 'Home', 'Live']) {
    it(`keeps "${word}" as the headline when the text after it is a paragraph, and reports nothing removed`, () => {
      const text = `${word}\n\n${PROSE}\n`;
      const parsed = parse(text);
      assert.equal(parsed.frontmatter.title, word);
      assert.deepEqual(parsed.removed, []);
      assertNothingLost(text, parsed);
    });
  }

  it('still removes a chrome word above a real headline', () => {
    const text = `Search\n\nRescuers find missing hiker near the ridge\n\n${PROSE}\n`;
    const parsed = parse(text);
    assert.equal(parsed.frontmatter.title, 'Rescuers find missing hiker near the ridge');
    assert.deepEqual(parsed.removed.map((line) => [line.line, line.text, line.reason]), [[1, 'Search', 'chrome']]);
    assertNothingLost(text, parsed);
  });

  it('still removes the chrome lines after a chrome-word headline', () => {
    const text = `Live\n\nAdvertisement\n\n${PROSE}\n`;
    const parsed = parse(text);
    assert.equal(parsed.frontmatter.title, 'Live');
    assert.deepEqual(parsed.removed.map((line) => [line.line, line.text]), [[3, 'Advertisement']]);
    assertNothingLost(text, parsed);
  });

  it('never takes a date line or a "skip to content" link for the headline', () => {
    for (const chrome of ['Published 3 June 2024', 'Skip to content']) {
      const parsed = parse(`${chrome}\n\n${PROSE}\n`);
      assert.deepEqual(parsed.removed.map((line) => line.text), [chrome]);
    }
  });

  it('keeps a chrome word the sidecar gives as the headline, repeated at the top of the text', () => {
    const text = `Search\n\n${PROSE}\n`;
    const parsed = parse(text, { title: 'Search', extra: {}, origin: { file: 'x.json' } });
    assert.equal(parsed.frontmatter.title, 'Search');
    assert.deepEqual(parsed.removed, []);
    assertNothingLost(text, parsed);
  });
});
