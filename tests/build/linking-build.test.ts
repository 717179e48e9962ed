// Real builds with the command-line tool: the seeds are related to each other and share their
// people's pages; on a fixture archive (pageSize 2, an aliases file) taxonomy pages paginate
// with rel links, charts carry the articles' real dates, and pages stay valid and light.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { attribute, linksIn, parseHtml, visibleText, walk } from '../helpers/html-text.ts';
import { PROJECT_ROOT, SAMPLE_INBOX } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const FIXTURE = path.join(PROJECT_ROOT, 'tests/fixtures/linking');
const SEED_PEOPLE = ['steve-witkoff', 'khalil-al-hayya', 'jared-kushner', 'adam-boehler', 'donald-trump'];
const TAXONOMY = /^\/(people|organizations|places|tags|sections)\//;

const reader = (build: () => BuildRun) => (sitePath: string) => readFile(path.join(build().outDir, sitePath, 'index.html'), 'utf8');

/** Links inside the element with the given class. */
function linksInside(html: string, className: string): string[] {
  const links: string[] = [];
  for (const node of walk(parseHtml(html))) {
    if (!(attribute(node, 'class') ?? '').split(' ').includes(className)) continue;
    for (const inner of walk(node)) if (inner.nodeName === 'a') links.push(attribute(inner, 'href') ?? '');
  }
  return links;
}

/** The rows of the charts' figures tables: [label, count]. */
function chartRows(html: string, figureId: string): Array<[string, number]> {
  const rows: Array<[string, number]> = [];
  for (const node of walk(parseHtml(html))) {
    if (node.nodeName !== 'figure' || attribute(node, 'id') !== figureId) continue;
    for (const row of walk(node)) {
      if (row.nodeName !== 'tr') continue;
      const cells = (row.childNodes ?? []).filter((cell) => cell.nodeName === 'th' || cell.nodeName === 'td');
      const [label, count] = cells.map(textOf);
      if (label !== undefined && count !== undefined && /^\d+$/.test(count)) rows.push([label, Number(count)]);
    }
  }
  return rows;
}

function textOf(node: ReturnType<typeof parseHtml>): string {
  let text = '';
  for (const inner of walk(node)) if (inner.nodeName === '#text') text += inner.value ?? '';
  return text.trim();
}

describe('the seeds, linked', () => {
  let build: BuildRun;
  const page = reader(() => build);
  before(async () => {
    build = await buildArchive(SAMPLE_INBOX);
  });

  it('relates each seed to the other', async () => {
    const [first, second] = build.report.articles;
    assert.ok(first && second);
    assert.deepEqual(linksInside(await page(first.url), 'related-articles'), [second.url]);
    assert.deepEqual(linksInside(await page(second.url), 'related-articles'), [first.url]);
  });

  it('links both seeds to the same page for each of their people, which lists both', async () => {
    for (const article of build.report.articles) {
      const links = linksInside(await page(article.url), 'article-terms');
      for (const person of SEED_PEOPLE) assert.ok(links.includes(`/people/${person}/`), `${article.url} links to /people/${person}/`);
      assert.ok(links.includes('/organizations/hamas/'));
      for (const place of ['israel', 'gaza', 'qatar']) assert.ok(links.includes(`/places/${place}/`));
    }
    for (const person of SEED_PEOPLE) {
      const listed = linksInside(await page(`/people/${person}/`), 'article-list');
      assert.deepEqual([...listed].sort(), build.report.articles.map((article) => article.url).sort());
    }
  });

  it('links only to taxonomy pages that exist', async () => {
    for (const sitePath of [...build.report.articles.map((article) => article.url), '/', '/people/', '/people/steve-witkoff/']) {
      for (const link of linksIn(await page(sitePath)).filter((href) => TAXONOMY.test(href))) {
        assert.ok(existsSync(path.join(build.outDir, link, 'index.html')), `${sitePath} links to ${link}, which exists`);
      }
    }
  });

  it('lists people A–Z and by count, with their article counts', async () => {
    const az = visibleText(await page('/people/'));
    assert.match(az, /Adam Boehler 2 .*Donald Trump 2 .*Jared Kushner 2 .*Khalil al-Hayya 2 .*Steve Witkoff 2/);
    assert.ok(linksIn(await page('/people/by-count/')).includes('/people/steve-witkoff/'));
  });
});

