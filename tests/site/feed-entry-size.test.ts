// A feed entry holds an article whole up to 64 KB of HTML; a longer one's entry holds its first
// paragraphs that fit and a link to the article, so one 10 MB article no longer makes every feed
// that lists it 10 MB. The article's page still holds all of it.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { buildArchive, writeInbox, type BuildRun } from '../helpers/run-build.ts';
import { readSiteFile } from '../helpers/site-files.ts';
import { childElements, parseXml, textOf, xmlWellFormednessErrors } from '../helpers/validators.ts';

const MAX_BYTES = 64 * 1024;
const ORIGIN = 'http://localhost:8080';
// Markup-like text, escaped once more in Atom's <content type="html">.
const paragraph = (i: number) => `Paragraph ${i} of the long read: the council met again and discussed the <b>harbour</b> & the {{ plan }}.`;
const PARAGRAPHS = 3000; // about 330 KB

describe('feed entries of very long articles', () => {
  let build: BuildRun;
  before(async () => {
    const inbox = await writeInbox('feed-entry-size', {
      '2024-05-01-long.txt': `A very long read\n\n${Array.from({ length: PARAGRAPHS }, (_, i) => paragraph(i)).join('\n\n')}\n`,
      '2024-05-02-line.txt': `One enormous paragraph\n\n${'The committee sat late. '.repeat(10_000).trim()}\n\nIt rose at dawn.\n`,
      '2024-05-03-short.txt': 'A short story\n\nThe council met on Tuesday. It agreed the budget.\n',
    });
    build = await buildArchive(inbox);
  });

  const urlOf = (title: string) => `${ORIGIN}${build.report.articles.find((article) => article.title === title)!.url}`;

  /** Checks one entry's content, by its article's title. */
  function checkContent(title: string, content: string): void {
    assert.ok(Buffer.byteLength(content) <= MAX_BYTES, `${title}: ${Buffer.byteLength(content)} bytes`);
    const link = `<p>The article is longer than a feed entry holds; it continues on the site: <a href="${urlOf(title)}">${title}</a></p>\n`;
    if (title === 'A short story') assert.equal(content, '<p>The council met on Tuesday. It agreed the budget.</p>\n');
    else if (title === 'One enormous paragraph') assert.equal(content, link, 'a first paragraph longer than an entry is not cut inside');
    else {
      assert.ok(content.endsWith(link), content.slice(-300));
      const paragraphs = content.slice(0, -link.length).split('\n').filter(Boolean);
      assert.ok(paragraphs.length > 400 && paragraphs.length < PARAGRAPHS, `${paragraphs.length} paragraphs`);
      const escaped = (i: number) => `<p>${paragraph(i).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;
      // Paragraph 0, one sentence under the headline, is the standfirst, which is the entry's summary.
      paragraphs.forEach((html, i) => assert.equal(html, escaped(i + 1)));
    }
  }

  it('gives each Atom entry at most 64 KB, the long read its first paragraphs and a link, in a well-formed feed', async () => {
    assert.equal(build.exitCode, 0, build.stderr);
    for (const file of ['feed.xml']) {
      const xml = await readSiteFile(build.outDir, file);
      assert.deepEqual(await xmlWellFormednessErrors(xml), []);
      const entries = childElements(childElements(parseXml(xml), 'feed')[0]!, 'entry');
      assert.equal(entries.length, 3);
      for (const entry of entries) checkContent(textOf(childElements(entry, 'title')[0]), textOf(childElements(entry, 'content')[0]));
    }
  });

  it('gives each JSON Feed item the same content', async () => {
    const feed = JSON.parse(await readSiteFile(build.outDir, 'feed.json')) as { items: Array<{ title: string; content_html: string }> };
    assert.equal(feed.items.length, 3);
    for (const item of feed.items) checkContent(item.title, item.content_html);
  });

  it('keeps the whole article on its page', async () => {
    const page = await readSiteFile(build.outDir, `${new URL(urlOf('A very long read')).pathname.slice(1)}index.html`);
    assert.ok(page.includes(`Paragraph ${PARAGRAPHS - 1} of the long read`));
    assert.ok((await readSiteFile(build.outDir, `${new URL(urlOf('One enormous paragraph')).pathname.slice(1)}index.html`)).includes('It rose at dawn.'));
  });
});
