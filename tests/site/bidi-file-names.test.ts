// A bidirectional control in a source's file name (U+202E RIGHT-TO-LEFT OVERRIDE: `invoice`
// U+202E `txt.exe.txt`) showed the name in another order than its letters on the article's
// "Source file" line. The line shows each control as the escape messages show (`\u202e`), and
// ingest names the controls in a warning.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { formatProblem, ProblemLog } from '../../src/problems.ts';
import { toArticle } from '../../src/site/load-articles.ts';
import { createArticlePageRenderer } from '../../src/site/pages/article-pages.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { parseHtml, walk } from '../helpers/html-text.ts';

const NAME = 'sport/2024-05-01-invoice\u202etxt.exe\u2067x\u200f.txt';
const SHOWN = 'sport/2024-05-01-invoice\\u202etxt.exe\\u2067x\\u200f.txt';

describe('a file name with bidirectional controls', () => {
  it('is shown on the article page with each control escaped, and no control left on the page', () => {
    const text = ['---', 'title: "Harbour report"', 'date: "2024-05-01T10:00:00+00:00"', 'language: "en"', 'slug: "harbour-report"', `source: ${JSON.stringify({ path: NAME, hash: 'sha256:00' })}`, '---', 'The council met.'].join('\n');
    const problems = new ProblemLog();
    const article = toArticle('2024/harbour-report.md', '2024/harbour-report.md', text, 'UTC', 'en', problems);
    assert.ok(article);
    const site = createSiteContext(DEFAULT_CONFIG, [article], compileEntityRules());
    const page = createArticlePageRenderer(site)(site.articles[0]!);
    assert.doesNotMatch(page, /[\u202e\u2067\u200f]/u);
    const codes = [...walk(parseHtml(page))].filter((node) => node.nodeName === 'code').map((node) => node.childNodes?.map((child) => child.value ?? '').join(''));
    assert.ok(codes.includes(SHOWN), JSON.stringify(codes));
  });

  it('is named by ingest with each control, as the terminal shows the name', () => {
    const problems = new ProblemLog();
    parseArticle({ path: NAME, displayPath: `inbox/${NAME}`, hash: 'sha256:00', text: 'Harbour report\n\nThe council met.\n', mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    const named = problems.problems.filter((problem) => problem.code === 'INBOX_NAME_BIDI_CONTROL');
    assert.equal(named.length, 1);
    assert.equal(
      formatProblem(named[0]!).split('\n')[0],
      `inbox/${SHOWN}  warning: the file's name holds bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+2067 RIGHT-TO-LEFT ISOLATE, U+200F RIGHT-TO-LEFT MARK), which show a name in another order than its letters: messages and the article's "Source file" line show each as an escape (\\u202e, \\u2067, \\u200f) (INBOX_NAME_BIDI_CONTROL)`,
    );
  });

  it('is not said of a name without them, Arabic letters included', () => {
    const problems = new ProblemLog();
    parseArticle({ path: 'تقرير-الميناء.txt', displayPath: 'inbox/تقرير-الميناء.txt', hash: 'sha256:00', text: 'Harbour report\n\nThe council met.\n', mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);
    assert.deepEqual(problems.problems.filter((problem) => problem.code === 'INBOX_NAME_BIDI_CONTROL'), []);
  });
});
