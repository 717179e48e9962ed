// Measures how closely search over an index in parts ranks like one index over the same
// articles. Builds the BBC corpus twice from a temporary copy of its inbox (the corpus itself is
// only read): once with every article dated in one year (one index part), once with the same
// articles spread over several years (two or more parts), serves each build, and runs the same
// seeded queries through the search page's engine (assets/search-engine.js) in Chromium, every
// part merged; the split build twice, with the engine's ranking as one index and with Pagefind's
// own order across parts (`oneIndexRanking: false`), which was the engine's before. Compares
// each with the one index per query: the number of results, the first result and the top ten
// (URLs mapped between the builds by the article's source file, from each build's report: a slug
// can differ, as two articles of one title get distinct slugs only within one year), and reports
// the median query time of each (search and the first ten results' data).
//
// usage: node --import tsx scripts/rank-agreement.ts [--corpus DIR] [--seed N] [--queries N]
//          [--part-pages N] [--rounds N] [--work DIR] [--reuse] [--json FILE] [--show N]
//   --part-pages  forces smaller parts (BROADSHEET_SEARCH_PART_PAGES) in the split build
//   --rounds      runs the queries N times on each build, alternating, and times each query by its
//                 median (the machine's load varies; the one index's times are the control)
//   --work        keeps the inboxes and builds in DIR (default: a temporary folder, removed)
//   --reuse       with --work, searches the builds already in DIR instead of building again
//   --show        prints the first N queries whose first result differs
// Takes about a minute on two cores (two builds, then 2 × N queries). Not part of `npm test`.

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { CORPUS_DIR } from '../tests/helpers/paths.ts';
import { Prng } from '../tests/helpers/prng.ts';
import { runCli } from '../tests/helpers/run-build.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { searchInPage, type RankedQuery } from '../tests/search/search-in-page.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: path.join(CORPUS_DIR, 'bbc') },
    seed: { type: 'string', default: '20261207' },
    queries: { type: 'string', default: '340' },
    'part-pages': { type: 'string' },
    work: { type: 'string' },
    reuse: { type: 'boolean', default: false },
    json: { type: 'string' },
    show: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '1' },
  },
});

const ONE_YEAR = 2024;
const SPREAD_YEARS = [2021, 2022, 2023, 2024];
const TOP = 10;

interface Source {
  file: string;
  text: string;
  meta: Record<string, unknown>;
}

/** The corpus's articles with their sidecar lines (meta.jsonl), in file order. */
async function readCorpus(dir: string): Promise<Source[]> {
  const meta = new Map<string, Record<string, unknown>>();
  if (existsSync(path.join(dir, 'meta.jsonl'))) {
    for (const line of (await readFile(path.join(dir, 'meta.jsonl'), 'utf8')).split('\n')) {
      if (!line.trim()) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      meta.set(String(entry.file), entry);
    }
  }
  const files = (await readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(files.map(async (file) => ({ file, text: await readFile(path.join(dir, file), 'utf8'), meta: meta.get(file) ?? { file } })));
}

/**
 * A temporary inbox: the corpus's texts and a meta.jsonl giving each a date. The day within the
 * year is the same in both builds (mid-month, so no zone moves an article into another year);
 * only the year differs.
 */
async function writeInbox(dir: string, sources: Source[], yearOf: (index: number) => number, seed: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const prng = new Prng(seed);
  const lines: string[] = [];
  for (const [index, source] of sources.entries()) {
    const month = String(prng.int(1, 12)).padStart(2, '0');
    const day = String(prng.int(3, 27)).padStart(2, '0');
    await writeFile(path.join(dir, source.file), source.text);
    lines.push(JSON.stringify({ ...source.meta, date: `${yearOf(index)}-${month}-${day}` }));
  }
  await writeFile(path.join(dir, 'meta.jsonl'), `${lines.join('\n')}\n`);
}

/** Words of a text as Pagefind's queries would be typed: lower case letters only. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/\p{L}+/gu) ?? [];
}

/**
 * The seeded queries: single words from every band of document frequency, 4-letter prefixes,
 * and adjacent word pairs from random articles (a fifth each for prefixes and pairs, the rest
 * single words). Deduplicated, in a fixed order.
 */
function makeQueries(sources: Source[], count: number, seed: number): string[] {
  const prng = new Prng(seed);
  const documentFrequency = new Map<string, number>();
  const tokenised = sources.map((source) => wordsOf(source.text));
  for (const words of tokenised) for (const word of new Set(words)) if (word.length >= 3) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const bands: Array<[number, number]> = [[1, 1], [2, 3], [4, 10], [11, 30], [31, 100], [101, 300], [301, Infinity]];
  const byBand = bands.map(([low, high]) => [...documentFrequency].filter(([, df]) => df >= low && df <= high).map(([word]) => word).sort());
  const queries = new Set<string>();
  const singles = Math.round(count * 0.6);
  const prefixes = Math.round(count * 0.2);
  for (let i = 0; queries.size < singles && i < singles * 20; i++) {
    const band = byBand[i % byBand.length]!;
    if (band.length > 0) queries.add(prng.pick(band));
  }
  const longWords = [...documentFrequency.keys()].filter((word) => word.length >= 6).sort();
  for (let i = 0; queries.size < singles + prefixes && i < prefixes * 20; i++) queries.add(prng.pick(longWords).slice(0, 4));
  for (let i = 0; queries.size < count && i < count * 20; i++) {
    const words = prng.pick(tokenised);
    if (words.length < 2) continue;
    const at = prng.int(0, words.length - 2);
    const [a, b] = [words[at]!, words[at + 1]!];
    if (a.length >= 3 && b.length >= 3) queries.add(`${a} ${b}`);
  }
  return [...queries];
}

async function build(inbox: string, work: string, env: NodeJS.ProcessEnv): Promise<string> {
  const out = path.join(work, 'site');
  const report = path.join(work, 'report.json');
  const result = await runCli(['build', '--inbox', inbox, '--articles', path.join(work, 'articles'), '--out', out, '--report', report, '--quiet'], { env, timeoutMs: 600_000 });
  if (result.exitCode !== 0) throw new Error(`build of ${inbox} failed (${result.exitCode}):\n${result.stderr}`);
  return out;
}

/** A build's article URLs mapped to their source files (the same in both builds). */
async function sourcesByUrl(site: string): Promise<Map<string, string>> {
  const report = JSON.parse(await readFile(path.join(site, '../report.json'), 'utf8')) as { articles: Array<{ source: string; url: string }> };
  return new Map(report.articles.map((article) => [article.url, path.basename(article.source)]));
}

async function bundlesOf(site: string): Promise<string[]> {
  const page = await readFile(path.join(site, 'search/index.html'), 'utf8');
  const parts = JSON.parse(/data-search-parts="([^"]+)"/.exec(page)![1]!.replace(/&quot;|&#34;/g, '"')) as Array<{ bundle: string }>;
  return parts.map((part) => part.bundle);
}

