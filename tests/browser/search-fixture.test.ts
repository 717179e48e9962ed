// The search page in Chromium over the search fixture archive (English and Arabic articles with
// people, places and tags set by hand): known items are found, filters and order work, the query
// lives in ?q=, results open highlighted, markup in articles stays text, the keyboard is enough,
// and without JavaScript the page says what to do instead. Every test ends with a clean console.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Route } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage, type WatchedPage } from '../helpers/browser.ts';
import type { BuildRun } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { buildFixtureArchive, readFixtureArticles, type FixtureArticle } from '../search/fixture-archive.ts';
import { searchInPage, searchReady, searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

function assertClean(watched: WatchedPage): void {
  assert.deepEqual(watched.dialogs, [], 'no dialogs');
  assert.deepEqual(watched.consoleMessages, [], 'no console errors or warnings');
  assert.deepEqual(watched.foreignRequests, [], 'no requests to other hosts');
}

describe('searching the fixture archive in Chromium', { skip }, () => {
  let articles: FixtureArticle[];
  let build: BuildRun;
  let server: StaticServer;
  let browser: Browser;
  const bySlug = (slug: string) => articles.find((article) => article.slug === slug)!;
  const open = async (sitePath: string) => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}${sitePath}`);
    return watched;
  };

  before(async () => {
    articles = await readFixtureArticles();
    build = await buildFixtureArchive();
    assert.equal(build.exitCode, 0, build.stderr);
    server = await serveStatic(build.outDir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds every article in the first three results when its headline is the query', async () => {
    const watched = await open('/search/');
    const ranked = await searchInPage(watched.page, articles.map((article) => article.title));
    ranked.forEach((result, index) => assert.ok(result.urls.includes(articles[index]!.url), `"${result.query}" gave ${result.urls.join(', ')}`));
    assertClean(watched);
  });

  it('finds every article first when a phrase only it contains is the query', async () => {
    const watched = await open('/search/');
    for (const article of articles) assert.ok(article.rarePhrase && article.body.includes(article.rarePhrase), `${article.slug} has its phrase`);
    const ranked = await searchInPage(watched.page, articles.map((article) => article.rarePhrase));
    ranked.forEach((result, index) => assert.equal(result.urls[0], articles[index]!.url, `"${result.query}"`));
    assertClean(watched);
  });

  it('searches with a second archive search opened while the page starts its own, where WebAssembly compiles slowly', async () => {
    // As on a loaded machine (CI): compiling Pagefind's WebAssembly takes 300 ms (Pagefind's
    // worker script runs unchanged after this line), both searches' WebAssembly arrives together,
    // and the second one's index metadata a second later. Pagefind's module keeps one WebAssembly
    // instance, set by whichever compile ends last, so two searches sharing one copy of the module
    // left the page's index in a memory it no longer searched, and it trapped in CI ('memory access
    // out of bounds', 'unreachable'). Each archive search now has its own copy (search-engine.js).
    const watched = await openWatchedPage(browser, server.origin);
    const { page } = watched;
    const slowCompile = '{ const compile = WebAssembly.instantiate; WebAssembly.instantiate = async function (...args) { const compiled = await compile.apply(this, args); await new Promise((resolve) => setTimeout(resolve, 300)); return compiled; }; }\n';
    await page.route(/\/pagefind-worker\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: slowCompile + (await response.text()) });
    });
    // The first two (the page's search and the second one's, in the page's language) are held
    // until both are asked for; any later one (another language) goes through.
    const held: Route[] = [];
    await page.route(/\/wasm\.[^/]+\.pagefind$/, async (route) => {
      if (held.push(route) === 2) await Promise.all(held.map((waiting) => waiting.continue()));
      else if (held.length > 2) await route.continue();
    });
    let metadata = 0;
    await page.route(/\.pf_meta$/, async (route) => {
      if (++metadata === 2) await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    });
    await page.goto(`${server.origin}/search/`);
    const ranked = await searchInPage(page, articles.map((article) => article.rarePhrase));
    ranked.forEach((result, index) => assert.equal(result.urls[0], articles[index]!.url, `"${result.query}"`));
    // The page's own search, started first, still searches its index.
    const bakery = bySlug('bakery-chain-expands-to-forty-stores');
    await page.locator('#search-q').fill(bakery.rarePhrase);
    await page.keyboard.press('Enter');
    assert.match(await searchSettled(page), new RegExp(`^1 result for “${bakery.rarePhrase}”`));
    assert.deepEqual(await page.locator('.search-result-title').allTextContents(), [bakery.title]);
    assertClean(watched);
    await page.context().close();
  });

  it('finds Arabic articles from the English search page by Arabic words with their prefixes', async () => {
    // "المياه" (the water) and "الزوار" (the visitors) occur as written; English stemming of the
    // query, Pagefind's default on an English page, finds neither in the Arabic index.
    const watched = await open(`/search/?q=${encodeURIComponent('المياه')}`);
    assert.match(await searchSettled(watched.page), /^1 result for “المياه”/);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), [bySlug('water-desalination-plant-opens-in-jeddah').title]);
    const [visitors] = await searchInPage(watched.page, ['الزوار']);
    assert.deepEqual(visitors?.urls, [bySlug('date-festival-draws-record-visitors').url]);
    assertClean(watched);
  });

  it('shows each result with its title, date, section and an excerpt with the words marked', async () => {
    const bakery = bySlug('bakery-chain-expands-to-forty-stores');
    const watched = await open('/search/?q=cardamom');
    assert.match(await searchSettled(watched.page), /^1 result for “cardamom”/);
    const result = watched.page.locator('.search-result').first();
    assert.equal(await result.locator('.search-result-title a').textContent(), bakery.title);
    const date = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(bakery.date));
    assert.equal(await result.locator('.search-result-meta').textContent(), `${date} · ${bakery.section}`);
    assert.equal(await result.locator('.search-result-meta time').getAttribute('datetime'), bakery.date.slice(0, 10));
    assert.deepEqual(await result.locator('.search-result-excerpt mark').allTextContents(), ['cardamom']);
    assertClean(watched);
  });

  it('narrows the results with a filter whose counts match the articles', async () => {
    const matching = articles.filter((article) => /kestrel/i.test(`${article.title} ${article.body}`));
    const sections = new Map<string, number>();
    for (const article of matching) sections.set(article.section, (sections.get(article.section) ?? 0) + 1);
    assert.ok(sections.size >= 2, 'the query spans sections');

    const watched = await open('/search/?q=kestrel');
    assert.match(await searchSettled(watched.page), new RegExp(`^${matching.length} results for “kestrel”\\.`));
    // A small archive is searched in one wave: filters come with the results, and no line about years.
    assert.equal(await watched.page.locator('#search-scope').isVisible(), false);
    assert.equal(await watched.page.locator('#search-filters-load').isVisible(), false);
    const sectionGroup = watched.page.locator('fieldset', { has: watched.page.locator('legend', { hasText: /^Section$/ }) });
    const shown = (await sectionGroup.locator('label').allTextContents()).map((label) => label.trim()).sort();
    assert.deepEqual(shown, [...sections].map(([section, count]) => `${section} (${count})`).sort());

    const [section, count] = [...sections].sort((a, b) => b[1] - a[1])[0]!;
    await sectionGroup.getByLabel(section).check();
    await watched.page.waitForURL(new RegExp(`section=${section}`));
    assert.match(await searchSettled(watched.page), new RegExp(`^${count} results? for “kestrel” in ${section}`));
    const narrowed = matching.filter((article) => article.section === section);
    const titles = (await watched.page.locator('.search-result-title').allTextContents()).sort();
    assert.deepEqual(titles, narrowed.map((article) => article.title).sort());
    // The other filters now count within the narrowed results: places, a list per article.
    const places = new Map<string, number>();
    for (const article of narrowed) for (const place of article.places) places.set(place, (places.get(place) ?? 0) + 1);
    const placeGroup = watched.page.locator('fieldset', { has: watched.page.locator('legend', { hasText: /^Places$/ }) });
    const placeLabels = (await placeGroup.locator('label').allTextContents()).map((label) => label.trim()).sort();
    assert.deepEqual(placeLabels, [...places].map(([place, n]) => `${place} (${n})`).sort());
    assertClean(watched);
  });

  it('lists every section of the archive, English and Arabic, each with its count, before any query', async () => {
    const sections = new Map<string, number>();
    for (const article of articles) sections.set(article.section, (sections.get(article.section) ?? 0) + 1);
    assert.ok(new Set(articles.map((article) => article.language)).size === 2, 'the archive has English and Arabic articles');
    assert.ok(sections.size > 8, 'more sections than a filter shows of its values before "Show all"');

    const watched = await open('/search/');
    const sectionGroup = watched.page.locator('fieldset', { has: watched.page.locator('legend', { hasText: /^Section$/ }) });
    await sectionGroup.waitFor();
    const shown = (await sectionGroup.locator('label').allTextContents()).map((label) => label.trim()).sort();
    assert.deepEqual(shown, [...sections].map(([section, count]) => `${section} (${count})`).sort());
    const arabic = articles.find((article) => article.language === 'ar')!;
    await sectionGroup.getByLabel(arabic.section).check();
    await watched.page.waitForURL(/section=/);
    const inSection = articles.filter((article) => article.section === arabic.section);
    assert.match(await searchSettled(watched.page), new RegExp(`^${inSection.length} results? in ${arabic.section}, newest first\\.`));
    assertClean(watched);
  });

  it('marks each section name in the language of its articles, in the filters, the status line and the results, for screen readers to speak it so', async () => {
    // The fixture's sections are each in one language: an Arabic section's name is Arabic.
    const languageOf = new Map(articles.map((article) => [article.section, article.language === 'en' ? null : article.language]));
    const arabic = articles.find((article) => article.language === 'ar')!;
    assert.equal(languageOf.get(arabic.section), 'ar');
    const watched = await open('/search/');
    const sectionGroup = watched.page.locator('fieldset', { has: watched.page.locator('legend', { hasText: /^Section$/ }) });
    await sectionGroup.waitFor();
    const marked = await sectionGroup.locator('label bdi').evaluateAll((names) => names.map((name) => [name.textContent, name.getAttribute('lang')]));
    assert.deepEqual(new Map(marked as Array<[string, string | null]>), languageOf);
    await sectionGroup.getByLabel(arabic.section).check();
    await searchSettled(watched.page);
    assert.deepEqual(await watched.page.locator('#search-status bdi').evaluateAll((names) => names.map((name) => [name.textContent, name.getAttribute('lang')])), [[arabic.section, 'ar']]);
    const resultSections = await watched.page.locator('.search-result-meta bdi').evaluateAll((names) => names.map((name) => [name.textContent, name.getAttribute('lang')]));
    assert.ok(resultSections.length > 0);
    assert.deepEqual(new Set(resultSections.map((pair) => JSON.stringify(pair))), new Set([JSON.stringify([arabic.section, 'ar'])]));
    assertClean(watched);
  });

  it('lists results newest first or oldest first by date, English and Arabic together', async () => {
    for (const [year, order] of [['2023', 'newest'], ['2024', 'oldest']] as const) {
      const inYear = articles.filter((article) => article.date.startsWith(year));
      assert.ok(new Set(inYear.map((article) => article.language)).size === 2, `${year} has English and Arabic articles`);
      const expected = inYear.sort((a, b) => (order === 'newest' ? -1 : 1) * (Date.parse(a.date) - Date.parse(b.date))).map((article) => article.title);
      const watched = await open(`/search/?year=${year}&order=${order}`);
      await searchSettled(watched.page);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), expected, `${year}, ${order} first`);
      assert.equal(await watched.page.locator('#search-order').inputValue(), order);
      assertClean(watched);
    }
  });

  it('reads the query from ?q= and writes what is typed back to it, so a search is a link', async () => {
    const bridge = bySlug('harbour-bridge-reopens-after-two-years-of-repairs');
    const ferry = bySlug('ferry-service-adds-night-crossings');
    const watched = await open('/search/?q=harbour+bridge');
    await searchSettled(watched.page);
    assert.equal(await watched.page.locator('#search-q').inputValue(), 'harbour bridge');
    assert.equal(await watched.page.locator('.search-result-title').first().textContent(), bridge.title);

    await watched.page.locator('#search-q').fill('night crossings');
    await watched.page.keyboard.press('Enter');
    await watched.page.waitForURL(/\?q=night\+crossings$/);
    await watched.page.reload();
    await searchSettled(watched.page);
    assert.equal(await watched.page.locator('#search-q').inputValue(), 'night crossings');
    assert.equal(await watched.page.locator('.search-result-title').first().textContent(), ferry.title);
    assertClean(watched);
  });

  it('takes a query from the header search box on any page, a plain form', async () => {
    const watched = await open(bySlug('central-bank-holds-interest-rates-steady').url);
    await watched.page.getByLabel('Search the archive').fill('cardamom buns');
    await watched.page.keyboard.press('Enter');
    await watched.page.waitForURL(/\/search\/\?q=cardamom\+buns$/);
    await searchSettled(watched.page);
    assert.equal(await watched.page.locator('.search-result-title').first().textContent(), bySlug('bakery-chain-expands-to-forty-stores').title);
    assertClean(watched);
  });

  it('opens a result with the search words highlighted in the article, and only there', async () => {
    const watched = await open('/search/?q=rubber+mats');
    await searchSettled(watched.page);
    await watched.page.locator('.search-result-title a').first().click();
    await watched.page.waitForURL(new RegExp(`${bySlug('marathon-record-falls-in-heavy-rain').url}\\?highlight=rubber&highlight=mats$`));
    await watched.page.locator('mark.pagefind-highlight').first().waitFor();
    const marks = await watched.page.locator('article mark.pagefind-highlight').allTextContents();
    assert.deepEqual([...new Set(marks.map((mark) => mark.toLowerCase()))].sort(), ['mats', 'rubber']);
    assert.equal(await watched.page.locator('mark.pagefind-highlight').count(), marks.length, 'nothing outside the article is marked');
    assertClean(watched);
  });

  it('runs only its small highlight module on an article page, which loads nothing without ?highlight=', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    const requested: string[] = [];
    watched.page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await watched.page.goto(`${server.origin}${bySlug('marathon-record-falls-in-heavy-rain').url}`);
    await watched.page.waitForLoadState('networkidle');
    // JSON-LD data blocks are scripts to the DOM but never run; count only the ones that can.
    const scripts = await watched.page.evaluate("[...document.scripts].filter((script) => script.type !== 'application/ld+json').map((script) => script.getAttribute('src'))");
    assert.deepEqual(scripts, ['/assets/search-highlight.js']);
    assert.deepEqual(requested.filter((request) => request.endsWith('.js')), ['/assets/search-highlight.js']);
    assert.equal(await watched.page.locator('mark').count(), 0);
    assertClean(watched);
  });

  it('finds the article whose text holds <img onerror> and <script> and runs none of it', async () => {
    const forum = bySlug('forum-post-shows-markup-as-text');
    assert.ok(forum.body.includes('<img src=x onerror=alert(1)>') && forum.body.includes('<script>'));
    const watched = await open(`/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)> zeppelin')}`);
    await searchSettled(watched.page);
    assert.equal(await watched.page.locator('.search-result-title').first().textContent(), forum.title);
    assert.equal(await watched.page.locator('#search-results img, #search-results script').count(), 0);
    assert.match((await watched.page.locator('#search-status').textContent()) ?? '', /“<img src=x onerror=alert\(1\)> zeppelin”/);
    await watched.page.locator('.search-result-title a').first().click();
    await watched.page.waitForURL(/forum-post-shows-markup-as-text/);
    await watched.page.locator('mark.pagefind-highlight').first().waitFor();
    assert.ok(((await watched.page.locator('.article-body').textContent()) ?? '').includes('<img src=x onerror=alert(1)>'));
    assert.equal(await watched.page.locator('main img').count(), 0);
    assertClean(watched);
  });

  it('can be used with the keyboard alone, and announces the count to screen readers', async () => {
    const watched = await open('/search/');
    const { page } = watched;
    await searchReady(page);
    // From the top of the page, as on every page: the skip link, then the form it leads to.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.textContent'), 'Skip to content');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate('document.activeElement?.id'), 'search-q');
    await page.keyboard.type('bottle caps');
    await page.keyboard.press('Enter');
    assert.match(await searchSettled(page), /^1 result for “bottle caps”/);
    assert.equal(await page.locator('#search-status').getAttribute('role'), 'status');
    assert.equal(await page.locator('#search-status').getAttribute('aria-live'), 'polite');
    let onResult = false;
    for (let presses = 0; presses < 40 && !onResult; presses++) {
      await page.keyboard.press('Tab');
      onResult = (await page.evaluate("document.activeElement?.closest('.search-result-title') !== null")) as boolean;
    }
    assert.ok(onResult, 'Tab reaches the result link');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(bySlug('chess-prodigy-wins-national-title-at-fourteen').url));
    assertClean(watched);
  });

  it('leaves focus at the top of the page on load, with or without a query, so the first Tab reaches the skip link', async () => {
    for (const sitePath of ['/search/', '/search/?q=harbour']) {
      const watched = await open(sitePath);
      await searchReady(watched.page);
      if (sitePath.includes('?q=')) await searchSettled(watched.page);
      assert.equal(await watched.page.evaluate('document.activeElement === document.body'), true, `${sitePath}: nothing focused on load`);
      await watched.page.keyboard.press('Tab');
      assert.equal(await watched.page.evaluate('document.activeElement?.textContent'), 'Skip to content', sitePath);
      assertClean(watched);
      await watched.page.context().close();
    }
  });

  it('tells readers without JavaScript that search needs it and links to the latest articles, the archive and the sections', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/search/?q=harbour`);
    const notice = page.locator('.search-notice');
    assert.match((await notice.textContent()) ?? '', /needs JavaScript/);
    assert.deepEqual(await notice.locator('a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), ['/', '/archive/', '/sections/']);
    assert.equal(await page.locator('.search-form').isVisible(), false);
    // Nothing that only the script fills: no empty "Results" heading and list for a screen reader.
    assert.equal(await page.locator('main').getByRole('heading', { name: 'Results' }).count(), 0);
    assert.equal(await page.locator('main').getByRole('list').count(), 0);
    await context.close();
  });
});
