// Chart data: articles per month equal to the articles' dates (in the configured zone), yearly
// buckets for long spans, "often mentioned with" ranked by PMI on a hand-built example, and the
// chart's text alternative matching its bars.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import { describeCoverage, renderCoverageChart } from '../../src/site/charts/coverage-chart.ts';
import { buildTimeAxis } from '../../src/site/charts/time-axis.ts';
import { buildArchiveIndex } from '../../src/site/indexes/archive-index.ts';
import { companionsOf } from '../../src/site/indexes/cooccurrence.ts';
import type { Term } from '../../src/site/indexes/terms.ts';
import type { Article } from '../../src/site/load-articles.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHtml, walk, attribute, visibleText } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

function siteArticle(i: number, iso: string, people: string[] = []): Article {
  return {
    file: `${i}.md`, title: `Article ${i}`, date: DateTime.fromISO(iso, { setZone: true }), dateSource: 'manual', authors: [], tags: [],
    people, organizations: [], places: [], summary: '', wordCount: 0, readingMinutes: 1, language: 'en', dir: 'ltr',
    slug: `a${i}`, url: `/x/a${i}/`, source: { path: `${i}.txt`, hash: '' }, body: '', bodyHash: '',
  };
}

const newestFirst = (articles: Article[]) => articles.sort((a, b) => b.date.toMillis() - a.date.toMillis());

