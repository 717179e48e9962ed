// "Nothing lost", as a property over seeded random articles: every source line that ingest did
// not list as removed reaches the rendered page text, word for word and in order, whatever the
// paragraph style, headings, markdown-like lines or boilerplate.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { visibleLines, visibleText } from '../helpers/html-text.ts';
import { Prng, sentence } from '../helpers/prng.ts';

const md = createMarkdownRenderer();
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const ODD_LINES = [
  '1. a numbered line', '# a hash line', '> a quoted line', '* a starred line', '- a dashed line', '| a | table |', '|---|---|',
  '<script>alert(1)</script>', '{{ 7*7 }}', '{% include x %}', '&amp; &lt;', 'C:\\path\\ \\', '---', '***', '```', '    indented',
  'Share', 'Tags: not at the end', 'Leave a Reply', 'The Facts: A Heading Like Line', 'Context', '«مقتبس»', 'سمات في وسط النص',
  '[link](javascript:alert(1))', 'https://example.org/x_y_z', 'end with two spaces  ', '\tled by a tab', 'emoji 🚀 and bidi \u202e x \u202c',
];
const CHROME = ['Published', '- 3 min read', 'Advertisement', 'Share'];
const BOILERPLATE = ['Leave a Reply', 'Your email address will not be published. Required fields are marked *', '// انتهى //', '20:26 ت م', 'Tags: harbour, council'];

// Lines a writer ends by hand, typed one under the other: rows of a table, lines of a verse or an
// address, items of a list, markdown and HTML look-alikes among them.
const TYPED_LINES = ['Arsenal 2 Chelsea 1', 'Newcastle 0 Aston Villa 2', 'the gulls lean on the salted air,', 'The Editor', '12 Quay Street', '- a waterproof jacket', '* cash', '1. a hat', '# 3', '===', '<b>bold</b> {{ x }}', '| a | b |', '> quote', '\tTab\tseparated\t4'];

function randomArticle(prng: Prng, typed: Set<string>): string {
  const lines: string[] = [];
  for (let i = prng.int(0, 2); i > 0; i--) lines.push(prng.pick(CHROME));
  lines.push(prng.next() < 0.1 ? prng.pick(ODD_LINES) : sentence(prng, prng.int(3, 10)).replace(/\.$/, ''));
  const blankLines = prng.next() < 0.5;
  if (blankLines) lines.push('');
  for (let p = prng.int(0, 12); p > 0; p--) {
    const kind = prng.next();
    if (kind < 0.25) lines.push(prng.pick(ODD_LINES));
    else if (kind < 0.35) lines.push(sentence(prng, 4).replace(/\.$/, '').replace(/\b\w/g, (c) => c.toUpperCase()));
    else if (kind < 0.5 && blankLines) lines.push(sentence(prng, 8).replace(/\.$/, ''), sentence(prng, 9)); // hard-wrapped
    else if (kind < 0.6 && blankLines) {
      // After a long paragraph, so the text is not one wrapped at the width of these lines.
      lines.push(Array.from({ length: 4 }, () => sentence(prng, 12)).join(' '), '');
      for (let i = prng.int(2, 5); i > 0; i--) typed.add(lines[lines.push(prng.pick(TYPED_LINES)) - 1]!.trim());
    }
    else lines.push(Array.from({ length: prng.int(1, 4) }, () => sentence(prng, prng.int(4, 14))).join(' '));
    if (blankLines) lines.push('');
  }
  for (let i = prng.int(0, 2); i > 0; i--) lines.push(prng.pick(BOILERPLATE));
  return lines.join(prng.next() < 0.2 ? '\r\n' : '\n');
}

describe('nothing lost', () => {
  it('puts every non-removed line of 600 seeded random articles on the rendered page, in order', () => {
    const prng = new Prng(600);
    let checked = 0;
    let typedChecked = 0;
    for (let n = 0; n < 600; n++) {
      const typed = new Set<string>();
      const text = randomArticle(prng, typed).replace(/\r\n/g, '\n');
      const parsed = parseArticle({ path: '2024-01-01-x.txt', displayPath: 'x.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, new ProblemLog());
      if (!parsed) continue; // refused only when nothing but chrome and boilerplate was there
      const html = md.render(parsed.body);
      const page = squeeze([parsed.frontmatter.title, parsed.frontmatter.subtitle ?? '', visibleText(html)].join(' '));
      // A line typed under another is a line on the page too, not run into its neighbours.
      const pageLines = new Set(visibleLines(html));
      for (const line of typed) {
        if (parsed.removed.some((removed) => removed.text === line)) continue;
        assert.ok(pageLines.has(squeeze(line)), `seed 600 article ${n}: ${JSON.stringify(line)} is a line of its own on the page:\n${text}\n${html}`);
        typedChecked++;
      }
      const removedWhole = new Set(parsed.removed.filter((removed) => text.split('\n')[removed.line - 1]!.trim() === removed.text).map((removed) => removed.line));
      let at = 0;
      text.split('\n').forEach((raw, index) => {
        if (removedWhole.has(index + 1)) return;
        let line = raw;
        for (const cut of parsed.removed.filter((removed) => removed.line === index + 1)) line = line.replace(cut.text, '');
        if (squeeze(line) === '') return;
        const found = page.indexOf(squeeze(line), at);
        assert.notEqual(found, -1, `seed 600 article ${n}, line ${index + 1} ${JSON.stringify(line)} is on the page:\n${text}`);
        at = found + squeeze(line).length;
        checked++;
      });
      // Removed lines are only chrome above the headline and furniture at the end.
      for (const removed of parsed.removed) assert.ok(['chrome', 'boilerplate'].includes(removed.reason));
    }
    assert.ok(checked > 3000, `${checked} lines checked`);
    assert.ok(typedChecked > 300, `${typedChecked} typed lines checked`);
  });

  it('keeps the text\'s own standfirst in the body when a sidecar gives another', () => {
    const own = 'The council approved the harbour plan after a long night.';
    const given = 'A sidecar standfirst written by the desk';
    const text = ['Harbour plan approved', '', own, '', 'The vote was close.', '', 'Work starts in May.', ''].join('\n');
    const parse = (subtitle: string) =>
      parseArticle(
        { path: '2024-01-01-x.txt', displayPath: 'x.txt', hash: 'sha256:00', text, mtimeMs: 0, sidecar: { subtitle, extra: {}, origin: { file: 'meta.jsonl', line: 1 } } },
        { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
        new ProblemLog(),
      )!;
    const parsed = parse(given);
    assert.equal(parsed.frontmatter.subtitle, given);
    const body = squeeze(visibleText(md.render(parsed.body)));
    assert.ok(body.startsWith(own), `the text's standfirst opens the body: ${body}`);
    assert.ok(body.includes('The vote was close.') && body.includes('Work starts in May.'));
    // The same standfirst given by the sidecar (in other case and punctuation) is not shown twice.
    const same = parse(own.toUpperCase().replace(/\.$/, ''));
    assert.ok(!squeeze(visibleText(md.render(same.body))).includes('long night'), 'a standfirst the sidecar repeats is not repeated in the body');
  });
});
