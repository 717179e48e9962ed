// Ids of an article's body headings: never one of the page's own ids (layouts/page-ids.ts, which
// is checked here against a real rendered page, so a new layout id cannot slip past it), always
// valid for html-validate with the project's configuration, unique, and unchanged where the
// heading's slug was already a fine id; and the name of each heading's § link.

import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ARTICLE_PAGE_IDS, RESERVED_ARTICLE_IDS } from '../../layouts/page-ids.ts';
import { slugify } from '../../src/ingest/slug.ts';
import { headingAnchors } from '../../src/site/heading-anchors.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { attribute, parseHtml, walk } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { Prng } from '../helpers/prng.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { htmlValidationErrors } from '../helpers/validators.ts';

type Node = ReturnType<typeof parseHtml>;

const md = createMarkdownRenderer();
const RESERVED = [...RESERVED_ARTICLE_IDS];
/** A heading line whose slug is a reserved id: `cite-heading` → `Cite Heading`. */
const headingFor = (id: string) => id.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
/** What html-validate's valid-id accepts (strict) narrowed to what slugs are made of. */
const VALID_ID = /^[a-z][a-z0-9-]*$/;

function headingIds(markdown: string): string[] {
  return [...walk(parseHtml(md.render(markdown)))].filter((node) => /^h[1-6]$/.test(node.nodeName)).map((node) => attribute(node, 'id') ?? '');
}

function hasClass(node: Node, name: string): boolean {
  return (attribute(node, 'class') ?? '').split(' ').includes(name);
}

/** Ids on a page, split into those inside the article body and the rest. */
function pageIds(html: string): { body: Array<{ id: string; text: string }>; page: string[] } {
  const root = parseHtml(html);
  const bodyNodes = new Set<Node>();
  for (const node of walk(root)) if (hasClass(node, 'article-body')) for (const inner of walk(node)) bodyNodes.add(inner);
  const body: Array<{ id: string; text: string }> = [];
  const page: string[] = [];
  for (const node of walk(root)) {
    const id = attribute(node, 'id');
    if (id === undefined) continue;
    if (bodyNodes.has(node)) body.push({ id, text: textOf(node) });
    else page.push(id);
  }
  return { body, page };
}

function textOf(node: Node): string {
  let text = '';
  for (const inner of walk(node)) {
    if (inner.nodeName === 'a' && hasClass(inner, 'heading-anchor')) break;
    if (inner.nodeName === '#text') text += inner.value ?? '';
  }
  return text.trim();
}

describe('body heading ids on a built article page', () => {
  // One heading per id the page uses for itself, a time ("20:00 GMT": a slug starting with a
  // digit), a repeat, and a heading whose slug was always fine. The article has a section, a
  // person and a related article, so every part of the page (and each of its ids) is there.
  const clashing = RESERVED.map(headingFor);
  const headings = [...clashing, '20:00 GMT', 'Main', 'Late Drama'];
  let build: BuildRun;
  let page: string;

  before(async () => {
    const inbox = path.join(await temporaryDir('heading-ids'), 'inbox');
    await mkdir(path.join(inbox, 'sport'), { recursive: true });
    const blocks = headings.flatMap((heading, i) => [heading, `Paragraph ${i + 1} of the report, long enough to be a paragraph under its heading, from Maria Lindqvist.`]);
    await writeFile(
      path.join(inbox, 'sport/2026-01-10-derby-report.txt'),
      ['Derby ends in a draw at Ewood Park', 'Blackburn and Burnley shared the points in a tense derby, Maria Lindqvist reports from Lancashire.', ...blocks].join('\n\n') + '\n',
    );
    await writeFile(
      path.join(inbox, 'sport/2026-02-14-cup-tie.txt'),
      ['Cup tie goes to extra time', 'Burnley needed extra time to get past their opponents, Maria Lindqvist reports from Lancashire.', 'The winning goal came in the one hundred and fifth minute from a corner kick routine.'].join('\n\n') + '\n',
    );
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
    const article = build.report.articles.find((entry) => entry.source.endsWith('derby-report.txt'));
    assert.ok(article, JSON.stringify(build.report.articles));
    page = await readFile(path.join(build.outDir, article.url, 'index.html'), 'utf8');
  });

  it('renders every heading line as a body heading (the test would prove nothing otherwise)', () => {
    assert.deepEqual(pageIds(page).body.map((heading) => heading.text), headings);
  });

  it('passes html-validate with the project’s configuration (no duplicate ids, every id valid)', async () => {
    assert.deepEqual(await htmlValidationErrors(page, 'article.html'), []);
  });

  it('lists in layouts/page-ids.ts exactly the ids the layouts put on an article page', () => {
    assert.deepEqual(new Set(pageIds(page).page), RESERVED_ARTICLE_IDS);
    assert.equal(pageIds(page).page.length, RESERVED_ARTICLE_IDS.size, 'each page id once');
  });

  it('never gives a body heading a page id, and keeps the Source link on the provenance section', () => {
    const { body } = pageIds(page);
    for (const { id } of body) {
      assert.ok(!RESERVED_ARTICLE_IDS.has(id), id);
      assert.match(id, VALID_ID);
    }
    assert.equal(new Set(body.map((heading) => heading.id)).size, body.length, 'body ids are unique');
    const targets = [...walk(parseHtml(page))].filter((node) => attribute(node, 'id') === ARTICLE_PAGE_IDS.provenance);
    assert.equal(targets.length, 1);
    assert.equal(textOf(targets[0]!), 'About this text');
    assert.ok(page.includes(`<a href="#${ARTICLE_PAGE_IDS.provenance}">Source</a>`));
  });

  it('prefixes the clashing and digit-first ids, numbers the repeat, and keeps the fine one', () => {
    const ids = pageIds(page).body.map((heading) => heading.id);
    assert.deepEqual(ids, [...RESERVED.map((id) => `section-${id}`), 'section-20-00-gmt', 'section-main-2', 'late-drama']);
  });
});