describe('a fixture archive with dates, sections, tags and an aliases file', () => {
  let build: BuildRun;
  const page = reader(() => build);
  const urlOf = (source: string) => build.report.articles.find((article) => article.source.endsWith(source))!.url;
  before(async () => {
    build = await buildArchive(path.join(FIXTURE, 'inbox'), ['--config', path.join(FIXTURE, 'broadsheet.config.json')]);
  });

  it('builds without errors', () => {
    assert.equal(build.exitCode, 0, build.stderr);
    assert.equal(build.report.articles.length, 6);
  });

  it('writes extracted entities into the frontmatter, with the aliases file applied at ingest', async () => {
    const file = build.report.articles.find((article) => article.source.endsWith('berg-plans-new-routes.txt'))!.file;
    const { data } = readArticleFile(await readFile(path.join(build.articlesDir, file), 'utf8'));
    assert.deepEqual(data.people, ['Tomas Berg']);
    assert.deepEqual(data.organizations, ['Baltic Shipping Group']);
    assert.deepEqual(data.places, ['Finland']);
  });

  it('numbers a listing’s older pages from the oldest, with real rel=prev/next links; a page and a half fits on one page', async () => {
    // Six articles, two to a page: the home page shows the newest two, /page/2/ the next two and
    // /page/1/ the first two (dates from the fixture's meta.jsonl).
    const home = await page('/');
    assert.deepEqual(linksInside(home, 'article-list'), [urlOf('coffee-prices.txt'), urlOf('berg-plans-new-routes.txt')]);
    assert.match(home, /<a rel="next" href="\/page\/2\/">/);
    const second = await page('/page/2/');
    assert.deepEqual(linksInside(second, 'article-list'), [urlOf('shipping-group-profits.txt'), urlOf('envoy-turns-to-shipping.txt')]);
    assert.match(second, /<a rel="prev" href="\/">/);
    assert.match(second, /<a rel="next" href="\/page\/1\/">/);
    const oldest = await page('/page/1/');
    assert.deepEqual(linksInside(oldest, 'article-list'), [urlOf('quota-deal-stalls.txt'), urlOf('lindqvist-visits-oslo.txt')]);
    assert.match(oldest, /<a rel="prev" href="\/page\/2\/">/);
    assert.doesNotMatch(oldest, /rel="next"/);
    // A person in three articles, fewer than two pages' worth: all on one page, newest first.
    const person = await page('/people/maria-lindqvist/');
    assert.deepEqual(linksInside(person, 'article-list'), [urlOf('envoy-turns-to-shipping.txt'), urlOf('quota-deal-stalls.txt'), urlOf('lindqvist-visits-oslo.txt')]);
    assert.doesNotMatch(person, /class="pagination"/);
  });

  it('gives no page to a name in only one article, and none to a blocked name', () => {
    assert.ok(!existsSync(path.join(build.outDir, 'people/oliver-grant')));
    assert.ok(!existsSync(path.join(build.outDir, 'organizations/harbour-times')));
    assert.ok(existsSync(path.join(build.outDir, 'places/finland/index.html')));
  });

  it('charts the archive per month from the articles’ dates, each month a link to its archive page', async () => {
    const home = await page('/');
    assert.deepEqual(chartRows(home, 'home-timeline'), [['January 2024', 2], ['February 2024', 1], ['March 2024', 3]]);
    const person = await page('/people/maria-lindqvist/');
    assert.deepEqual(chartRows(person, 'term-coverage'), [['January 2024', 2], ['February 2024', 1]]);
    assert.match(visibleText(person), /3 articles from January 2024 to February 2024; the most, 2, in January 2024\./);
  });

  it('lists the entities often mentioned with an organisation, ranked by PMI then count', async () => {
    const companions = linksInside(await page('/organizations/baltic-shipping-group/'), 'companions');
    assert.deepEqual(companions, ['/places/finland/', '/people/tomas-berg/']);
  });

  it('links each article to the previous and next in time and within its section', async () => {
    const links = linksInside(await page(urlOf('quota-deal-stalls.txt')), 'article-neighbours');
    assert.deepEqual(links, [urlOf('lindqvist-visits-oslo.txt'), urlOf('envoy-turns-to-shipping.txt'), urlOf('lindqvist-visits-oslo.txt'), urlOf('envoy-turns-to-shipping.txt')]);
    const newest = linksInside(await page(urlOf('coffee-prices.txt')), 'article-neighbours');
    assert.deepEqual(newest, [urlOf('berg-plans-new-routes.txt'), urlOf('berg-plans-new-routes.txt')]);
  });

  it('has section and tag pages with their articles', async () => {
    assert.deepEqual(linksInside(await page('/sections/business/'), 'article-list'), [urlOf('coffee-prices.txt'), urlOf('berg-plans-new-routes.txt'), urlOf('shipping-group-profits.txt')]);
    assert.equal(linksInside(await page('/tags/shipping/'), 'article-list').length, 3, 'its three articles, on one page');
    assert.match(visibleText(await page('/tags/by-count/')), /shipping 3 .*fisheries 2/);
  });

  it('links a section page to the section’s own feeds, for readers and in the head for feed readers; a tag page to none', async () => {
    const section = await page('/sections/business/');
    const feeds = ['/feeds/business.xml', '/feeds/business.json'];
    assert.deepEqual(linksInside(section, 'term-count'), feeds);
    const alternates = [...walk(parseHtml(section))].filter((node) => node.nodeName === 'link' && attribute(node, 'rel') === 'alternate').map((node) => attribute(node, 'href'));
    assert.deepEqual(alternates, ['/feed.xml', '/feed.json', ...feeds]);
    // They are the section's feeds: its articles, newest first.
    const atom = await readFile(path.join(build.outDir, 'feeds/business.xml'), 'utf8');
    const entryLinks = [...atom.matchAll(/<entry>[\s\S]*?<link href="[^"]*?(\/\d{4}\/[^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(entryLinks, [urlOf('coffee-prices.txt'), urlOf('berg-plans-new-routes.txt'), urlOf('shipping-group-profits.txt')]);
    assert.deepEqual(linksInside(await page('/tags/shipping/'), 'term-count'), []);
  });

  it('renders valid HTML on taxonomy, index, home and article pages', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off', 'long-title': 'off' } });
    for (const sitePath of ['/', '/people/', '/organizations/by-count/', '/people/maria-lindqvist/', '/sections/world/', urlOf('quota-deal-stalls.txt')]) {
      const report = await validator.validateString(await page(sitePath), sitePath);
      const messages = report.results.flatMap((result) => result.messages.map((message) => `${message.line}: ${message.message} (${message.ruleId})`));
      assert.deepEqual(messages, [], `${sitePath} is valid`);
    }
  });

  it('keeps an entity page and its chart light', async () => {
    const html = await page('/people/maria-lindqvist/');
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    assert.ok(svg.length > 100 && svg.length < 6_000, `chart SVG is ${svg.length} bytes`);
    assert.ok(html.length < 25_000, `page is ${html.length} bytes`);
  });
});