/**
 * Runs every query in a fresh page of the built site, every part merged first. The first query
 * (which loads the WebAssembly, and with parts the scoring worker) is timed apart, then the
 * page warms up on a few queries.
 */
async function runQueries(site: string, queries: string[], engineOptions: { oneIndexRanking?: boolean } = {}): Promise<{ first: number; ranked: RankedQuery[] }> {
  const server = await serveStatic(site);
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(120_000);
    await page.goto(`${server.origin}/search/`);
    const [first] = await searchInPage(page, queries.slice(0, 1), TOP, {}, true, engineOptions);
    await searchInPage(page, queries.slice(1, 6), TOP, {}, true, engineOptions);
    return { first: first!.milliseconds, ranked: await searchInPage(page, queries, TOP, {}, true, engineOptions) };
  } finally {
    await browser.close();
    await server.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Agreement {
  queries: number;
  withResults: number;
  equalCounts: number;
  sameFirst: number;
  sameTopOrder: number;
  meanOverlap: number;
  medianMsOne: number;
  medianMsParts: number;
  differingFirst: Array<{ query: string; one: string | undefined; parts: string | undefined }>;
}

function compare(one: RankedQuery[], parts: RankedQuery[], sources: { one: Map<string, string>; parts: Map<string, string> }): Agreement {
  let withResults = 0;
  let equalCounts = 0;
  let sameFirst = 0;
  let sameTopOrder = 0;
  let overlapSum = 0;
  const differingFirst: Agreement['differingFirst'] = [];
  for (const [i, a] of one.entries()) {
    const b = parts[i]!;
    if (a.total === b.total) equalCounts++;
    if (a.total === 0 && b.total === 0) continue;
    withResults++;
    const [topA, topB] = [a.urls.map((url) => sources.one.get(url) ?? url), b.urls.map((url) => sources.parts.get(url) ?? url)];
    if (topA[0] === topB[0]) sameFirst++;
    else differingFirst.push({ query: a.query, one: topA[0], parts: topB[0] });
    if (topA.join('\n') === topB.join('\n')) sameTopOrder++;
    const inB = new Set(topB);
    overlapSum += topA.filter((slug) => inB.has(slug)).length / Math.max(topA.length, topB.length);
  }
  return {
    queries: one.length,
    withResults,
    equalCounts,
    sameFirst,
    sameTopOrder,
    meanOverlap: overlapSum / withResults,
    medianMsOne: median(one.map((query) => query.milliseconds)),
    medianMsParts: median(parts.map((query) => query.milliseconds)),
    differingFirst,
  };
}

async function main(): Promise<void> {
  const seed = Number(args.seed);
  const work = args.work ? path.resolve(args.work) : await mkdtemp(path.join(os.tmpdir(), 'broadsheet-rank-agreement-'));
  try {
    const sources = await readCorpus(path.resolve(args.corpus));
    const dirs = { one: path.join(work, 'one-index'), parts: path.join(work, 'parts') };
    const partsEnv: NodeJS.ProcessEnv = args['part-pages'] ? { BROADSHEET_SEARCH_PART_PAGES: args['part-pages'] } : {};
    let sites: { one: string; parts: string };
    if (args.reuse && existsSync(path.join(dirs.one, 'site')) && existsSync(path.join(dirs.parts, 'site'))) {
      sites = { one: path.join(dirs.one, 'site'), parts: path.join(dirs.parts, 'site') };
    } else {
      await rm(dirs.one, { recursive: true, force: true });
      await rm(dirs.parts, { recursive: true, force: true });
      // The year of each article in the split build: seeded, so every run splits alike.
      const years = new Prng(seed + 1);
      const spread = sources.map(() => years.pick(SPREAD_YEARS));
      await writeInbox(path.join(dirs.one, 'inbox'), sources, () => ONE_YEAR, seed);
      await writeInbox(path.join(dirs.parts, 'inbox'), sources, (index) => spread[index]!, seed);
      console.log(`building ${sources.length} articles as one index and in parts…`);
      sites = {
        one: await build(path.join(dirs.one, 'inbox'), dirs.one, {}),
        parts: await build(path.join(dirs.parts, 'inbox'), dirs.parts, partsEnv),
      };
    }
    const [bundlesOne, bundlesParts] = [await bundlesOf(sites.one), await bundlesOf(sites.parts)];
    if (bundlesOne.length !== 1) throw new Error(`the one-index build has ${bundlesOne.length} parts: ${bundlesOne.join(', ')}`);
    if (bundlesParts.length < 2) throw new Error(`the split build has one part only`);
    console.log(`parts: ${bundlesParts.join(', ')}`);

    const queries = makeQueries(sources, Number(args.queries), seed);
    const runs = { one: () => runQueries(sites.one, queries), pagefind: () => runQueries(sites.parts, queries, { oneIndexRanking: false }), parts: () => runQueries(sites.parts, queries) };
    type Run = Awaited<ReturnType<typeof runQueries>>;
    const rounds: Array<Record<keyof typeof runs, Run>> = [];
    for (let round = 0; round < Number(args.rounds); round++) rounds.push({ one: await runs.one(), pagefind: await runs.pagefind(), parts: await runs.parts() });
    // Results are the same every round; each query's time is its median over the rounds.
    const timed = (which: keyof typeof runs) => rounds[0]![which].ranked.map((query, i) => ({ ...query, milliseconds: median(rounds.map((round) => round[which].ranked[i]!.milliseconds)) }));
    const sourceFiles = { one: await sourcesByUrl(sites.one), parts: await sourcesByUrl(sites.parts) };
    const one = timed('one');
    const percent = (count: number, of: number) => `${((100 * count) / of).toFixed(1)}%`;
    const report: Record<string, unknown> = { seed, parts: bundlesParts, queries: queries.length };
    console.log(`queries: ${queries.length}; one index: median ${median(one.map((query) => query.milliseconds)).toFixed(1)} ms, first query ${median(rounds.map((round) => round.one.first)).toFixed(0)} ms`);
    for (const [which, label] of [['pagefind', "Pagefind's order across parts (before)"], ['parts', 'ranked as one index (now)']] as const) {
      const split = timed(which);
      const result = compare(one, split, sourceFiles);
      const first = median(rounds.map((round) => round[which].first));
      console.log(`\nparts, ${label}:`);
      console.log(`  equal result counts:   ${result.equalCounts} of ${result.queries} (${percent(result.equalCounts, result.queries)})`);
      console.log(`  same first result:     ${result.sameFirst} of ${result.withResults} (${percent(result.sameFirst, result.withResults)})`);
      console.log(`  same top ${TOP}, in order: ${result.sameTopOrder} of ${result.withResults} (${percent(result.sameTopOrder, result.withResults)})`);
      console.log(`  top-${TOP} overlap (mean): ${result.meanOverlap.toFixed(3)}`);
      console.log(`  median query time:     ${result.medianMsParts.toFixed(1)} ms (${Number(args.rounds)} round(s)); first query ${first.toFixed(0)} ms`);
      for (const differing of result.differingFirst.slice(0, Number(args.show))) console.log(`    “${differing.query}”: one index ${differing.one}, parts ${differing.parts}`);
      report[which] = { ...result, firstMs: first, results: split };
    }
    if (args.json) await writeFile(args.json, `${JSON.stringify({ ...report, one }, null, 1)}\n`);
  } finally {
    if (!args.work) await rm(work, { recursive: true, force: true });
  }
}

await main();
