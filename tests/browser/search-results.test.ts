// What a result shows and links to, in Chromium on a real build: newest/oldest first by the
// exact day (Pagefind compares numeric sort keys as 32-bit floats, where 20240503, 20240504 and
// 20240505 are one number), excerpts whose text is the article's own (`&lt;zebra&gt;` written in
// an article stays that, not `<zebra>`), and links that highlight the words the excerpt marked
// (`election` for the query `elections`), which the article page then marks.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, openWatchedPage } from '../helpers/browser.ts';
import { buildArchive, writeInbox } from '../helpers/run-build.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { searchSettled } from '../search/search-in-page.ts';

const skip = browserSkipReason();

const SIGN_LINE = 'The keeper painted a sign that read &lt;zebra&gt; entity &amp; more, beside the pen.';
const FILES: Record<string, string> = {
  '2024-05-03-a.txt': 'Alpha Harbour Story\n\nThe harbour opened a new pier for the ferries on Friday.\n',
  '2024-05-04-z.txt': 'Zulu Harbour Story\n\nThe harbour master counted the boats on the quay.\n',
  '2024-05-05-b.txt': 'Beta Harbour Story\n\nThe harbour board met to discuss the winter moorings.\n',
  '2024-04-01-sign.txt': `Signs at the zoo\n\n${SIGN_LINE}\n\nVoters in the district go to the polls as the election nears.\n`,
  '2024-04-02-riyadh.txt': 'الرياض تستضيف القمة\n\nقال مسؤول في الاتحاد السعودي إن القمة ستعقد في الرياض الشهر المقبل.\n',
  'ostia.txt': 'Lighthouse of Ostia\n\nThe emperor ordered a lighthouse for the new port at Ostia.\n',
  'millennium.txt': 'Lighthouse relit for the millennium\n\nThe old lighthouse was relit before the new year.\n',
  // An Arabic headline over an English report: the article is English, its headline Arabic.
  '2024-04-03-gondola.txt': 'قارب جديد في القناة\n\nThe gondola service began on the canal this week, the operator said.\n',
};
// Dated by the sidecar: the year 99, written 0099 in ISO 8601, and 1999.
const SIDECAR = [
  { file: '2024-04-02-riyadh.txt', language: 'ar', section: 'أخبار', tags: ['القمة العربية'] },
  { file: 'ostia.txt', date: '0099-03-01T10:00:00Z' },
  { file: 'millennium.txt', date: '1999-12-31T12:00:00Z' },
];

