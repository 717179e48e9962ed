// Article text is inert: every line, escaped by ingest and rendered by the site's markdown
// renderer, comes out as exactly the same characters in a plain paragraph, never as markup.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdownLine } from '../../src/ingest/escape-markdown.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { parseHtml, walk } from '../helpers/html-text.ts';
import { Prng } from '../helpers/prng.ts';

const md = createMarkdownRenderer();

/** The rendered HTML's elements and its text, read by parsing; `prefix` is markdown before the escaped line. */
function rendered(line: string, prefix = ''): { elements: string[]; text: string } {
  const html = md.render(`${prefix}${escapeMarkdownLine(line)}`);
  const elements: string[] = [];
  let text = '';
  for (const node of walk(parseHtml(`<body>${html}</body>`))) {
    if (node.nodeName === '#text') text += node.value ?? '';
    else if (!node.nodeName.startsWith('#') && !['html', 'head', 'body'].includes(node.nodeName)) elements.push(node.nodeName);
  }
  return { elements, text: text.trim() };
}

const LITERAL_LINES: Array<[string, string]> = [
  ['an ordered-list start', '1. First point of the motion'],
  ['a list start with a parenthesis', '2) Second point'],
  ['a heading start', '# Not a heading'],
  ['a setext underline', '==='],
  ['a thematic break', '***'],
  ['a dash list', '- dash item'],
  ['a plus list', '+ plus item'],
  ['emphasis stars', '*not emphasis* and **not strong** and _no_ __way__'],
  ['a block quote', '> not a quotation'],
  ['a script tag', '<script>alert("x")</script>'],
  ['an image with an error handler', '<img src=x onerror=alert(1)>'],
  ['a template expression', '{{ 7*7 }} and {{ site.title }}'],
  ['a template tag', '{% include "secret" %} and {%- raw -%}'],
  ['an entity', 'AT&amp;T and &lt;b&gt; and &#60; and &copy;'],
  ['a table row', '| Team | Points |'],
  ['a table delimiter row', '|------|:------:|'],
  ['backslashes', 'C:\\Users\\ and \\* and a lone \\ and an end \\'],
  ['a markdown link', '[click](javascript:alert(1)) and <https://example.org>'],
  ['an image', '![alt](data:image/png;base64,AAAA)'],
  ['code spans and fences', '`code` and ``` fence and ~~~ tilde'],
  ['a footnote and a reference definition', '[^1] and [ref]: https://example.org'],
  ['strikethrough and HTML comments', '~~gone~~ <!-- hidden -->'],
  ['a hard line break', 'two trailing spaces  '],
  ['front matter fences', '---'],
];

describe('escaping article text for markdown', () => {
  for (const [what, line] of LITERAL_LINES) {
    it(`renders ${what} literally, as one plain paragraph`, () => {
      const { elements, text } = rendered(line);
      assert.deepEqual(elements, ['p']);
      assert.equal(text, line.trim());
    });
  }

  it('renders any line of random markdown-significant characters literally (2,000 seeded samples)', () => {
    const prng = new Prng(3);
    const alphabet = [...'#*_>-+=`~[]()!<>&;|\\{}%/:.1234567890 abcXYZ\t"\'', '&amp;', '<script>', '{{', '}}', '{%', '%}', '1. ', '# ', 'é', '🚀', '\u202E'];
    for (let i = 0; i < 2000; i++) {
      const line = Array.from({ length: prng.int(1, 40) }, () => prng.pick(alphabet)).join('');
      if (line.trim() === '') continue;
      const { elements, text } = rendered(line);
      assert.deepEqual(elements, ['p'], `seed 3 sample ${i}: ${JSON.stringify(line)}`);
      // Tabs inside text render as they are; markdown-it keeps them, the parser keeps them.
      assert.equal(text, line.trim(), `seed 3 sample ${i}: ${JSON.stringify(line)}`);
    }
  });
});

/** The elements and text of a heading as ingest writes it (parse-article.ts). */
const renderedHeading = (line: string) => rendered(line, '## ');

describe('section headings', () => {
  it('keep a closing run of # as text, which markdown would drop as a closing sequence', () => {
    for (const line of ['Results Of The Vote #', 'Final Tally Here ##', 'Score: 3 # 2 #', 'Programming in C#', '#', '###', 'A # in the middle']) {
      assert.deepEqual(renderedHeading(line), { elements: ['h2'], text: line }, JSON.stringify(line));
    }
  });

  it('keep the text of any line of random markdown-significant characters (2,000 seeded samples)', () => {
    const prng = new Prng(5);
    const alphabet = [...'#*_>-+=`~[]()!<>&;|\\{}%/:.1234567890 abcXYZ"\'', '&amp;', '<script>', '{{', '}}', ' #', ' ##', '# ', 'é'];
    for (let i = 0; i < 2000; i++) {
      const line = Array.from({ length: prng.int(1, 30) }, () => prng.pick(alphabet)).join('').trim();
      if (line === '') continue;
      assert.deepEqual(renderedHeading(line), { elements: ['h2'], text: line }, `seed 5 sample ${i}: ${JSON.stringify(line)}`);
    }
  });


  it('get stable ids from their text, numbered when repeated, and their text stays literal', () => {
    const html = md.render(['## The Design: Steel and Stone', '## Context', '## Context', `## ${escapeMarkdownLine('<b>Bold</b> & {{ x }}')}`].join('\n\n'));
    const headings = [...walk(parseHtml(html))].filter((node) => node.nodeName === 'h2');
    assert.deepEqual(headings.map((node) => node.attrs?.find((attr) => attr.name === 'id')?.value), ['the-design-steel-and-stone', 'context', 'context-2', 'b-bold-b-and-x']);
    assert.equal(headings[3]!.childNodes?.map((child) => child.value).join(''), '<b>Bold</b> & {{ x }}');
  });
});
