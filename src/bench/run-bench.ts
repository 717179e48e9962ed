// `broadsheet bench`: builds a synthetic archive (or a given inbox) three times, each as its own
// child process like a user's build: cold, again with nothing changed, and after adding one
// article. Reports per stage wall and CPU time, peak memory, pages, bytes and what a first
// search downloads, as a table and optionally as JSON.

import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statfsSync, statSync, unlinkSync } from 'node:fs';
import { appendFile, chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { parseFlags, UsageError } from '../cli/args.ts';
import { makeFolders, makeFoldersSync } from '../fs-utils.ts';
import { DEFAULT_SEED, generateArchive, generateArticle, LAST_YEAR, type ArchiveLayout } from './generate-archive.ts';
import { watchPeakMemory } from './process-memory.ts';
import { firstSearchTransfer, type SearchTransfer } from './search-transfer.ts';
import { createVocabulary } from './vocabulary.ts';

const CLI = fileURLToPath(new URL('../../bin/broadsheet.js', import.meta.url));

export interface BenchOptions {
  articles?: number;
  corpus?: string;
  json?: string;
  seed: string;
  /** Keep the work folder (inbox, articles, site) here instead of a temporary one. */
  keep?: string;
  /** Only write the synthetic inbox into this folder (for the peer benchmark) and stop. */
  generate?: string;
  layout: ArchiveLayout['layout'];
  quiet: boolean;
}

export interface BenchRun {
  name: 'cold' | 'unchanged' | 'add-one';
  exitCode: number;
  wallSeconds: number;
  /** CPU of the whole build: Node and Pagefind's indexer. */
  cpuSeconds: number;
  stages: Record<string, { wallSeconds: number; cpuSeconds: number }>;
  /** Peak resident memory of the build's process tree (sampled; Linux), else the build's own maxRSS. */
  peakMemoryBytes: number;
  nodeMaxRssBytes: number;
  articles: number;
  /** Pages of the whole site after the build, written or kept. */
  sitePages: number;
  /** Pages this build wrote; a rebuild keeps the others as they were. */
  pagesWritten: number;
  outputBytes: number;
  indexBytes: number;
  indexParts: { built: string[]; reused: string[] };
  ingest: { reused: number; parsed: number } | null;
}

export interface BenchReport {
  input: { kind: 'synthetic'; articles: number; seed: string } | { kind: 'corpus'; dir: string; articles: number };
  machine: { cpus: number; totalMemoryBytes: number; node: string };
  runs: BenchRun[];
  firstSearch: SearchTransfer;
}

export const BENCH_HELP = `Usage: broadsheet bench [options]

Builds an archive three times in child processes (cold, unchanged, one article added) and
reports time per stage, CPU, peak memory, the site's pages and those written, output and index
bytes, and the bytes a first search downloads.

Options:
  --articles N         generate a synthetic archive of N articles                 [1000]
  --corpus DIR         benchmark a copy of this inbox instead
  --json FILE          also write the report as JSON
  --seed TEXT          seed of the synthetic archive                              [${DEFAULT_SEED}]
  --keep DIR           keep the inbox, articles and site in DIR (else a temporary folder);
                       a new or empty folder, or one an earlier --keep made
  --generate DIR       only write the synthetic inbox into DIR (new or empty), then stop
  --layout sections|flat  section subfolders (default), or all files in one folder with the
                       section in meta.jsonl (the peer benchmark reads only the top folder)
  --quiet              print only the JSON file's path (so --json FILE is needed)
`;

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const values = parseFlags(argv, {
    articles: { type: 'string' },
    corpus: { type: 'string' },
    json: { type: 'string' },
    seed: { type: 'string', default: DEFAULT_SEED },
    keep: { type: 'string' },
    generate: { type: 'string' },
    layout: { type: 'string', default: 'sections' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  }) as Record<string, string | boolean | undefined>;
  if (values.help) return 'help';
  if (values.articles !== undefined && values.corpus !== undefined) throw new UsageError('give --articles N or --corpus DIR, not both');
  // --generate writes a synthetic inbox; with --corpus it would quietly write 1,000 synthetic articles.
  if (values.generate !== undefined && values.corpus !== undefined) throw new UsageError('--generate writes a synthetic inbox (--articles N); it does not copy a --corpus: give one or the other');
  // --generate runs no build, so there would be no report to write and no work folder to keep.
  for (const flag of ['json', 'keep'] as const) {
    if (values.generate !== undefined && values[flag] !== undefined) throw new UsageError(`--generate only writes a synthetic inbox and runs no build, so --${flag} would do nothing: leave out --${flag}, or --generate to run the benchmark`);
  }
  // Digits only: Number() reads "1e3" as 1000 and "0x10" as 16.
  const articles = values.articles === undefined ? undefined : /^\d+$/.test(values.articles as string) ? Number(values.articles) : NaN;
  if (articles !== undefined && (!Number.isInteger(articles) || articles < 1)) throw new UsageError(`--articles must be a whole number above 0, not "${String(values.articles)}"`);
  if (values.layout !== 'sections' && values.layout !== 'flat') throw new UsageError(`--layout must be "sections" or "flat", not "${String(values.layout)}"`);
  const options: BenchOptions = { seed: values.seed as string, layout: values.layout, quiet: values.quiet as boolean };
  if (values.corpus !== undefined) {
    const corpus = values.corpus as string;
    // Checked now, not when the copy fails with a stack trace after the set-up.
    if (!existsSync(corpus)) throw new UsageError(`--corpus ${corpus}: there is no such folder; give the inbox folder of the articles to benchmark`);
    if (!statSync(corpus).isDirectory()) throw new UsageError(`--corpus ${corpus}: is a file, not a folder; give the inbox folder the article files are in`);
    // Three builds of an empty archive time nothing, and would still exit 0.
    if (!readdirSync(corpus, { recursive: true }).some((name) => isSource(String(name)))) {
      throw new UsageError(`--corpus ${corpus}: holds no .txt file; give the inbox folder the article files are in`);
    }
    options.corpus = corpus;
  } else options.articles = articles ?? 1000;
  if (values.json !== undefined) options.json = values.json as string;
  if (values.keep !== undefined) options.keep = checkKeepFolder(values.keep as string);
  if (values.generate !== undefined) options.generate = checkGenerateFolder(values.generate as string);
  // Under --quiet the figures go only to the JSON file: without one, minutes of builds would show nothing.
  if (options.quiet && options.json === undefined && options.generate === undefined) throw new UsageError('--quiet prints only the JSON report\'s path, and no --json FILE was given, so the figures would be lost: add --json FILE, or leave out --quiet');
  if (options.articles !== undefined) checkDiskRoom(options.articles, String(values.articles ?? options.articles), options.generate ?? options.keep ?? os.tmpdir(), options.generate === undefined ? 3 : 1);
  return options;
}

/** The nearest folder of `dir` (itself or a parent) that exists, whose disk a new folder there uses. */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

const gb = (bytes: number) => `${(bytes / 1e9).toLocaleString('en', { maximumFractionDigits: 1 })} GB`;

/**
 * Refuses a synthetic archive that cannot fit on the disk it goes to: `--articles 99999999999999999999`
 * wrote 18 GB of sources in ten minutes and would have gone on until the disk was full. Each
 * article makes `filesPerArticle` files at least (the source; for the benchmark also its article
 * file and page), and a file takes at least one block and one inode: a lower bound, so an archive
 * that could fit is never refused.
 */
function checkDiskRoom(articles: number, given: string, dir: string, filesPerArticle: number): void {
  const flag = `--articles ${given}`;
  if (!Number.isSafeInteger(articles)) throw new UsageError(`${flag}: is more articles than can be counted exactly; give a number of articles your disk can hold (the benchmark's figures go up to 100000)`);
  let stats;
  try {
    stats = statfsSync(existingAncestor(dir));
  } catch {
    return;
  }
  const files = articles * filesPerArticle;
  const needed = files * stats.bsize;
  const free = stats.bavail * stats.bsize;
  const where = existingAncestor(dir);
  const what = filesPerArticle === 1 ? 'a source file per article' : `${filesPerArticle} files per article: source, article file, page`;
  if (needed > free) {
    throw new UsageError(`${flag}: needs at least ${gb(needed)} of disk (${what}, each at least one ${stats.bsize}-byte block), and ${where} has ${gb(free)} free; give fewer articles, or a folder on a larger disk${filesPerArticle === 1 ? '' : ' with --keep DIR'}`);
  }
  // A file system without inode accounting (btrfs, some network mounts) reports none at all.
  if (stats.files > 0 && files > stats.ffree) {
    throw new UsageError(`${flag}: makes at least ${files} files (${what}), and the disk of ${where} has room for ${stats.ffree} more; give fewer articles, or a folder on another disk${filesPerArticle === 1 ? '' : ' with --keep DIR'}`);
  }
}

const isSource = (name: string) => name.toLowerCase().endsWith('.txt');

/**
 * What a benchmark's work folder holds (see runBench), with what a killed build leaves beside its
 * folders (locks, staging and journals): a `--keep` folder holding only these was made by one.
 */
const WORK_ENTRY = /^(inbox|articles|site|report-(cold|unchanged|add-one)\.json|(site|articles)\.lock)$|^\.site\./;

/**
 * The bench empties its `--keep` folder first. A folder holding anything else (`--keep .` in a
 * checkout, a typo for another folder) would be lost, so only an earlier benchmark's is emptied.
 */
function checkKeepFolder(dir: string): string {
  if (!existsSync(dir)) return dir;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--keep ${dir}: is a file, not a folder; give a new folder for the benchmark's inbox, articles and site`);
  const foreign = readdirSync(dir).find((name) => !WORK_ENTRY.test(name));
  if (foreign !== undefined) {
    throw new UsageError(`--keep ${dir}: holds "${foreign}", which no benchmark made, and the benchmark empties the folder first; give a new or empty folder (or one an earlier --keep made)`);
  }
  return dir;
}

/** The generator adds to the `meta.jsonl` files it finds, so in a used folder it would mix two inboxes. */
function checkGenerateFolder(dir: string): string {
  if (!existsSync(dir)) return dir;
  if (!statSync(dir).isDirectory()) throw new UsageError(`--generate ${dir}: is a file, not a folder; give a new folder for the synthetic inbox`);
  const present = readdirSync(dir)[0];
  if (present !== undefined) {
    throw new UsageError(`--generate ${dir}: is not empty (it holds "${present}"); the synthetic inbox would be mixed with what is there, so give a new or empty folder`);
  }
  return dir;
}

/**
 * Makes sure the JSON report can be written before the builds start, not when they are over: a
 * path in a folder that cannot be made or written, or a folder's own path, is a usage error.
 */
export function checkJsonPath(file: string): void {
  const resolved = path.resolve(file);
  if (existsSync(resolved) && statSync(resolved).isDirectory()) throw new UsageError(`--json ${file}: is a folder; give a file name for the report, e.g. ${path.join(file, 'bench.json')}`);
  const existed = existsSync(resolved);
  try {
    makeFoldersSync(path.dirname(resolved));
    closeSync(openSync(resolved, 'a'));
    if (!existed) unlinkSync(resolved);
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new UsageError(`--json ${file}: cannot be written (${code ?? message}); give a file in a folder you can write`);
  }
}

async function directoryBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

interface ChildReport {
  articles: unknown[];
  pages: number;
  pagesWritten: number;
  search: { bytes: number; parts: { built: string[]; reused: string[] } } | null;
  stages: Record<string, { wallSeconds: number; cpuSeconds: number }>;
  resources: { maxRssBytes: number; cpuSeconds: number };
  ingestCache: { reused: number; parsed: number } | null;
}

/**
 * The heap limit the benchmark itself was started with (`npm run bench` gives one: heap-room.ts),
 * for its builds: without it a build of 200,000 articles runs out of Node's default heap.
 */
export function heapLimitFlags(execArgv: readonly string[]): string[] {
  return execArgv.filter((flag) => /^--max[-_]old[-_]space[-_]size=/.test(flag));
}

async function runBuild(name: BenchRun['name'], dirs: { inbox: string; articles: string; site: string; work: string }): Promise<BenchRun> {
  const reportFile = path.join(dirs.work, `report-${name}.json`);
  const args = [CLI, 'build', '--inbox', dirs.inbox, '--articles', dirs.articles, '--out', dirs.site, '--report', reportFile, '--quiet'];
  const started = performance.now();
  const child = spawn(process.execPath, [...heapLimitFlags(process.execArgv), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const memory = watchPeakMemory(child.pid!);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const wallSeconds = (performance.now() - started) / 1000;
  const sampledPeak = memory.stop();
  let report: ChildReport;
  try {
    report = JSON.parse(await readFile(reportFile, 'utf8')) as ChildReport;
  } catch {
    throw new Error(`the ${name} build wrote no report (exit ${exitCode}):\n${stderr.slice(-4000)}`);
  }
  return {
    name,
    exitCode,
    wallSeconds,
    cpuSeconds: report.resources.cpuSeconds,
    stages: report.stages,
    peakMemoryBytes: Math.max(sampledPeak ?? 0, report.resources.maxRssBytes),
    nodeMaxRssBytes: report.resources.maxRssBytes,
    articles: report.articles.length,
    sitePages: report.pages,
    pagesWritten: report.pagesWritten,
    outputBytes: await directoryBytes(dirs.site),
    indexBytes: report.search?.bytes ?? 0,
    indexParts: report.search?.parts ?? { built: [], reused: [] },
    ingest: report.ingestCache,
  };
}

/**
 * One more article, dated as new articles are, in the newest year: at the synthetic archive's
 * present (the end of its last year), or at a corpus's newest date (the cold build's report). Dated
 * now, an article added to a corpus of 2015 started a year of its own and re-indexed every part.
 * Added where the inbox keeps its files.
 */
async function addOneArticle(inbox: string, options: BenchOptions, count: number, newestDate: string | undefined): Promise<void> {
  const layout: ArchiveLayout = { layout: options.corpus === undefined ? options.layout : 'flat', seed: options.seed };
  const vocabulary = createVocabulary(options.seed);
  const article = generateArticle(vocabulary, layout, count);
  article.meta.date = options.corpus === undefined ? `${LAST_YEAR}-12-30T12:00:00+00:00` : (newestDate ?? new Date().toISOString());
  if (options.corpus !== undefined) {
    // A corpus keeps its own file names; the new one cannot clash with them.
    article.meta.file = `bench-added-${count}.txt`;
    article.file = article.meta.file;
  }
  await mkdir(path.dirname(path.join(inbox, article.file)), { recursive: true });
  await writeFile(path.join(inbox, article.file), article.text);
  await appendLine(path.join(inbox, path.dirname(article.file), 'meta.jsonl'), JSON.stringify(article.meta));
}

/**
 * Appends a line to a JSON-lines file. A corpus's `meta.jsonl` may lack its last newline, and the
 * new line would then run on from its last entry, losing both (SIDECAR_BAD_JSON).
 */
async function appendLine(file: string, line: string): Promise<void> {
  const existing = existsSync(file) ? await readFile(file) : Buffer.alloc(0);
  const separator = existing.length > 0 && existing.at(-1) !== 0x0a ? '\n' : '';
  await appendFile(file, `${separator}${line}\n`);
}

/** What the benchmark reads of the cold build's report: its articles, newest first. */
interface ColdReport {
  articles: Array<{ title: string; date?: string }>;
}

async function readColdReport(work: string): Promise<ColdReport> {
  return JSON.parse(await readFile(path.join(work, 'report-cold.json'), 'utf8')) as ColdReport;
}

/**
 * A second after the newest article's date, to date the added article as the newest, in the
 * newest year (at the year's last second, that second). Dated the same as the newest, it tied
 * with every article of that second and sorted among them by URL: in the BBC corpus, whose
 * sources are dated by their files' times, it landed 30th, so the add-one run measured an
 * insertion among older articles rather than a new article.
 */
function newestDate(report: ColdReport): string | undefined {
  const newest = report.articles[0]?.date;
  if (newest === undefined) return undefined;
  const date = DateTime.fromISO(newest, { setZone: true });
  if (!date.isValid) return undefined;
  const next = date.plus({ seconds: 1 });
  return (next.year === date.year ? next : date).toISO() ?? undefined;
}

/**
 * The copy of a corpus keeps its modes, and a read-only corpus (a shared checkout, `chmod -R a-w`)
 * made a read-only inbox: the add-one run could not write its article into it, and the work
 * folder could not be removed. The copy is the benchmark's own, so its folders are made writable.
 */
async function makeOwnerWritable(dir: string): Promise<void> {
  await chmod(dir, (await stat(dir)).mode | 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isDirectory()) continue;
    const folder = path.join(entry.parentPath, entry.name);
    await chmod(folder, (await stat(folder)).mode | 0o700);
  }
}

async function countSources(inbox: string): Promise<number> {
  return (await readdir(inbox, { recursive: true })).filter(isSource).length;
}

/** A query for the first search: the first long word of the newest article's title, as a reader might type. */
function firstQuery(report: ColdReport): string {
  const word = report.articles[0]?.title.split(/\s+/).find((token) => /^\p{L}{5,}$/u.test(token));
  return word ?? 'government';
}

export async function runBench(options: BenchOptions, log: (line: string) => void = console.log): Promise<BenchReport | undefined> {
  if (options.json !== undefined && options.generate === undefined) checkJsonPath(options.json);
  if (options.generate !== undefined) {
    await generateArchive(path.resolve(options.generate), options.articles ?? 1000, { layout: options.layout, seed: options.seed });
    if (!options.quiet) log(`Wrote ${options.articles ?? 1000} synthetic articles into ${options.generate}`);
    return undefined;
  }
  const work = options.keep === undefined ? await mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-')) : path.resolve(options.keep);
  if (options.keep !== undefined) {
    await rm(work, { recursive: true, force: true });
    await makeFolders(work);
  }
  const dirs = { work, inbox: path.join(work, 'inbox'), articles: path.join(work, 'articles'), site: path.join(work, 'site') };
  try {
    let input: BenchReport['input'];
    if (options.corpus !== undefined) {
      // With their times: a source without a date in it is dated by its file's modification time.
      await cp(path.resolve(options.corpus), dirs.inbox, { recursive: true, preserveTimestamps: true });
      await makeOwnerWritable(dirs.inbox);
      input = { kind: 'corpus', dir: options.corpus, articles: await countSources(dirs.inbox) };
    } else {
      await generateArchive(dirs.inbox, options.articles!, { layout: options.layout, seed: options.seed });
      input = { kind: 'synthetic', articles: options.articles!, seed: options.seed };
    }
    const count = input.articles;
    const runs: BenchRun[] = [];
    const say = (run: BenchRun) => {
      if (!options.quiet) log(formatRun(run));
    };
    runs.push(await runBuild('cold', dirs));
    say(runs[0]!);
    const coldReport = await readColdReport(dirs.work);
    const query = firstQuery(coldReport);
    const firstSearch = await firstSearchTransfer(dirs.site, query);
    runs.push(await runBuild('unchanged', dirs));
    say(runs[1]!);
    await addOneArticle(dirs.inbox, options, count, newestDate(coldReport));
    runs.push(await runBuild('add-one', dirs));
    say(runs[2]!);
    const report: BenchReport = {
      input,
      machine: { cpus: os.availableParallelism(), totalMemoryBytes: os.totalmem(), node: process.version },
      runs,
      firstSearch,
    };
    if (!options.quiet) {
      log(
        `first search for "${query}": ${kb(firstSearch.bytes)} over ${firstSearch.bundles} bundle(s), ${firstSearch.wavesSearched} of ${firstSearch.waves} wave(s) ` +
          `(${Object.entries(firstSearch.parts).map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', ')}); ${kb(firstSearch.uncachedBytes)} from a host that sends no cache validators`,
      );
    }
    if (options.json !== undefined) {
      await makeFolders(path.dirname(path.resolve(options.json)));
      await writeFile(options.json, `${JSON.stringify(report, null, 2)}\n`);
      log(`Wrote ${options.json}`);
    }
    return report;
  } finally {
    if (options.keep === undefined) await rm(work, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export function formatRun(run: BenchRun): string {
  const stages = Object.entries(run.stages)
    .map(([stage, time]) => `${stage} ${time.wallSeconds.toFixed(1)}/${time.cpuSeconds.toFixed(1)}`)
    .join(', ');
  return (
    `${run.name.padEnd(9)} wall ${run.wallSeconds.toFixed(1)} s, cpu ${run.cpuSeconds.toFixed(1)} s, peak ${mb(run.peakMemoryBytes)}; ` +
    `stages wall/cpu s: ${stages}; ${run.articles} articles, ${run.sitePages} site pages (${run.pagesWritten} written), output ${mb(run.outputBytes)}, index ${mb(run.indexBytes)} ` +
    `(parts built ${run.indexParts.built.length}, reused ${run.indexParts.reused.length}); ` +
    `ingest ${run.ingest ? `parsed ${run.ingest.parsed}, reused ${run.ingest.reused}` : 'n/a'}${run.exitCode === 0 ? '' : `; exit ${run.exitCode}`}`
  );
}
