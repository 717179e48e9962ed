// One real build of the sample archive plus the website fixtures (an Arabic article, a
// mixed-direction headline, a 1,000-word article and one full of hostile text), checked by
// validators: html-validate, a crawl of every link, xmllint for Atom and the sitemap's XSD,
// JSON-LD, head metadata, the date archive, feeds and page weight.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { linksIn, parseHtml, visibleText, walk, attribute } from '../helpers/html-text.ts';
import { PROJECT_ROOT, SAMPLE_INBOX } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { composeInbox, crawlSite, filesIn, headOf, jsonLdIn, readSiteFile, urlPathOf } from '../helpers/site-files.ts';
import { childElements, htmlValidationErrors, parseXml, textOf, xmlSchemaErrors, xmlWellFormednessErrors } from '../helpers/validators.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/site/inbox');
const ORIGIN = 'http://localhost:8080';
const HOSTILE_TITLE = '<script>alert("title")</script> & "Quotes" {{ site.title }} ]]> 100% {braces} $cash #tag_x ^ ~ \\end';
const ARABIC_TITLE = 'افتتاح مكتبة عامة جديدة في وسط المدينة بعد ثلاث سنوات من الترميم';
const MIXED_TITLE = 'Talks in الدوحة resume as envoys meet again';
const HARBOUR_TITLE = 'Council Votes to Rebuild the Harbour Wall After a Long and Divided Debate';

