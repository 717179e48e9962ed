// After the render the build lets go of the articles' bodies (releaseBodies): each is read back
// from its article file if anything asks for it again, so the article no longer holds it.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ProblemLog } from '../../src/problems.ts';
import { releaseBodies, toArticle } from '../../src/site/load-articles.ts';
import { temporaryDir } from '../helpers/paths.ts';

const articleFile = (body: string) =>
  ['---', 'title: "A headline"', 'date: "2021-03-04T10:00:00+00:00"', 'language: "en"', 'slug: "a-headline"', '---', body].join('\n');

describe('releasing article bodies', () => {
  it('reads a body back from its article file when asked for after release', async () => {
    const dir = await temporaryDir('release-bodies');
    const text = articleFile('First paragraph.\n\nSecond paragraph, with “curly quotes”.\n');
    writeFileSync(path.join(dir, 'a-headline.md'), text);
    const problems = new ProblemLog();
    const article = toArticle('a-headline.md', 'a-headline.md', text, 'UTC', 'en', problems);
    assert.ok(article, problems.problems.map((problem) => problem.message).join('\n'));
    const loaded = article.body;
    assert.match(loaded, /Second paragraph/);

    releaseBodies([article], dir);
    assert.equal(article.body, loaded, 'the same body, read back');

    // A body held by the article would survive a change of its file; a released one does not.
    const second = toArticle('a-headline.md', 'a-headline.md', text, 'UTC', 'en', problems)!;
    writeFileSync(path.join(dir, 'a-headline.md'), articleFile('Edited since.\n'));
    releaseBodies([second], dir);
    assert.equal(second.body.trim(), 'Edited since.');
    assert.equal(second.title, 'A headline', 'everything else stays as loaded');
  });

  it('repairs C1 controls in a body read back, as when it was loaded', async () => {
    const dir = await temporaryDir('release-bodies-c1');
    const text = articleFile('Mojibake \u0093quotes\u0094 and \u0081.\n');
    writeFileSync(path.join(dir, 'a-headline.md'), text);
    const article = toArticle('a-headline.md', 'a-headline.md', text, 'UTC', 'en', new ProblemLog())!;
    assert.equal(article.body, 'Mojibake \u201cquotes\u201d and \uFFFD.\n');
    releaseBodies([article], dir);
    assert.equal(article.body, 'Mojibake \u201cquotes\u201d and \uFFFD.\n');
  });
});
