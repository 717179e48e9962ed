// A cold build renders each article's element once: the search index renders it ahead of
// Eleventy, and the article's page reuses it (ArticleElements in src/site/pages/article-pages.ts).
// The page must be the one it would be without the index having rendered first.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle, type Article } from '../../src/site/load-articles.ts';
import { ArticleElements, createArticlePageRenderer, createIndexedArticleRenderer, releaseArticleElements } from '../../src/site/pages/article-pages.ts';
import { createSiteContext } from '../../src/site/site-context.ts';

function loadArticle(slug: string, body: string): Article {
  const text = ['---', `title: "Headline ${slug}"`, 'date: "2021-03-04T10:00:00+00:00"', 'language: "en"', `slug: "${slug}"`, '---', body].join('\n');
  const problems = new ProblemLog();
  const article = toArticle(`${slug}.md`, `${slug}.md`, text, 'UTC', 'en', problems);
  assert.ok(article, problems.problems.map((problem) => problem.message).join('\n'));
  return article;
}

const siteOf = (articles: Article[]) => createSiteContext(DEFAULT_CONFIG, articles, compileEntityRules());

describe('article elements rendered for the search index', () => {
  it('give the same page as rendering the page alone', () => {
    const body = '## A heading\n\nFirst paragraph with *emphasis* and <b>markup-like text</b>.\n\n## A heading\n\nMore.\n';
    const alone = siteOf([loadArticle('one', body)]);
    const expected = createArticlePageRenderer(alone)(alone.articles[0]!);
    const indexedFirst = siteOf([loadArticle('one', body)]);
    createIndexedArticleRenderer(indexedFirst)(indexedFirst.articles[0]!);
    assert.equal(createArticlePageRenderer(indexedFirst)(indexedFirst.articles[0]!), expected);
  });

  it('are reused by the page, once, and dropped when the render ends', () => {
    const site = siteOf([loadArticle('one', 'The body the index saw.\n'), loadArticle('two', 'Second article.\n')]);
    const [one, two] = site.articles as [Article, Article];
    const renderIndexed = createIndexedArticleRenderer(site);
    const renderPage = createArticlePageRenderer(site);
    renderIndexed(one);
    renderIndexed(two);
    // A body changed after the index rendered the element shows whether the page rendered it again.
    one.body = 'Rendered again.\n';
    assert.match(renderPage(one), /The body the index saw\./, 'the page shows the element the index rendered');
    assert.match(renderPage(one), /Rendered again\./, 'an element is reused once, then rendered afresh');
    two.body = 'Changed before the page.\n';
    releaseArticleElements(site);
    assert.match(renderPage(two), /Changed before the page\./, 'released elements are not reused');
  });

  it('are kept only within their bound', () => {
    const site = siteOf([loadArticle('one', 'x\n'), loadArticle('two', 'y\n')]);
    const [one, two] = site.articles as [Article, Article];
    const elements = new ArticleElements(10);
    elements.keep(one, '123456');
    elements.keep(two, '7890123');
    assert.equal(elements.take(two), undefined, 'past the bound, not kept');
    assert.equal(elements.take(one), '123456');
    assert.equal(elements.take(one), undefined, 'taken once');
    elements.keep(two, '7890123');
    assert.equal(elements.take(two), '7890123', 'room again once taken');
  });
});