describe('the website built from the sample archive and the website fixtures', () => {
  let build: BuildRun;
  let htmlFiles: string[];
  const page = (sitePath: string) => readSiteFile(build.outDir, path.join(sitePath, sitePath.endsWith('/') ? 'index.html' : ''));
  const urlOf = (title: string) => {
    const entry = build.report.articles.find((article) => article.title === title);
    assert.ok(entry, `the report lists "${title}"`);
    return entry.url;
  };

  before(async () => {
    build = await buildArchive(await composeInbox(SAMPLE_INBOX, FIXTURES));
    htmlFiles = await filesIn(build.outDir, '.html');
  });

  it('builds the six articles without errors', () => {
    assert.equal(build.exitCode, 0, build.stderr);
    assert.equal(build.report.articles.length, 6);
  });

  it('passes html-validate (recommended rules) on every HTML page', async () => {
    assert.ok(htmlFiles.length >= 15, `only ${htmlFiles.length} pages`);
    const failures: string[] = [];
    for (const file of htmlFiles) {
      for (const error of await htmlValidationErrors(await readSiteFile(build.outDir, file), file)) failures.push(`${file}:${error}`);
    }
    assert.deepEqual(failures, []);
  });

  it('reaches every page from the home page, and every link, asset and fragment resolves', async () => {
    const crawl = await crawlSite(build.outDir, '/', ORIGIN);
    assert.deepEqual(crawl.broken, []);
    const unreachable = htmlFiles.map((file) => urlPathOf(file)).filter((url) => !crawl.pages.has(url) && url !== '/404.html');
    assert.deepEqual(unreachable, []);
    for (const asset of ['/assets/site.css', '/assets/favicon.svg', '/feed.xml', '/feed.json', '/archive/', '/about/']) assert.ok(crawl.linked.has(asset), asset);
  });

  it('gives every page a canonical URL, a description, Open Graph and Twitter tags', async () => {
    for (const file of htmlFiles) {
      const head = headOf(await readSiteFile(build.outDir, file));
      const canonical = head.links.get('canonical')?.[0];
      assert.equal(canonical, `${ORIGIN}${urlPathOf(file)}`, `${file} canonical`);
      for (const key of ['description', 'og:title', 'og:description', 'og:type', 'og:site_name', 'twitter:card', 'twitter:title']) {
        assert.ok((head.meta.get(key)?.[0] ?? '').trim() !== '', `${file} has ${key}`);
      }
      assert.equal(head.meta.get('og:url')?.[0], canonical, `${file} og:url`);
    }
  });

  it('has no script on any page but the search page and the highlight script on articles, apart from JSON-LD data', async () => {
    const articleFiles = new Set(build.report.articles.map((article) => path.join(article.url.slice(1), 'index.html')));
    for (const file of htmlFiles) {
      const scripts = [...walk(parseHtml(await readSiteFile(build.outDir, file)))].filter(
        (node) => node.nodeName === 'script' && attribute(node, 'type') !== 'application/ld+json',
      );
      if (file === path.join('search', 'index.html')) assert.ok(scripts.length > 0, 'the search page loads its script');
      else if (articleFiles.has(file)) {
        assert.deepEqual(scripts.map((node) => attribute(node, 'src')), ['/assets/search-highlight.js'], `${file} loads only the optional highlight script`);
      } else assert.equal(scripts.length, 0, `${file} has a script`);
    }
  });

  it('describes every article with NewsArticle JSON-LD carrying the required fields', async () => {
    for (const entry of build.report.articles) {
      const html = await page(entry.url);
      const blocks = jsonLdIn(html);
      assert.equal(blocks.length, 1, entry.url);
      const data = blocks[0]!;
      assert.equal(data['@context'], 'https://schema.org');
      assert.equal(data['@type'], 'NewsArticle');
      assert.equal(data.headline, entry.title);
      assert.equal(DateTime.fromISO(data.datePublished as string).toMillis(), DateTime.fromISO(entry.date).toMillis());
      const authors = data.author as Array<{ '@type': string; name: string }>;
      assert.ok(Array.isArray(authors) && authors.length > 0 && authors.every((author) => author.name), `${entry.url} names its authors`);
      assert.equal((data.publisher as { name: string }).name, 'Broadsheet sample archive');
      assert.equal((data.mainEntityOfPage as { '@id': string })['@id'], `${ORIGIN}${entry.url}`);
      assert.equal(data.url, `${ORIGIN}${entry.url}`);
    }
    const hostile = jsonLdIn(await page(urlOf(HOSTILE_TITLE)))[0]!;
    assert.deepEqual(
      (hostile.author as Array<{ name: string }>).map((author) => author.name),
      ['O\'Brien <b>bold</b>', 'Smith & Co {LaTeX}'],
    );
  });

  it('describes list pages with CollectionPage JSON-LD listing their articles', async () => {
    const home = jsonLdIn(await page('/'))[0]!;
    assert.equal(home['@type'], 'CollectionPage');
    const items = (home.mainEntity as { itemListElement: Array<{ url: string }> }).itemListElement;
    assert.deepEqual(
      items.map((item) => item.url),
      build.report.articles.map((article) => `${ORIGIN}${article.url}`),
    );
    assert.equal(jsonLdIn(await page('/archive/2024/03/'))[0]!['@type'], 'CollectionPage');
    // Section, tag and entity pages are listings too.
    for (const [sitePath, titles] of [
      ['/sections/world/', [MIXED_TITLE]],
      ['/tags/harbour/', [HARBOUR_TITLE]],
    ] as const) {
      const [listing] = jsonLdIn(await page(sitePath));
      assert.equal(listing?.['@type'], 'CollectionPage', sitePath);
      assert.equal(listing.url, `${ORIGIN}${sitePath}`);
      const listed = (listing.mainEntity as { itemListElement: Array<{ url: string }> }).itemListElement;
      assert.deepEqual(
        listed.map((item) => item.url),
        titles.map((title) => `${ORIGIN}${urlOf(title)}`),
      );
    }
  });

  it('keeps hostile text as text in the page, its head, the cite block and the JSON-LD', async () => {
    const html = await page(urlOf(HOSTILE_TITLE));
    const text = visibleText(html);
    assert.ok(text.includes(HOSTILE_TITLE), 'the headline is shown literally');
    assert.ok(text.includes('**not bold**') && text.includes('[not a link](javascript:alert(3))'), 'markdown syntax is literal');
    const head = headOf(html);
    assert.equal(head.meta.get('og:title')?.[0], HOSTILE_TITLE);
    assert.equal(head.meta.get('citation_title')?.[0], HOSTILE_TITLE);
    assert.deepEqual(head.meta.get('citation_author'), ['O\'Brien <b>bold</b>', 'Smith & Co {LaTeX}']);
    assert.ok(!/<script>alert/.test(html) && !/<img src=x/.test(html), 'no markup from the text reaches the HTML');
    assert.ok(!/<\/script><script>/.test(html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '')), 'no text closes a script element');
  });

  it('offers a plain-text citation and a BibTeX entry with LaTeX specials escaped', async () => {
    const html = await page(urlOf(HOSTILE_TITLE));
    const bibtex = [...walk(parseHtml(html))].find((node) => node.nodeName === 'pre' && attribute(node, 'class') === 'cite-bibtex');
    assert.ok(bibtex, 'the page has a BibTeX block');
    const entry = [...walk(bibtex)].filter((node) => node.nodeName === '#text').map((node) => node.value).join('');
    assert.match(entry, /^@article\{[a-z0-9]+2024,\n/);
    assert.ok(entry.includes('title = {<script>alert("title")</script> \\& "Quotes" \\{\\{ site.title \\}\\} ]]> 100\\% \\{braces\\} \\$cash \\#tag\\_x \\textasciicircum{} \\textasciitilde{} \\textbackslash{}end}'), entry);
    assert.ok(entry.includes('author = {O\'Brien <b>bold</b> and Smith \\& Co \\{LaTeX\\}}'), entry);
    // Every brace a field opens is closed: the unescaped braces balance.
    let depth = 0;
    for (const char of entry.replace(/\\[{}]/g, '')) {
      if (char === '{') depth++;
      if (char === '}') depth--;
      assert.ok(depth >= 0, 'a brace closes before it opens');
    }
    assert.equal(depth, 0);
    const plain = [...walk(parseHtml(html))].find((node) => node.nodeName === 'p' && attribute(node, 'class') === 'cite-plain');
    const plainText = [...walk(plain!)].filter((node) => node.nodeName === '#text').map((node) => node.value).join('');
    assert.equal(plainText, `O'Brien <b>bold</b>, Smith & Co {LaTeX}. “${HOSTILE_TITLE}.” Broadsheet sample archive, March 12, 2024. ${ORIGIN}${urlOf(HOSTILE_TITLE)}`);
  });

  it('shows the date in a <time> element, the authors, section, reading time and provenance', async () => {
    const html = await page(urlOf(HARBOUR_TITLE));
    assert.ok(html.includes('<time datetime="2023-12-31T22:15:00Z">December 31, 2023</time>'), 'the date is in a time element');
    const text = visibleText(html);
    for (const part of ['Tom Field', 'Ana Ruiz', 'Local', 'min read', 'harbour-wall.txt', 'the metadata supplied with the source']) assert.ok(text.includes(part), part);
  });

  it('gives body headings a visible link to their own id', async () => {
    const html = await page(urlOf(HARBOUR_TITLE));
    for (const id of ['the-engineering-case', 'the-money-question', 'what-happens-next']) {
      assert.match(html, new RegExp(`<h2 id="${id}">[^<]+ <a class="heading-anchor" href="#${id}"`));
    }
  });

  it('sets lang and dir per article, and isolates mixed-direction titles in lists', async () => {
    const arabic = headOf(await page(urlOf(ARABIC_TITLE)));
    assert.deepEqual(arabic.html, { lang: 'ar', dir: 'rtl' });
    assert.match(await page(urlOf(ARABIC_TITLE)), /<article class="article" lang="ar" dir="rtl"/);
    assert.deepEqual(headOf(await page(urlOf(HARBOUR_TITLE))).html, { lang: 'en', dir: 'ltr' });
    const home = await page('/');
    for (const title of [ARABIC_TITLE, MIXED_TITLE]) {
      const heading = [...walk(parseHtml(home))].find(
        (node) => node.nodeName === 'h2' && [...walk(node)].some((child) => child.nodeName === '#text' && child.value === title),
      );
      assert.ok(heading, title);
      assert.equal(attribute(heading, 'dir'), 'auto', title);
    }
  });

  it('lists years with counts, months per year, and days with a calendar per month', async () => {
    const byYear = new Map<string, number>();
    for (const article of build.report.articles) byYear.set(article.date.slice(0, 4), (byYear.get(article.date.slice(0, 4)) ?? 0) + 1);
    const index = visibleText(await page('/archive/'));
    for (const [year, count] of byYear) assert.ok(index.includes(`${year} ${count} ${count === 1 ? 'article' : 'articles'}`), `${year}: ${count}`);
    const march = await page('/archive/2024/03/');
    const dayLinks = linksIn(march).filter((link) => link.startsWith('/archive/2024/03/#day-'));
    assert.deepEqual(dayLinks.sort(), ['/archive/2024/03/#day-10', '/archive/2024/03/#day-12']);
    const text = visibleText(march);
    assert.ok(text.indexOf('Tuesday 12 March 2024') < text.indexOf('Sunday 10 March 2024'), 'newest day first');
    for (const title of [HOSTILE_TITLE, MIXED_TITLE, ARABIC_TITLE]) assert.ok(text.includes(title), title);
    assert.ok(linksIn(await page('/archive/2024/')).includes('/archive/2024/03/#day-12'), 'the year calendar links to the day');
    assert.ok(existsSync(path.join(build.outDir, 'archive/2023/12/index.html')), 'December 2023 has a month page');
  });

  it('charts articles per month on the date archive, each bar with articles linking to its month page', async () => {
    const archive = parseHtml(await page('/archive/'));
    const figure = [...walk(archive)].find((node) => node.nodeName === 'figure' && attribute(node, 'id') === 'archive-coverage');
    assert.ok(figure, 'the archive page has the coverage chart');
    const barLinks = [...walk(figure)].filter((node) => node.nodeName === 'a').map((node) => attribute(node, 'href'));
    // Months with articles, counted from the articles' dates (written in the configured zone).
    const months = new Map<string, number>();
    for (const article of build.report.articles) {
      const month = article.date.slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    assert.deepEqual(barLinks.sort(), [...months.keys()].map((month) => `/archive/${month.replace('-', '/')}/`).sort());
    const textOfNode = (node: Parameters<typeof walk>[0]) => [...walk(node)].map((child) => (child.nodeName === '#text' ? (child.value ?? '') : '')).join('').trim();
    const table = [...walk(figure)].filter((node) => node.nodeName === 'td').map(textOfNode);
    for (const [, count] of months) assert.ok(table.includes(String(count)), `the figures table lists ${count}`);
  });

  it('generates the about page from the configuration', async () => {
    const config = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'broadsheet.config.json'), 'utf8')) as { title: string; description: string };
    const text = visibleText(await page('/about/'));
    assert.ok(text.includes(`About ${config.title}`) && text.includes(config.description), 'title and description shown');
    assert.ok(text.includes('6 articles'), 'the article count is shown');
  });

  it('writes an Atom feed that parses and has the required feed and entry elements', async () => {
    const xml = await readSiteFile(build.outDir, 'feed.xml');
    assert.deepEqual(await xmlWellFormednessErrors(xml), []);
    const feed = childElements(parseXml(xml), 'feed')[0]!;
    assert.equal(feed.attributes?.xmlns, 'http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated', 'author']) assert.equal(childElements(feed, name).length, 1, name);
    assert.ok(childElements(feed, 'link').some((link) => link.attributes?.rel === 'self' && link.attributes.href === `${ORIGIN}/feed.xml`), 'the feed links to itself');
    const entries = childElements(feed, 'entry');
    assert.equal(entries.length, 6);
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'link', 'content']) assert.equal(childElements(entry, name).length, 1, name);
      assert.ok(DateTime.fromISO(textOf(childElements(entry, 'updated')[0])).isValid, 'entry updated is a date');
    }
    // Titles are type="html": decoding the HTML must give back the headline exactly.
    const titles = entries.map((entry) => visibleText(`<p>${textOf(childElements(entry, 'title')[0])}</p>`).trim());
    assert.ok(titles.includes(HOSTILE_TITLE), titles.join('\n'));
  });

  it('writes a JSON Feed 1.1 with the same articles, text kept exactly', async () => {
    const feed = JSON.parse(await readSiteFile(build.outDir, 'feed.json')) as { version: string; feed_url: string; items: Array<{ id: string; url: string; title: string; content_html: string }> };
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.feed_url, `${ORIGIN}/feed.json`);
    assert.deepEqual(feed.items.map((item) => item.url), build.report.articles.map((article) => `${ORIGIN}${article.url}`));
    assert.ok(feed.items.some((item) => item.title === HOSTILE_TITLE), 'the hostile title is kept exactly');
    assert.ok(feed.items.every((item) => /<p>/.test(item.content_html)), 'every item has its body as HTML');
  });

  it('writes Atom and JSON feeds per section holding only that section', async () => {
    const xml = await readSiteFile(build.outDir, 'feeds/local.xml');
    assert.deepEqual(await xmlWellFormednessErrors(xml), []);
    const entries = childElements(childElements(parseXml(xml), 'feed')[0]!, 'entry');
    assert.deepEqual(entries.map((entry) => textOf(childElements(entry, 'title')[0])), [HARBOUR_TITLE]);
    const hostileSection = (await filesIn(build.outDir, '.xml')).filter((file) => file.startsWith(`feeds${path.sep}opinion`));
    assert.equal(hostileSection.length, 1);
    assert.deepEqual(await xmlWellFormednessErrors(await readSiteFile(build.outDir, hostileSection[0]!)), []);
    const json = JSON.parse(await readSiteFile(build.outDir, 'feeds/world.json')) as { items: Array<{ title: string }> };
    assert.deepEqual(json.items.map((item) => item.title), [MIXED_TITLE]);
  });

  it('gives every Atom feed an id of its own, and a section’s feeds the section’s page as their page', async () => {
    const atomFiles = (await filesIn(build.outDir, '.xml')).filter((file) => file === 'feed.xml' || file.startsWith(`feeds${path.sep}`));
    assert.ok(atomFiles.length >= 4, `${atomFiles.length} Atom feeds`);
    const ids = new Map<string, string[]>();
    for (const file of atomFiles) {
      const id = textOf(childElements(childElements(parseXml(await readSiteFile(build.outDir, file)), 'feed')[0]!, 'id')[0]);
      ids.set(id, [...(ids.get(id) ?? []), file]);
    }
    assert.deepEqual([...ids.values()].filter((files) => files.length > 1), [], 'feeds sharing an id');
    const local = childElements(parseXml(await readSiteFile(build.outDir, 'feeds/local.xml')), 'feed')[0]!;
    const alternate = childElements(local, 'link').find((link) => link.attributes?.rel === 'alternate');
    assert.equal(alternate?.attributes?.href, `${ORIGIN}/sections/local/`);
    const world = JSON.parse(await readSiteFile(build.outDir, 'feeds/world.json')) as { home_page_url: string };
    assert.equal(world.home_page_url, `${ORIGIN}/sections/world/`);
  });

  it('writes a sitemap that validates against the sitemaps.org schema and lists every page but the 404', async () => {
    const xml = await readSiteFile(build.outDir, 'sitemap.xml');
    assert.deepEqual(await xmlSchemaErrors(xml, 'sitemap.xsd'), []);
    const locs = childElements(childElements(parseXml(xml), 'urlset')[0]!, 'url').map((url) => textOf(childElements(url, 'loc')[0]));
    const expected = htmlFiles.map((file) => `${ORIGIN}${urlPathOf(file)}`).filter((url) => !url.endsWith('/404.html'));
    assert.deepEqual([...locs].sort(), [...expected].sort());
    assert.equal(await readSiteFile(build.outDir, 'robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
  });

  it('keeps an article page of about 1,000 words under 30 KB of HTML and CSS', async () => {
    const html = await page(urlOf(HARBOUR_TITLE));
    assert.ok(visibleText(html).split(' ').length >= 1000, 'the fixture has 1,000 words');
    const css = await readSiteFile(build.outDir, 'assets/site.css');
    const bytes = Buffer.byteLength(html) + Buffer.byteLength(css);
    assert.ok(bytes <= 30 * 1024, `${bytes} bytes`);
  });
});
