// A headline, section or tag with an unterminated direction override (U+202E) or isolate
// (U+2067) must not reorder what a plain-text title puts after it: a tab's `<title>` cannot hold
// <bdi>, and feed readers and share cards show their titles as plain text. Checked on a real build.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { attribute, parseHtml, walk } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const SITE_NAME = 'The Test Gazette';
const HEADLINE = 'Council \u202Eapproves harbour plan';
const SECTION = 'Local \u2067news';
const TAG = 'Harbour \u202Eworks';
const SUMMARY = 'The council approved the \u202Eharbour plan on Monday after a long debate.';
const AUTHOR = 'Ann \u202EOwen';

/**
 * Embeddings, overrides and isolates `text` leaves open, counted simply: the inputs here open
 * them without stray closers, so every closer closes one.
 */
function leftOpen(text: string): number {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0;
  return count(/[\u202A\u202B\u202D\u202E]/g) - count(/\u202C/g) + count(/[\u2066-\u2068]/g) - count(/\u2069/g);
}

/** Asserts that `title` holds `data` whole and that nothing it opens is open where `after` begins. */
function assertClosedBefore(title: string, data: string, after: string): void {
  const dataAt = title.indexOf(data);
  assert.ok(dataAt >= 0, `${JSON.stringify(title)} holds ${JSON.stringify(data)}`);
  const afterAt = title.indexOf(after, dataAt + data.length);
  assert.ok(afterAt >= 0, `${JSON.stringify(title)} has ${JSON.stringify(after)} after the data`);
  assert.equal(leftOpen(title.slice(0, afterAt)), 0, `nothing left open before ${JSON.stringify(after)} in ${JSON.stringify(title)}`);
}

function assertClosed(title: string, data: string): void {
  assert.ok(title.includes(data), `${JSON.stringify(title)} holds ${JSON.stringify(data)}`);
  assert.equal(leftOpen(title), 0, `nothing left open in ${JSON.stringify(title)}`);
}

function headOf(html: string): { title: string; meta: Map<string, string> } {
  let title = '';
  const meta = new Map<string, string>();
  for (const node of walk(parseHtml(html))) {
    // The head's title comes first; a chart's svg has <title>s of its own further on.
    if (node.nodeName === 'title' && title === '') title = node.childNodes?.map((child) => child.value ?? '').join('') ?? '';
    if (node.nodeName === 'meta') {
      const key = attribute(node, 'property') ?? attribute(node, 'name');
      const content = attribute(node, 'content');
      if (key !== undefined && content !== undefined) meta.set(key, content);
    }
  }
  return { title, meta };
}

/** The text of each `<title>` in an Atom document, CDATA or escaped. */
function atomTitles(xml: string): string[] {
  return [...xml.matchAll(/<title[^>]*>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))<\/title>/g)].map((match) =>
    (match[1] ?? match[2] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}

describe('titles with unterminated direction controls', () => {
  let build: BuildRun;
  const site = (sitePath: string) => readFile(path.join(build.outDir, sitePath), 'utf8');

  before(async () => {
    const work = await temporaryDir('bidi-titles');
    const inbox = path.join(work, 'inbox');
    const config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ title: SITE_NAME }));
    await mkdir(inbox);
    await writeFile(path.join(inbox, 'harbour.txt'), `${HEADLINE}\n\n${SUMMARY}\n`);
    await writeFile(path.join(inbox, 'harbour.json'), JSON.stringify({ date: '2024-05-01', section: SECTION, tags: [TAG], authors: [AUTHOR] }));
    build = await buildArchive(inbox, ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('closes the headline before the site name in the article page’s <title>, and in its og:title and twitter:title', async () => {
    const { title, meta } = headOf(await site(path.join(build.report.articles[0]!.url, 'index.html')));
    assertClosedBefore(title, HEADLINE, SITE_NAME);
    assertClosed(meta.get('og:title')!, HEADLINE);
    assertClosed(meta.get('twitter:title')!, HEADLINE);
  });

  it('closes a section’s and a tag’s name before the rest of their pages’ titles', async () => {
    for (const [name, kind] of [[SECTION, 'sections'], [TAG, 'tags']] as const) {
      const index = await site(path.join(kind, 'index.html'));
      const link = [...index.matchAll(/href="(\/[^"]+\/)"/g)].map((match) => match[1]!).find((href) => new RegExp(`^/${kind}/[^/]+/$`).test(href) && href !== `/${kind}/by-count/`);
      assert.ok(link, `the ${kind} index links to a ${kind} page`);
      const { title } = headOf(await site(path.join(link, 'index.html')));
      assertClosedBefore(title, name, SITE_NAME);
    }
  });

  it('closes the headline in the Atom and JSON feeds’ entry titles', async () => {
    const atom = atomTitles(await site('feed.xml'));
    assertClosed(atom.find((title) => title.includes(HEADLINE))!, HEADLINE);
    const json = JSON.parse(await site('feed.json')) as { items: Array<{ title: string }> };
    assertClosed(json.items[0]!.title, HEADLINE);
  });

  it('closes the section’s name in its feeds’ titles', async () => {
    const home = await site('index.html');
    const atomPath = /href="(\/feeds\/[^"]+\.xml)"/.exec(home)?.[1];
    assert.ok(atomPath, 'the home page links to the section’s Atom feed');
    const atomTitle = atomTitles(await site(atomPath))[0]!;
    assertClosed(atomTitle, SECTION);
    const json = JSON.parse(await site(atomPath.replace(/\.xml$/, '.json'))) as { title: string };
    assertClosed(json.title, SECTION);
  });

  it('closes every value an article page gives reference managers, search engines and share cards: description, citation and Open Graph tags, JSON-LD', async () => {
    const html = await site(path.join(build.report.articles[0]!.url, 'index.html'));
    const { meta } = headOf(html);
    for (const key of ['description', 'og:description', 'twitter:description']) assertClosed(meta.get(key)!, SUMMARY);
    assertClosed(meta.get('citation_title')!, HEADLINE);
    assertClosed(meta.get('citation_author')!, AUTHOR);
    assertClosed(meta.get('article:section')!, SECTION);
    assertClosed(meta.get('article:tag')!, TAG);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as { headline: string; description: string; articleSection: string; keywords: string[]; author: Array<{ name: string }> };
    assertClosed(jsonLd.headline, HEADLINE);
    assertClosed(jsonLd.description, SUMMARY);
    assertClosed(jsonLd.articleSection, SECTION);
    assertClosed(jsonLd.keywords[0]!, TAG);
    assertClosed(jsonLd.author[0]!.name, AUTHOR);
  });
});