describe('search results: order, excerpt text and highlighting', { skip }, () => {
  let browser: Browser;
  let server: StaticServer;

  before(async () => {
    const inbox = await writeInbox('search-results', FILES, SIDECAR);
    const build = await buildArchive(inbox, ['--path-prefix', '/archive/']);
    assert.equal(build.exitCode, 0, build.stderr);
    server = await serveStatic(build.outDir, '/archive/');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [order, titles] of [
    ['newest', ['Beta Harbour Story', 'Zulu Harbour Story', 'Alpha Harbour Story']],
    ['oldest', ['Alpha Harbour Story', 'Zulu Harbour Story', 'Beta Harbour Story']],
  ] as const) {
    it(`orders ${order} first by the day, one day apart`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=harbour&order=${order}`);
      assert.match(await searchSettled(watched.page), /^3 results for “harbour”/);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), titles);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  it('shows an excerpt whose text is the article’s own, entity-like text included, with the match marked', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=zebra`);
    assert.match(await searchSettled(watched.page), /^1 result for “zebra”/);
    const excerpt = watched.page.locator('.search-result-excerpt').first();
    const text = ((await excerpt.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.ok(text.includes(SIGN_LINE), text);
    assert.deepEqual(await excerpt.locator('mark').allTextContents(), ['&lt;zebra&gt;']);
    assert.equal(await excerpt.locator('*:not(mark)').count(), 0);
    // The article page shows the same text.
    await watched.page.locator('.search-result-title a').first().click();
    await watched.page.waitForURL(/\/archive\/2024\//);
    const body = ((await watched.page.locator('article').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.ok(body.includes(SIGN_LINE), body);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  for (const [query, word] of [
    ['elections', 'election'],
    ['السعودية', 'السعودي'],
  ] as const) {
    it(`links “${query}” to the article highlighting “${word}”, the word the excerpt marked`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(query)}`);
      assert.match(await searchSettled(watched.page), new RegExp(`^1 result for “${query}”`));
      assert.deepEqual(await watched.page.locator('.search-result-excerpt mark').allTextContents(), [word]);
      const link = watched.page.locator('.search-result-title a').first();
      const href = (await link.getAttribute('href')) ?? '';
      assert.deepEqual(new URL(href, server.origin).searchParams.getAll('highlight'), [word]);
      assert.ok(href.startsWith('/archive/2024/'), href);
      await link.click();
      await watched.page.waitForURL(/\/archive\/2024\/.*\?highlight=/);
      await watched.page.locator('article mark.pagefind-highlight').first().waitFor();
      assert.deepEqual(await watched.page.locator('article mark.pagefind-highlight').allTextContents(), [word]);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  it('shows the year 99 as 99 in the year filter, after 1999, and in the status once chosen', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=lighthouse`);
    assert.match(await searchSettled(watched.page), /^2 results for “lighthouse”/);
    const yearGroup = watched.page.locator('fieldset', { has: watched.page.locator('legend', { hasText: /^Year$/ }) });
    assert.deepEqual((await yearGroup.locator('label').allTextContents()).map((label) => label.trim()), ['1999 (1)', '99 (1)']);
    await yearGroup.getByLabel('99 (1)', { exact: true }).check();
    // The link keeps the filter's own value.
    await watched.page.waitForURL(/[?&]year=0099(&|$)/);
    assert.match(await searchSettled(watched.page), /^1 result for “lighthouse” in 99\./);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), ['Lighthouse of Ostia']);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('takes the year 99 from a link written as the page shows it, ?year=99', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=lighthouse&year=99`);
    assert.match(await searchSettled(watched.page), /^1 result for “lighthouse” in 99\./);
    assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), ['Lighthouse of Ostia']);
    assert.equal(await watched.page.getByLabel('99 (1)', { exact: true }).isChecked(), true);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('dates a result of the year 99 in the year 99, not 1999', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=emperor`);
    assert.match(await searchSettled(watched.page), /^1 result for “emperor”/);
    const time = watched.page.locator('.search-result-meta time');
    assert.equal(await time.getAttribute('datetime'), '0099-03-01');
    assert.equal(await time.textContent(), 'March 1, 99');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('marks a result’s headline in its own language when its letters are not its article’s (Arabic over English)', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=gondola`);
    assert.match(await searchSettled(watched.page), /^1 result for “gondola”/);
    const title = watched.page.locator('.search-result-title').first();
    assert.equal(await title.textContent(), 'قارب جديد في القناة');
    assert.equal(await title.getAttribute('lang'), 'ar');
    assert.equal(await watched.page.locator('.search-result-excerpt').first().getAttribute('lang'), 'en', 'the excerpt is the article’s');
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('draws a filter value’s count to the right of a right-to-left value', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent('الرياض')}`);
    assert.match(await searchSettled(watched.page), /^1 result for “الرياض”/);
    const labels = await watched.page.$$eval('#search-filter-groups label', (items) =>
      items.map((label) => {
        const count = label.querySelector('.search-count')!.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(label);
        range.setStartAfter(label.querySelector('input')!);
        range.setEndBefore(label.querySelector('.search-count')!);
        return { value: range.toString().trim(), valueRight: range.getBoundingClientRect().right, countLeft: count.left };
      }),
    );
    for (const value of ['أخبار', 'القمة العربية']) assert.ok(labels.some((label) => label.value === value), `a filter value ${value}: ${JSON.stringify(labels)}`);
    assert.deepEqual(labels.filter((label) => label.countLeft < label.valueRight).map((label) => label.value), []);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  // Pagefind drops format characters from the words it indexes but not from a query's, so a word
  // copied with a direction mark, a zero-width space or a soft hyphen found nothing.
  // Control characters likewise (a NUL from `%00` in a link, an escape pasted from a terminal).
  for (const query of ['harbour\u200e', '\u200fharbour', 'har\u00adbour', 'harbour\u200b', '\u2066harbour\u2069', 'harbour\u0000', 'har\u001bbour', '\u0007harbour']) {
    it(`finds what the word finds when it carries invisible format or control characters (${JSON.stringify(query)})`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(query)}`);
      assert.match(await searchSettled(watched.page), /^3 results for “/);
      assert.deepEqual([...(await watched.page.locator('.search-result-title').allTextContents())].sort(), ['Alpha Harbour Story', 'Beta Harbour Story', 'Zulu Harbour Story']);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  it('takes a query of format characters alone for no query, and says there is nothing to search for', async () => {
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent('\u200e\u200b')}`);
    await watched.page.locator('#search:not([aria-busy]) #search-q').waitFor();
    await watched.page.locator('#search-filter-groups fieldset').first().waitFor();
    assert.equal(await watched.page.locator('#search-status').textContent(), 'Nothing to search for: spaces, punctuation and symbols alone are not searched. Type a word to find.');
    assert.equal(await watched.page.locator('.search-result').count(), 0);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('quotes a query of thousands of characters in the status shortened, the search box holding it whole', async () => {
    const query = `${'harbour '.repeat(30)}${'x'.repeat(5000)}`;
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(query)}`);
    const status = await searchSettled(watched.page);
    // No article has the long word, which the status names, shortened too.
    assert.equal(status, `No results for “${query.slice(0, 100).trimEnd()}…”. No article has “${'x'.repeat(100)}…”. Try other or fewer words.`);
    assert.equal(await watched.page.locator('#search-q').inputValue(), query);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  it('names at most three words no article has in the status, and counts the others', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `zq${i}x`);
    const watched = await openWatchedPage(browser, server.origin);
    await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(`harbour ${words.join(' ')}`)}`);
    const status = await searchSettled(watched.page);
    assert.match(status, / No article has “zq0x” or “zq1x” or “zq2x” \(nor 37 other words of the query\)\. Try other or fewer words\.$/);
    assert.deepEqual(watched.consoleMessages, []);
    await watched.page.context().close();
  });

  // Pagefind's exact search looks for straight quotes alone, so a phrase in typographic ones (a
  // phone's keyboard types them) searched its words anywhere: “master harbour” found Zulu.
  for (const [open, close] of [['"', '"'], ['“', '”'], ['„', '“'], ['«', '»']]) {
    it(`searches words in ${open}${close} as a phrase`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(`${open}harbour master${close}`)}`);
      assert.match(await searchSettled(watched.page), /^1 result for “/);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), ['Zulu Harbour Story']);
      await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(`${open}master harbour${close}`)}`);
      assert.equal(await searchSettled(watched.page), `No results for “${open}master harbour${close}”. No article has the phrase “master harbour”. Try fewer words in quotes, or none.`);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }

  // Pagefind's exact search takes a query in quotes from end to end as one phrase and drops the
  // quotes of any other: a phrase beside a word searched its words anywhere ("board harbour" winter
  // found Beta), and two phrases were one ("harbour master" "the quay" found nothing).
  // Where they find nothing, the status says which phrase no article has, or that none has them together.
  for (const [query, titles, why] of [
    ['"harbour board" winter', ['Beta Harbour Story'], ''],
    ['"board harbour" winter', [], 'No article has the phrase “board harbour”, though some have “winter”. Try fewer words in quotes, or none.'],
    ['"harbour master" "the quay"', ['Zulu Harbour Story'], ''],
    ['"the quay" "harbour master"', ['Zulu Harbour Story'], ''],
    ['ferries "new pier" harbour', ['Alpha Harbour Story'], ''],
    ['"harbour" "new pier" quay', [], 'No article has the phrases “harbour” and “new pier” together with “quay”. Try other or fewer words.'],
  ] as const) {
    for (const order of ['', 'newest']) {
      it(`searches ${query} as its phrases and words${order ? `, ${order} first` : ''}`, async () => {
        const watched = await openWatchedPage(browser, server.origin);
        await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(query)}${order ? `&order=${order}` : ''}`);
        const status = await searchSettled(watched.page);
        if (titles.length === 0) assert.equal(status, `No results for “${query}”. ${why}`);
        else assert.match(status, /^1 result for “/);
        assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), titles);
        assert.deepEqual(watched.consoleMessages, []);
        await watched.page.context().close();
      });
    }
  }

  // Pagefind splits a query into words at spaces only.
  for (const space of ['\u00a0', '\t', '\u3000', '\n', '\u0085']) {
    it(`takes words parted by ${JSON.stringify(space)} for two words, as a space parts them`, async () => {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}/archive/search/?q=${encodeURIComponent(`harbour${space}pier`)}`);
      assert.match(await searchSettled(watched.page), /^1 result for “/);
      assert.deepEqual(await watched.page.locator('.search-result-title').allTextContents(), ['Alpha Harbour Story']);
      assert.deepEqual(watched.consoleMessages, []);
      await watched.page.context().close();
    });
  }
});
