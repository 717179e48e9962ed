// The real corpora in ../shared/corpus/ (skipped when absent): every article ingests, every title
// is the sidecar's, every marked duplicate is found, every slug is a safe non-empty name, and the
// Arabic agency furniture is removed. Figures (articles, duplicates, warnings, articles per
// second) are printed as test diagnostics for the release notes.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ingest, type IngestResult } from '../../src/ingest/ingest.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { loadArticles, type Article } from '../../src/site/load-articles.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';
import { visibleText } from '../helpers/html-text.ts';
import { CORPUS_DIR, corpusSkipReason, temporaryDir } from '../helpers/paths.ts';

const skip = corpusSkipReason();

interface MetaLine {
  file: string;
  title: string;
  duplicate_of?: string;
  lang?: string;
}

interface CorpusRun {
  meta: MetaLine[];
  result: IngestResult;
  problems: ProblemLog;
  articles: Article[];
  loadProblems: ProblemLog;
  /** Articles, duplicates, warnings by code and ingest speed, for the release notes. */
  summary: string;
}

async function ingestCorpus(name: string, timeZone: string): Promise<CorpusRun> {
  const inbox = path.join(CORPUS_DIR, name);
  const meta = (await readFile(path.join(inbox, 'meta.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as MetaLine);
  const articlesDir = await temporaryDir(`corpus-${name}`);
  const problems = new ProblemLog();
  const started = performance.now();
  const result = await ingest({ inboxDir: inbox, articlesDir, rules: DEFAULT_RULES, timeZone, language: 'en' }, problems);
  const seconds = (performance.now() - started) / 1000;
  const loadProblems = new ProblemLog();
  const articles = await loadArticles(articlesDir, timeZone, 'en', loadProblems);
  const byCode = new Map<string, number>();
  for (const problem of problems.problems) byCode.set(problem.code, (byCode.get(problem.code) ?? 0) + 1);
  const published = result.sources.filter((source) => source.article).length;
  const summary = (
    `corpus ${name}: ${result.sources.length} sources, ${published} articles, ${result.sources.filter((source) => source.status === 'duplicate').length} duplicates, ` +
      `warnings ${JSON.stringify(Object.fromEntries(byCode))}, ${(result.sources.length / seconds).toFixed(0)} sources/s ingest`
  );
  return { meta, result, problems, articles, loadProblems, summary };
}

const collapse = (text: string) => text.replace(/&nbsp;/gi, ' ').replace(/\s+/g, ' ').trim();

for (const [name, zone] of [['bbc', 'Europe/London'], ['arabic', 'Asia/Riyadh']] as const) {
  describe(`the ${name} corpus`, { skip }, () => {
    let run: CorpusRun;
    before(async () => {
      run = await ingestCorpus(name, zone);
    });

    it('ingests every source without an error, and every article file loads back', (t) => {
      t.diagnostic(run.summary);
      assert.equal(run.result.sources.length, run.meta.length);
      assert.deepEqual(run.problems.problems.filter((problem) => problem.severity === 'error'), []);
      assert.deepEqual(run.loadProblems.problems, []);
      assert.equal(run.articles.length, run.result.sources.filter((source) => source.article).length);
    });

    it('gives every article the title in the sidecar (white space collapsed)', () => {
      const titles = new Map(run.meta.map((line) => [line.file, collapse(line.title)]));
      for (const article of run.articles) assert.equal(article.title, titles.get(article.source.path), article.source.path);
    });

    it('gives every article a safe, non-empty slug and a distinct URL', () => {
      for (const article of run.articles) assert.match(article.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(new Set(run.articles.map((article) => article.url)).size, run.articles.length);
    });

    it('finds every duplicate the sidecar marks, with a warning naming both files', () => {
      const warnings = run.problems.problems.filter((problem) => problem.code === 'DUPLICATE_ARTICLE');
      for (const line of run.meta.filter((entry) => entry.duplicate_of)) {
        const pair = [line.file, line.duplicate_of!];
        const found = warnings.find((warning) => pair.every((file) => warning.file.endsWith(`/${file}`) || warning.message.includes(`/${file}`)));
        assert.ok(found, `${line.file} is reported as a duplicate of ${line.duplicate_of}`);
      }
    });

    it('puts every source line that was not reported as removed on its article\'s page, in order: no sentence taken for a dateline is lost', async () => {
      const md = createMarkdownRenderer();
      const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
      const byPath = new Map(run.articles.map((article) => [article.source.path, article]));
      let checked = 0;
      for (const source of run.result.sources.filter((entry) => entry.article)) {
        const article = byPath.get(source.source)!;
        const page = squeeze([article.title, article.subtitle ?? '', visibleText(md.render(article.body))].join(' '));
        const text = (await readFile(path.join(CORPUS_DIR, name, source.source), 'utf8')).replace(/\r\n?/g, '\n');
        const removed = new Set(source.removed.map((entry) => entry.line));
        let at = 0;
        text.split('\n').forEach((raw, index) => {
          const line = squeeze(raw);
          if (line === '' || removed.has(index + 1)) return;
          const found = page.indexOf(line, at);
          assert.notEqual(found, -1, `${source.source}:${index + 1} ${JSON.stringify(line.slice(0, 80))} is on its page`);
          at = found + line.length;
          checked++;
        });
      }
      assert.ok(checked > run.articles.length * 3, `${checked} lines checked`);
    });

    if (name === 'arabic') {
      it('detects every article as Arabic', () => {
        assert.ok(run.articles.every((article) => article.language === 'ar' && article.dir === 'rtl'));
      });

      it('removes the agency end-marker and filing time from every agency dispatch: its last two lines, nothing else', async () => {
        const dispatches = run.result.sources.filter((entry) => entry.source.startsWith('was-'));
        assert.ok(dispatches.length > 0);
        for (const source of dispatches) {
          const text: string = await readFile(path.join(CORPUS_DIR, 'arabic', source.source), 'utf8');
          const lastTwo: number[] = text.split('\n').flatMap((line: string, index: number) => (line.trim() === '' ? [] : [index + 1])).slice(-2);
          assert.deepEqual(source.removed.map((removed) => removed.line), lastTwo, source.source);
          assert.match(source.removed[0]!.text, /^\/\/ ?(انتهى|يتبع) ?\/\/$/);
          assert.match(source.removed[1]!.text, /^\d{1,2}:\d{2} ت م$/);
        }
      });

      it('dates every agency dispatch with a dateline by it, without the sidecar: the Gregorian date after the Hijri one, the day its file is named by', async () => {
        let dated = 0;
        for (const source of run.result.sources.filter((entry) => entry.source.startsWith('was-'))) {
          const text: string = await readFile(path.join(CORPUS_DIR, 'arabic', source.source), 'utf8');
          if (!/الموافق/.test(text.split('\n').slice(0, 8).join('\n'))) continue;
          const problems = new ProblemLog();
          const parsed = parseArticle({ path: 'dispatch.txt', displayPath: 'dispatch.txt', hash: 'sha256:00', text, mtimeMs: 0 }, { rules: DEFAULT_RULES, timeZone: zone, language: 'ar' }, problems);
          assert.deepEqual([parsed?.frontmatter.date.slice(0, 10), parsed?.frontmatter.dateSource], [/was-(\d{4}-\d{2}-\d{2})/.exec(source.source)![1], 'text'], source.source);
          dated++;
        }
        assert.ok(dated >= 5, `${dated} dispatches dated`);
      });
    }
  });
}
