// A headline in other letters than its article's body (an Arabic headline over an English report,
// an English one over Arabic) is in its own language: a screen reader reads it with that
// language's voice, and an Arabic headline runs right to left inside a left-to-right article.
// The article, and so the page and its search index, keeps the body's language.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle, type Article } from '../../src/site/load-articles.ts';
import { createArticlePageRenderer } from '../../src/site/pages/article-pages.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { renderAtomFeed } from '../../src/site/feeds.ts';
import { renderArticleList } from '../../layouts/article-list.ts';
import { attribute, parseHtml, walk } from '../helpers/html-text.ts';

const ENGLISH = 'The council met on Tuesday to agree the budget for the coming year.';
const ARABIC = 'اجتمع المجلس البلدي يوم الثلاثاء لمناقشة ميزانية العام المقبل وسط خلافات بين الأعضاء.';

function loadArticle(title: string, body: string, language: string, siteLanguage = 'en'): Article {
  const text = writeArticleFile(
    { title, date: '2024-06-03T10:00:00+00:00', dateSource: 'text', authors: [], tags: [], people: [], organizations: [], places: [], summary: body, wordCount: 12, readingMinutes: 1, language, slug: 'story', source: { path: 'story.txt', hash: 'sha256:00' } },
    `${body}\n`,
  );
  const problems = new ProblemLog();
  const article = toArticle('2024/story.md', '2024/story.md', text, 'UTC', siteLanguage, problems);
  assert.ok(article, JSON.stringify(problems.problems));
  return article;
}

/** The lang and dir of the first element matching `test` in `html`, and of the page's <article>. */
function attributesOf(html: string, test: (node: ReturnType<typeof parseHtml>) => boolean) {
  const found = [...walk(parseHtml(html))].find(test);
  assert.ok(found, 'the element is on the page');
  return { lang: attribute(found, 'lang'), dir: attribute(found, 'dir') };
}

function page(article: Article, siteLanguage = 'en') {
  const site = createSiteContext({ ...DEFAULT_CONFIG, language: siteLanguage }, [article], compileEntityRules());
  const html = createArticlePageRenderer(site)(site.articles[0]!);
  return {
    html,
    h1: attributesOf(html, (node) => node.nodeName === 'h1'),
    article: attributesOf(html, (node) => node.nodeName === 'article'),
    listTitle: attributesOf(String(renderArticleList(site, [article])), (node) => node.nodeName === 'h2'),
    // The entry's <title> tag in the site's Atom feed.
    atomTitle: /<entry[^>]*>\s*(<title[^>]*>)/.exec(renderAtomFeed(site, { title: 'Feed', description: 'All', atomPath: '/feed.xml', jsonPath: '/feed.json', homePath: '/', articles: [article], language: siteLanguage }, () => ''))?.[1],
  };
}

describe('a headline in other letters than its article', () => {
  it('is marked Arabic, right to left, over an English body, which keeps its own language', () => {
    const shown = page(loadArticle('اجتماع المجلس البلدي لمناقشة الميزانية', ENGLISH, 'en'));
    assert.deepEqual(shown.article, { lang: 'en', dir: 'ltr' });
    assert.deepEqual(shown.h1, { lang: 'ar', dir: 'rtl' });
    assert.equal(shown.listTitle.lang, 'ar', 'in lists too');
    assert.equal(shown.atomTitle, '<title xml:lang="ar" type="html">', 'and in feeds');
    assert.match(shown.html, /<html lang="en"/, 'the page, and so its search index, is in the body\'s language');
  });

  it('is marked in the site\'s language (Latin letters), left to right, over an Arabic body', () => {
    const english = page(loadArticle('Council meets over budget', ARABIC, 'ar'));
    assert.deepEqual(english.article, { lang: 'ar', dir: 'rtl' });
    assert.deepEqual(english.h1, { lang: 'en', dir: 'ltr' });
    assert.equal(english.listTitle.lang, 'en');
    const french = page(loadArticle('Le conseil se réunit sur le budget', ARABIC, 'ar', 'fr'), 'fr');
    assert.deepEqual(french.h1, { lang: 'fr', dir: 'ltr' });
  });

  it('is not marked when it is in the article\'s letters: its language is the article\'s', () => {
    for (const [title, body, language] of [
      ['Council meets over budget', ENGLISH, 'en'],
      ['اجتماع المجلس البلدي', ARABIC, 'ar'],
      ['Conseil: la mairie de «Beyrouth»', ENGLISH, 'fr'],
      ['東京都知事選挙', 'きょうは東京都の知事選挙の投票日です。', 'ja'],
    ] as const) {
      const shown = page(loadArticle(title, body, language));
      assert.deepEqual(shown.h1, { lang: undefined, dir: undefined }, title);
      assert.equal(shown.listTitle.lang, language, title);
      assert.equal(shown.atomTitle, '<title type="html">', title);
    }
  });
});