describe('body heading ids from markdown', () => {
  it('keep the slug of a heading whose slug is a fine id, and number repeats as before', () => {
    assert.deepEqual(headingIds(['## The Design: Steel and Stone', '## Context', '## Context', '## Context', '## Late Drama'].join('\n\n')), [
      'the-design-steel-and-stone',
      'context',
      'context-2',
      'context-3',
      'late-drama',
    ]);
  });

  it('prefix a page id and a slug starting with a digit', () => {
    assert.deepEqual(headingIds(['## Main', '## Main', '## Provenance', '## 20:00 GMT', '## 1990s Revival', '## Main Stage'].join('\n\n')), [
      'section-main',
      'section-main-2',
      'section-provenance',
      'section-20-00-gmt',
      'section-1990s-revival',
      'main-stage',
    ]);
  });

  it('stay unique when a heading’s own text gives a repeat’s number or a prefixed id', () => {
    assert.deepEqual(headingIds(['## Context', '## Context 2', '## Context', '## Section Main', '## Main'].join('\n\n')), [
      'context',
      'context-2',
      'context-3',
      'section-main',
      'section-main-2',
    ]);
  });

  it('are unique, valid for html-validate, never a page id, and the slug when it was fine (seeded random headings)', async () => {
    const prng = new Prng(11);
    const words = [...RESERVED.map(headingFor), 'Main', 'Context', 'Context 2', 'Section Main', '2000 GMT', '20:00', '3 Things', 'Über Alles', 'Δέλτα', '中文', '2', 'Section', 'Section 2', 'A', 'Q & A'];
    const documents: string[] = [];
    for (let sample = 0; sample < 200; sample++) {
      const lines = Array.from({ length: prng.int(1, 12) }, () => prng.pick(words) + (prng.int(0, 3) === 0 ? ` ${prng.int(1, 3)}` : ''));
      const ids = headingIds(lines.map((line) => `## ${line}`).join('\n\n'));
      assert.equal(ids.length, lines.length);
      assert.equal(new Set(ids).size, ids.length, `unique: ${JSON.stringify(lines)} → ${ids.join(' ')}`);
      const seen = new Set<string>();
      lines.forEach((line, i) => {
        const id = ids[i]!;
        assert.match(id, VALID_ID, JSON.stringify(line));
        assert.ok(!RESERVED_ARTICLE_IDS.has(id), `${JSON.stringify(line)} → ${id}`);
        // A heading whose slug was a fine id keeps it, the first time its slug comes up.
        const slug = slugify(line, 'section').replace(/^article-section$/, 'section');
        if (/^[a-z]/.test(slug) && !RESERVED_ARTICLE_IDS.has(slug) && !seen.has(slug) && !ids.slice(0, i).includes(slug)) assert.equal(id, slug, JSON.stringify(lines));
        seen.add(slug);
      });
      documents.push(md.render(lines.map((line) => `## ${line}`).join('\n\n')));
    }
    // The real validator on every sample, each in a page of its own.
    for (const [i, body] of documents.entries()) {
      const html = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>Sample ${i}</title>\n</head>\n<body>\n<main>\n${body}</main>\n</body>\n</html>\n`;
      assert.deepEqual(await htmlValidationErrors(html, `sample-${i}.html`), [], body);
    }
  });
});

describe('the § link of a body heading', () => {
  // As article pages render bodies (src/site/pages/article-pages.ts).
  const withAnchors = createMarkdownRenderer().use(headingAnchors);
  const anchorLabels = (markdown: string) =>
    [...walk(parseHtml(withAnchors.render(markdown)))].filter((node) => hasClass(node, 'heading-anchor')).map((node) => attribute(node, 'aria-label'));

  it('is named by the heading’s text as readers see it, without the escapes ingest writes into the markdown', () => {
    // Ingest escapes markdown punctuation in headings as in paragraphs (src/ingest: text is text).
    const markdown = ['## The Facts: \\*Costs\\* and \\[Savings\\] \\<Now\\>', '## What\\_Comes\\_Next for the \\#1 Plan', '## The `npm` tool & more'].join('\n\n');
    assert.deepEqual(anchorLabels(markdown), [
      'Link to the section “The Facts: *Costs* and [Savings] <Now>”',
      'Link to the section “What_Comes_Next for the #1 Plan”',
      'Link to the section “The npm tool & more”',
    ]);
  });
});