describe('coverage over time', () => {
  const articles = newestFirst([
    siteArticle(0, '2024-01-05T10:00:00Z', ['Ada Byrne']),
    siteArticle(1, '2024-01-28T10:00:00Z', ['Ada Byrne']),
    siteArticle(2, '2024-03-02T10:00:00Z'),
    siteArticle(3, '2024-03-31T23:30:00-04:00', ['Ada Byrne']), // New York summer time: April 1st in UTC
    siteArticle(4, '2024-05-20T10:00:00Z'),
  ]);

  it('counts articles per month from the first month to the last, empty months included', () => {
    const index = buildArchiveIndex(articles, { timeZone: 'UTC', minArticlesForEntityPage: 2 });
    assert.deepEqual(index.axis.buckets.map((bucket) => bucket.key), ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']);
    assert.deepEqual(index.coverage(), [2, 0, 1, 1, 1]);
    assert.deepEqual(index.axis.buckets.map((bucket) => bucket.href), ['/archive/2024/01/', '/archive/2024/02/', '/archive/2024/03/', '/archive/2024/04/', '/archive/2024/05/']);
  });

  it('counts in the configured time zone', () => {
    const index = buildArchiveIndex(articles, { timeZone: 'America/New_York', minArticlesForEntityPage: 2 });
    assert.deepEqual(index.coverage(), [2, 0, 2, 0, 1]);
  });

  it('counts a term’s articles on the same axis as the archive', () => {
    const index = buildArchiveIndex(articles, { timeZone: 'UTC', minArticlesForEntityPage: 2 });
    const ada = index.terms.find((term) => term.name === 'Ada Byrne')!;
    assert.deepEqual(index.coverage(ada), [2, 0, 0, 1, 0]);
  });

  it('counts per year when the archive spans more than five years', () => {
    const axis = buildTimeAxis(['2001-06-01', '2003-02-01', '2009-12-31'].map((iso) => DateTime.fromISO(iso, { zone: 'UTC' })), 'UTC');
    assert.equal(axis.unit, 'year');
    assert.deepEqual(axis.buckets.map((bucket) => bucket.key), ['2001', '2002', '2003', '2004', '2005', '2006', '2007', '2008', '2009']);
    assert.equal(axis.buckets[0]!.href, '/archive/2001/');
  });
});

describe('often mentioned with', () => {
  // Ten articles. A is in 0–3; E is in 1–3 only; B in 0–1 only; C is in every article; D meets A once.
  const term = (key: string, articles: number[]): Term => ({ kind: 'person', name: key, key: `person:${key}`, slug: key, url: `/people/${key}/`, articles, hasPage: true, language: undefined });
  const a = term('a', [0, 1, 2, 3]);
  const b = term('b', [0, 1]);
  const c = term('c', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const d = term('d', [3, 4, 5]);
  const e = term('e', [1, 2, 3]);
  const termsOf: Term[][] = Array.from({ length: 10 }, (_, position) => [a, b, c, d, e].filter((t) => t.articles.includes(position)));

  it('ranks companions by PMI, frequent names last, and leaves out pairs seen fewer than twice', () => {
    const companions = companionsOf(a, termsOf);
    // PMI = ln(together · N / (count(A) · count(X))): E ln(30/12), B ln(20/8) (a tie, more articles first), C ln(40/40).
    assert.deepEqual(companions.map((companion) => companion.term.name), ['e', 'b', 'c']);
    assert.deepEqual(companions.map((companion) => companion.count), [3, 2, 4]);
    assert.ok(Math.abs(companions[0]!.pmi - Math.log(2.5)) < 1e-9);
    assert.ok(Math.abs(companions[2]!.pmi) < 1e-9);
  });
});

describe('the coverage chart', () => {
  const site = createSiteContext({ ...DEFAULT_CONFIG, pathPrefix: '/news/' }, [], compileEntityRules());
  const bars = [
    { label: 'January 2024', count: 3, href: '/archive/2024/01/' },
    { label: 'February 2024', count: 0, href: '/archive/2024/02/' },
    { label: 'March 2024', count: 7, href: '/archive/2024/03/' },
  ];
  const markup = renderCoverageChart(site, { id: 'c', caption: 'Articles per month', bars }).value;
  const nodes = [...walk(parseHtml(markup))];

  it('draws one bar per period with articles, each a link (with the path prefix) to its month', () => {
    const links = nodes.filter((node) => node.nodeName === 'a').map((node) => attribute(node, 'href'));
    assert.deepEqual(links, ['/news/archive/2024/01/', '/news/archive/2024/03/']);
    const visibleBars = nodes.filter((node) => node.nodeName === 'rect' && attribute(node, 'fill') === 'currentColor');
    assert.equal(visibleBars.length, 2);
    const heights = visibleBars.map((node) => Number(attribute(node, 'height')));
    assert.ok(heights[1]! > heights[0]! * 2, `March (7) is drawn taller than twice January (3): ${heights.join(', ')}`);
  });

  it('has a caption and a table with the same numbers as the bars', () => {
    const text = visibleText(markup);
    assert.match(text, /Articles per month 10 articles from January 2024 to March 2024; the most, 7, in March 2024\./);
    const rows = nodes.filter((node) => node.nodeName === 'tr').slice(1);
    assert.equal(rows.length, 2);
    assert.match(text, /January 2024 3 .*March 2024 7/);
  });

  it('colours everything with currentColor so that CSS decides light, dark and print', () => {
    assert.doesNotMatch(markup, /fill="#|stroke="#|style=/);
  });
});

describe('the chart’s summary names the periods with articles, not the axis it is drawn on', () => {
  // Years 2015 to 2026, as on a page in an archive spanning them.
  const years = (counts: Record<number, number>) => Array.from({ length: 12 }, (_, i) => ({ label: String(2015 + i), count: counts[2015 + i] ?? 0 }));

  it('gives the one year with articles, whatever empty years surround it', () => {
    assert.equal(describeCoverage(years({ 2026: 2 })), '2 articles in 2026.');
    assert.equal(describeCoverage(years({ 2015: 1 })), '1 article in 2015.');
    assert.equal(describeCoverage(years({ 2020: 1 })), '1 article in 2020.');
  });

  it('spans the first to the last year with articles, and names the busiest', () => {
    assert.equal(describeCoverage(years({ 2019: 3, 2024: 2 })), '5 articles from 2019 to 2024; the most, 3, in 2019.');
    assert.equal(describeCoverage(years({ 2017: 1, 2021: 4, 2022: 1 })), '6 articles from 2017 to 2022; the most, 4, in 2021.');
  });

  it('names every busiest year when they tie, and counts them past three', () => {
    assert.equal(describeCoverage(years({ 2019: 2, 2024: 2 })), '4 articles from 2019 to 2024; the most, 2, in each of 2019 and 2024.');
    assert.equal(describeCoverage(years({ 2016: 1, 2018: 2, 2020: 2, 2025: 2 })), '7 articles from 2016 to 2025; the most, 2, in each of 2018, 2020 and 2025.');
    assert.equal(describeCoverage(years({ 2016: 1, 2018: 1, 2020: 1, 2025: 1 })), '4 articles from 2016 to 2025; the most, 1, in each of 4 periods.');
  });

  it('says there are none when no period has articles', () => {
    assert.equal(describeCoverage([]), 'No articles.');
    assert.equal(describeCoverage(years({})), 'No articles.');
  });
});

describe('chart summaries in a built archive spanning 2015 to 2026', () => {
  let build: BuildRun;
  const page = (sitePath: string) => readFile(path.join(build.outDir, sitePath, 'index.html'), 'utf8');

  before(async () => {
    const inbox = path.join(await temporaryDir('chart-years'), 'inbox');
    const articles: Array<[string, string, string]> = [
      ['world/2015-03-04-harbour.txt', 'Harbour reopens after a winter of repairs', 'The harbour reopened this week after a long winter of repairs, officials said.'],
      ['sport/2026-01-10-derby.txt', 'Derby ends in a draw at Ewood Park', 'Blackburn and Burnley shared the points in a tense derby on Saturday.'],
      ['sport/2026-02-14-cup-tie.txt', 'Cup tie goes to extra time', 'Burnley needed extra time to get past their opponents in the cup.'],
    ];
    for (const [file, title, text] of articles) {
      await mkdir(path.dirname(path.join(inbox, file)), { recursive: true });
      await writeFile(path.join(inbox, file), `${title}\n\n${text}\n\nThe rest of the report follows in a second paragraph of ordinary length.\n`);
    }
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  /** The chart's accessible name (its svg's aria-labelledby), its summary and its table's periods. */
  function chart(html: string, figureId: string): { name: string; summary: string; periods: string[] } {
    const nodes = [...walk(parseHtml(html))];
    const figure = nodes.find((node) => node.nodeName === 'figure' && attribute(node, 'id') === figureId);
    assert.ok(figure, `no figure #${figureId}`);
    const inFigure = [...walk(figure)];
    const text = (node: (typeof nodes)[number]) => [...walk(node)].filter((inner) => inner.nodeName === '#text').map((inner) => inner.value ?? '').join('').replace(/\s+/g, ' ').trim();
    const svg = inFigure.find((node) => node.nodeName === 'svg');
    assert.equal(attribute(svg!, 'role'), 'img');
    const label = nodes.find((node) => attribute(node, 'id') === attribute(svg!, 'aria-labelledby'));
    assert.ok(label, 'the svg is labelled by an element on the page');
    const summary = inFigure.find((node) => (attribute(node, 'class') ?? '').split(' ').includes('chart-summary'));
    const periods = inFigure.filter((node) => node.nodeName === 'th' && attribute(node, 'scope') === 'row').map(text);
    return { name: text(label), summary: summary ? text(summary) : '', periods };
  }

  it('says a section with articles in 2026 only has them in 2026, as its table does', async () => {
    const sport = chart(await page('/sections/sport/'), 'term-coverage');
    assert.equal(sport.summary, '2 articles in 2026.');
    assert.ok(sport.name.endsWith(' 2 articles in 2026.'), sport.name);
    assert.deepEqual(sport.periods, ['2026']);
  });

  it('says a section with articles in 2015 only has them in 2015', async () => {
    const world = chart(await page('/sections/world/'), 'term-coverage');
    assert.equal(world.summary, '1 article in 2015.');
    assert.deepEqual(world.periods, ['2015']);
  });
});

describe('the home timeline of an archive with one article dated far from the rest', () => {
  let build: BuildRun;

  before(async () => {
    const inbox = path.join(await temporaryDir('chart-far-dates'), 'inbox');
    await mkdir(inbox, { recursive: true });
    const articles: Array<[string, string, string]> = [
      ['1900-01-01-census.txt', 'Census counts the parish', 'The parish census was taken on the first day of the year.'],
      ['2024-06-01-harbour.txt', 'Harbour reopens after repairs', 'The harbour reopened this week after a long winter of repairs.'],
      ['2024-06-02-ferry.txt', 'Ferry timetable changes', 'The ferry leaves an hour earlier from Monday, the operator said.'],
      ['9999-12-31-typo.txt', 'A date typed wrong by a scraper', 'The scraper wrote the last day it knew of as this article’s date.'],
    ];
    for (const [file, title, text] of articles) await writeFile(path.join(inbox, file), `${title}\n\n${text}\n\nA second paragraph of ordinary length follows here.\n`);
    await writeFile(path.join(inbox, 'meta.jsonl'), articles.map(([file]) => JSON.stringify({ file, date: file.slice(0, 10) })).join('\n') + '\n');
    build = await buildArchive(inbox);
    assert.equal(build.exitCode, 0, build.stderr);
  });

  it('draws 8,100 mostly empty years in a few kilobytes: the home page stays small', async () => {
    const home = await readFile(path.join(build.outDir, 'index.html'), 'utf8');
    const area = [...walk(parseHtml(home))].find((node) => node.nodeName === 'path' && attribute(node, 'class') === 'chart-area');
    const segments = (attribute(area!, 'd') ?? '').match(/[CL]/g)?.length ?? 0;
    assert.ok(segments > 0 && segments < 40, `${segments} path segments`);
    assert.ok(home.length < 30_000, `the home page is ${home.length} bytes`);
    assert.match(visibleText(home), /4 articles from 1900 to 9999; the most, 2, in 2024\./);
  });
});

describe('the timeline variant', () => {
  const site = createSiteContext(DEFAULT_CONFIG, [], compileEntityRules());
  const pathOf = (counts: number[]) => {
    const markup = renderCoverageChart(site, { id: 't', caption: 'Articles per year', variant: 'timeline', bars: counts.map((count, i) => ({ label: String(2000 + i), count })) }).value;
    return attribute([...walk(parseHtml(markup))].find((node) => node.nodeName === 'path')!, 'd') ?? '';
  };

  it('draws a run of empty periods as one flat segment, the rest of the curve unchanged', () => {
    const d = pathOf([0, 0, 0, 5, 0, 0, 0, 0, 3, 1, 0, 0]);
    // Upper edge: flat over the three empty years, up to 5, down, flat over the four empty years, up to 3, to 1, down, flat.
    assert.equal(d.split('L')[0]!.match(/C/g)!.length, 8, d);
    assert.match(pathOf([0]), /^M/);
    assert.equal(pathOf([0, 0, 0, 0, 0, 0]).match(/[CL]/g)!.length, 3, 'all empty: one flat line along the base and back');
  });
});

describe('the full chart’s count axis', () => {
  const site = createSiteContext(DEFAULT_CONFIG, [], compileEntityRules());
  const ticks = (counts: number[]) => {
    const markup = renderCoverageChart(site, { id: 'f', caption: 'Articles per month', bars: counts.map((count, i) => ({ label: `Month ${i}`, count, href: `/archive/2024/0${i + 1}/` })) }).value;
    const column = [...walk(parseHtml(markup))].find((node) => node.nodeName === 'svg' && attribute(node, 'class') === 'chart-counts');
    return column ? [...walk(column)].filter((node) => node.nodeName === 'text').map((node) => node.childNodes?.[0]?.value) : [];
  };

  it('labels whole numbers of articles only', () => {
    assert.deepEqual(ticks([1]), ['1']);
    assert.deepEqual(ticks([1, 0, 1]), ['1']);
    assert.deepEqual(ticks([2, 1]), ['1', '2']);
  });
});
