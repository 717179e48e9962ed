// `broadsheet build`: ingest → render → index, in one process, into a staging folder that
// replaces the output only when complete. Returns the exit status; never calls process.exit.

import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_CONFIG, loadConfig, withOverrides, type SiteConfig } from '../config/site-config.ts';
import { loadEntityRules, type EntityRules } from '../ingest/entities/entity-rules.ts';
import { ArticleUnreadableError, ingest, type IngestResult } from '../ingest/ingest.ts';
import { compileRules } from '../ingest/rules.ts';
import { heapRoomProblem } from './heap-room.ts';
import type { FileIdentity } from '../file-thread.ts';
import { displayPath, makeFolders, readTextIfExists, unmarkUnicodeForm } from '../fs-utils.ts';
import { formatProblem, ProblemLog, type ProblemInput } from '../problems.ts';
import { problemsText } from './problem-digest.ts';
import { buildSearchIndex, partsWithoutReusableBundle, searchSummary, staleBundleFiles, type SearchIndexStats } from '../search/build-index.ts';
import { IndexStream, type PlannedPage } from '../search/index-stream.ts';
import { setBuildContext } from '../site/build-context.ts';
import { writeAssets } from '../site/assets.ts';
import { loadArticles, releaseBodies, type Article } from '../site/load-articles.ts';
import { createSiteContext, type SiteContext } from '../site/site-context.ts';
import { readTermUrls, saveTermUrls } from '../site/term-urls.ts';
import { articlePageInputs, articlePagePath, createIndexedArticleRenderer, releaseArticleElements } from '../site/pages/article-pages.ts';
import { SEARCH_PAGE_FILE } from '../site/pages/utility-pages.ts';
import { partIndexesPage, partIndexing, searchParts, yearFolderOf, type SearchPart } from '../search/bundles.ts';
import { planDeltaParts, type CurrentPage } from '../search/delta-parts.ts';
import { hashIndexedContent, indexedContent, indexedContentHash } from '../search/indexed-content.ts';
import { DEFAULT_LANES, PagefindLanes } from '../search/pagefind-lanes.ts';
import { PageScratch } from '../search/page-scratch.ts';
import { hasIndexedBody } from '../search/part-indexer.ts';
import { describePartYears, partOfShard, pruneOutsideShard, restrictToShard, shardFilter, shardName, type Shard } from '../site/shard.ts';
import type { EleventyConfig } from '../site/eleventy-types.ts';
import type { BuildOptions } from './args.ts';
import { acquireBuildLock, LockError, type BuildLock } from './build-lock.ts';
import { articlesInInboxProblem, isDiskFull, outputOverlapProblem, reportLocationProblem, reportWriteProblem, writeFailureProblem } from './fs-problems.ts';
import { commitIntoPlace, replayCommits } from '../output/commit.ts';
import { MANIFEST_FILE, readManifest, serializeManifest } from '../output/manifest.ts';
import { inspectOutputFolder, serializeShardRecord, shardRecordName, type OutputFolder } from '../output/ownership.ts';
import { siteFingerprint } from '../output/site-fingerprint.ts';
import { cleanUpOnSignals } from '../output/signals.ts';
import { prepareStaging, recoverInterruptedBuilds, swapIntoPlace } from '../output/swap.ts';
import { OutputWriter } from '../output/writer.ts';
import { compiledBuild } from '../compiled-build.ts';
import { chooseProgressMode, Progress } from './progress.ts';
import { processResources, StageMeter, type StageTime } from './stage-meter.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELEVENTY_CONFIG = compiledBuild?.eleventyConfig ?? path.join(PROJECT_ROOT, '.eleventy.ts');
const ELEVENTY_INPUT = path.join(PROJECT_ROOT, 'layouts');

export interface BuildResult {
  exitCode: 0 | 1 | 2;
  problems: ProblemLog;
  articles: Article[];
  /** Pages of the new site, rendered or kept (a shard's: its own). */
  pages: number;
  /** Of `pages`, those this build wrote: the rest were kept unchanged from the previous site. */
  pagesWritten: number;
  /** The URL path the site was built under (the configuration's, or --path-prefix), once known. */
  pathPrefix?: string;
  /** The aliases file the build looked for (docs/entities.md), absolute, once the configuration is known. */
  entitiesFile?: string;
  /**
   * Every article file in the articles folder once ingest was done, by path relative to it, with
   * its identity when this build wrote or read it: how `serve` tells the build's own writes from edits.
   */
  articleFiles?: ReadonlyMap<string, FileIdentity | undefined>;
  ingest?: IngestResult;
  search?: SearchIndexStats;
  seconds: Record<Stage | 'total', number>;
  /** Wall and CPU seconds per stage (CPU includes Pagefind's indexer process). */
  stages: Record<string, StageTime>;
  /**
   * What the render wrote: incremental when the previous site's manifest allowed keeping
   * unchanged files; how many article pages and list pages (home, terms, date archive, feeds) were
   * rendered, files written, kept and removed.
   */
  output?: { incremental: boolean; renderedArticles: number; renderedLists: number; written: number; kept: number; removed: number };
}

type Stage = 'ingest' | 'load' | 'plan' | 'render' | 'index' | 'commit';

/** Times stages (wall and CPU) and shows their progress. */
interface StageRunner {
  progress: Progress;
  timed<T>(stage: Stage, unit: string, work: () => Promise<T>): Promise<T>;
}

/** Pages of the new site (rendered, or kept unchanged from the previous site). */
interface Rendered {
  pages: number;
  /** Of `pages`, those whose files this build wrote (not kept as they were). */
  pagesWritten: number;
  /** Article pages Eleventy rendered; the others were kept from the previous site, or are another shard's. */
  renderedArticles: number;
  /** List pages (home, terms, date archive) and feeds Eleventy rendered; the others were kept from the previous site, or are another shard's. */
  renderedLists: number;
}

interface EleventyHooks {
  benchmarkManager?: { setVerboseOutput(verbose: boolean): void; getBenchmarkGroup(name: string): { setIsVerbose(verbose: boolean): void } };
  on(event: 'eleventy.contentMap', listener: (map: { urlToInputPath: Record<string, unknown> }) => void): void;
  addTransform(name: string, transform: (this: { page: { outputPath: unknown } }, content: unknown) => unknown): void;
}

/**
 * Eleventy's module. Its few hundred modules take about 0.3 s to load; the build starts loading
 * them when it starts (`runBuild`), so that the load overlaps ingest's reads instead of delaying
 * the first one.
 */
let eleventyModule: Promise<typeof import('@11ty/eleventy')> | undefined;
const loadEleventy = () => {
  // Eleventy registers a module resolver hook, unless told not to, so that its watch mode can
  // import a changed template or configuration again. Broadsheet's templates are virtual and its
  // configuration is imported once, so the hook only costs: on Node 20 it runs on a thread of its
  // own, and every module imported after it (most of Eleventy's) waits on that thread, about
  // 0.2 s of each build. ELEVENTY_SKIP_ESM_RESOLVER is Eleventy's switch for it (11ty/eleventy#3371).
  process.env['ELEVENTY_SKIP_ESM_RESOLVER'] ??= '1';
  return (eleventyModule ??= import('@11ty/eleventy'));
};

async function renderSite(
  site: SiteContext,
  writer: OutputWriter,
  progress: Progress,
  indexStream: IndexStream,
  articleInputs: ReadonlyMap<Article, string>,
  shard?: { shard: Shard; parts: SearchPart[] },
): Promise<Rendered> {
  const outDir = writer.stagingDir;
  setBuildContext(site);
  try {
    // Eleventy renders; the build writes. Eleventy's own writer creates each page with a
    // synchronous call on the main thread (against unbounded concurrency, eleventy#3271), which
    // leaves it idle while the kernel creates thousands of files. Its JSON mode renders and
    // transforms without writing, and the transform hands each page to the build's writer.
    /** Article and list pages written through the site's output, which Eleventy then holds empty. */
    const taken = new Set<string>();
    const write = async (sitePath: string, content: string | Uint8Array, input?: string) => {
      let indexed: string | undefined;
      if (typeof content === 'string' && hasIndexedBody(content)) {
        // Hashed here, from what was rendered, so the index stage need not read every page back;
        // only what Pagefind reads counts (see indexed-content.ts).
        indexed = indexedContentHash(content);
      }
      indexStream.accept(sitePath, indexed);
      await writer.write(sitePath, content, { ...(input === undefined ? {} : { input }), ...(indexed === undefined ? {} : { indexed }) });
    };
    /** Fingerprints of the list pages Eleventy renders, and the list pages kept from the previous site. */
    const listInputs = new Map<string, string>();
    const keptLists: string[] = [];
    /** A page its template hands over itself, which the transform then leaves alone. */
    const take = (sitePath: string, html: string, input: string | undefined) => {
      taken.add(sitePath);
      return write(sitePath, html, input);
    };
    // What Eleventy rendered, counted as it hands the pages over (a shard renders only its own).
    const renderedCounts = { articles: 0, lists: 0 };
    site.output = {
      articlePage: (article, html) => {
        renderedCounts.articles++;
        return take(articlePagePath(article), html, articleInputs.get(article));
      },
      listPage: (sitePath, html) => {
        renderedCounts.lists++;
        return take(sitePath, html, listInputs.get(sitePath));
      },
      file: (sitePath, content) => write(sitePath, content),
      keepPage: (sitePath, input) => {
        const kept = writer.keepIfRenderedFrom(sitePath, input);
        if (kept) keptLists.push(sitePath);
        else listInputs.set(sitePath, input);
        return kept;
      },
      keptPages: () => keptLists,
    };
    // Runs before .eleventy.ts: hooks that are the CLI's business, not the site's.
    const cliHooks = (eleventyConfig: EleventyConfig & EleventyHooks) => {
      // Eleventy's benchmark groups made while its configuration loads ignore quiet mode, and
      // print "[11ty] Benchmark … Transform" when the render is short (an incremental build).
      eleventyConfig.benchmarkManager?.setVerboseOutput(false);
      eleventyConfig.benchmarkManager?.getBenchmarkGroup('Configuration').setIsVerbose(false);
      if (shard) restrictToShard(eleventyConfig, shardFilter(shard.shard, shard.parts));
      eleventyConfig.on('eleventy.contentMap', ({ urlToInputPath }) => progress.setTotal(Object.keys(urlToInputPath).length));
      eleventyConfig.addTransform('broadsheet-write', async function (content: unknown) {
        progress.tick();
        const { outputPath } = this.page;
        if (typeof outputPath !== 'string' || !(typeof content === 'string' || content instanceof Uint8Array)) return content;
        const sitePath = path.relative(outDir, path.resolve(outputPath)).split(path.sep).join('/');
        if (!taken.has(sitePath)) {
          // A feed, which has its fingerprint like a list page, is written from here.
          if (listInputs.has(sitePath)) renderedCounts.lists++;
          await write(sitePath, content, listInputs.get(sitePath));
        }
        return content;
      });
    };
    const { default: Eleventy } = await loadEleventy();
    const eleventy = new Eleventy(ELEVENTY_INPUT, outDir, { quietMode: true, configPath: ELEVENTY_CONFIG, config: cliHooks });
    // Broadsheet prints its own summary; Eleventy's own lines would interleave with it.
    eleventy.disableLogger();
    // Eleventy's typings omit toJSON (Eleventy.js: `async toJSON()`, the programmatic API's JSON output).
    const rendered = (await (eleventy as unknown as { toJSON(): Promise<unknown> }).toJSON()) as Array<{ outputPath?: unknown }>;
    await writer.drain();
    const written = rendered.filter((page): page is { outputPath: string } => typeof page.outputPath === 'string');
    // A shard counts the pages it owns; what it rendered beyond them (a feed, the 404 page) goes.
    const inShard = shard ? shardFilter(shard.shard, shard.parts) : undefined;
    if (inShard) await pruneOutsideShard(outDir, inShard);
    const sitePathOf = (page: { outputPath: string }) => path.relative(outDir, path.resolve(page.outputPath)).split(path.sep).join('/');
    const own = inShard ? written.filter((page) => inShard(`/${sitePathOf(page)}`)) : written;
    return {
      pages: own.length + (site.articles.length - site.articlePages.length) + keptLists.length,
      pagesWritten: own.filter((page) => writer.wrote(sitePathOf(page))).length,
      renderedArticles: renderedCounts.articles,
      renderedLists: renderedCounts.lists,
    };
  } finally {
    delete site.output;
    setBuildContext(undefined);
  }
}

/** What a caller may learn while a build runs, before its result. */
export interface BuildHooks {
  /** The aliases file the build is about to read (absolute): `serve` watches it from before the read, so no edit falls between. */
  entitiesFileKnown?: (file: string) => void;
}

export async function runBuild(options: BuildOptions, log: (line: string) => void = console.log, hooks: BuildHooks = {}): Promise<BuildResult> {
  const problems = new ProblemLog();
  const seconds = { ingest: 0, load: 0, plan: 0, render: 0, index: 0, commit: 0, total: 0 };
  const started = performance.now();
  const meter = new StageMeter();
  const result: BuildResult = { exitCode: 0, problems, articles: [], pages: 0, pagesWritten: 0, seconds, stages: meter.stages };
  const progress = new Progress(chooseProgressMode(options.quiet, process.stderr));
  // Awaited by the render; a failure to load shows there.
  loadEleventy().catch(() => undefined);
  const runner: StageRunner = {
    progress,
    timed: async (stage, unit, work) => {
      progress.start(stage, unit);
      try {
        return await meter.time(stage, work);
      } finally {
        progress.end();
        seconds[stage] = meter.stages[stage]?.wallSeconds ?? 0;
      }
    },
  };

  const inboxDir = path.resolve(options.inbox);
  const articlesDir = path.resolve(options.articles);
  const outDir = path.resolve(options.out);
  const inputs = [
    { name: 'inbox', dir: inboxDir },
    { name: 'articles', dir: articlesDir },
  ];
  // A report that cannot be written (a bad flag: found now, not after the whole build) stops the
  // build before anything is done; one that can is written whatever stops the build, so that a
  // script reading it finds why.
  const reportProblem = options.report === undefined ? undefined : await reportLocationProblem(options.report, [...inputs, { name: 'output', dir: outDir }]);
  if (reportProblem) {
    problems.error(reportProblem);
    result.exitCode = 2;
    return result;
  }
  const refuse = async (problem: ProblemInput): Promise<BuildResult> => {
    problems.error(problem);
    result.exitCode = 2;
    if (options.report) await writeReport(options.report, result, options.shard).catch(() => undefined);
    return result;
  };

  let config: SiteConfig;
  let entityRules: EntityRules;
  try {
    config = withOverrides(
      await loadConfig(options.config, options.configNamed, problems),
      {
        ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }),
        ...(options.pathPrefix === undefined ? {} : { pathPrefix: options.pathPrefix }),
      },
      'the command line',
    );
    result.entitiesFile = path.resolve(path.dirname(options.config), config.entitiesFile);
    hooks.entitiesFileKnown?.(result.entitiesFile);
    entityRules = await loadEntityRules(result.entitiesFile, problems);
    if (config.entitiesFile !== DEFAULT_CONFIG.entitiesFile && !existsSync(result.entitiesFile)) {
      // The default file is optional, but one the configuration names is meant to be there: a typo
      // in its name would build without its aliases and block list in silence. A warning, as the
      // file may be still to be made (serve rebuilds when it appears).
      problems.warn({
        code: 'ENTITIES_FILE_MISSING',
        file: options.config,
        message: `"entitiesFile" names ${result.entitiesFile}, which does not exist; only the built-in aliases are used`,
        hint: `Check the name (it is relative to ${options.config}) or create the file; remove "entitiesFile" if there is to be none.`,
      });
    }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return refuse({ code: 'CONFIG_INVALID', file: error.file, ...(error.line === undefined ? {} : { line: error.line }), message: error.detail, hint: error.hint });
  }
  result.pathPrefix = config.pathPrefix;

  // Folders that would replace or lose each other stop the build before anything is done.
  const refusal = outputOverlapProblem(outDir, inputs) ?? articlesInInboxProblem(articlesDir, inboxDir);
  if (refusal) return refuse(refusal);

  // One build at a time per output folder and per articles folder, so outputs are never a mix.
  const locks: BuildLock[] = [];
  // Ctrl-C (or SIGTERM) ends the build where it stands; its locks go with it.
  const stopCleaningUp = cleanUpOnSignals(() => {
    for (const lock of locks) lock.release();
  });
  try {
    locks.push(await acquireBuildLock(outDir, 0, 'output'));
    locks.push(await acquireBuildLock(articlesDir, 0, 'articles'));
  } catch (error) {
    stopCleaningUp();
    for (const lock of locks) lock.release();
    if (!(error instanceof LockError)) throw error;
    problems.error({ code: error.errno ? (error.folder === 'articles' ? 'ARTICLES_NOT_WRITABLE' : 'OUTPUT_NOT_WRITABLE') : 'BUILD_LOCKED', file: displayPath(error.file), message: error.message, hint: error.hint });
    result.exitCode = 2;
    if (options.report) await writeReport(options.report, result, options.shard).catch(() => undefined);
    return result;
  }
  try {
    const stopped = await buildLocked(options, config, entityRules, { inboxDir, articlesDir, outDir }, result, runner);
    if (stopped) {
      if (options.report) await writeReport(options.report, result, options.shard).catch(() => undefined);
      return result;
    }
  } finally {
    stopCleaningUp();
    for (const lock of locks) lock.release();
  }
  seconds.total = (performance.now() - started) / 1000;

  if (options.report) {
    const report = options.report;
    await writeReport(report, result, options.shard).catch((error: unknown) => problems.error(reportWriteProblem(error, report)));
  }
  result.exitCode = problems.errorCount > 0 || (options.strict && problems.warningCount > 0) ? 1 : 0;
  if (!options.quiet) log(summaryLine(result, outDir));
  return result;
}

/**
 * A full, compacting garbage collection. V8 collects when its heap fills, and until then the
 * render's leftovers count against the memory budget Pagefind's parts wait for: at 20,000
 * articles this took the build from 1.44 to 0.89 GiB. A plain collection frees the objects but
 * not the pages they were scattered over: at 100,000 articles the heap still held 2.6 GiB for
 * 0.8 GiB of live objects, and the process 3.0 GiB, so the parts after the render ran one at a
 * time. Compacting moves the survivors together and gives the emptied pages back (within a
 * second or two, on V8's own threads). Node exposes the collector only behind a flag, which can
 * still be set at run time, as can compaction, for this one collection.
 */
function collectGarbage(): void {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--compact-on-every-full-gc');
    try {
      gc();
    } finally {
      setFlagsFromString('--no-compact-on-every-full-gc');
    }
  } catch {
    // Without it the budget still holds; Pagefind's parts just wait longer.
  }
}

/**
 * The stages, run while holding the build locks. Returns true when the build stopped early
 * (exit status already set). A folder that cannot be written (permissions, read-only, full disk)
 * becomes a problem naming it, not a stack trace.
 */
async function buildLocked(
  options: BuildOptions,
  config: SiteConfig,
  entityRules: EntityRules,
  dirs: { inboxDir: string; articlesDir: string; outDir: string },
  result: BuildResult,
  { timed, progress }: StageRunner,
): Promise<boolean> {
  const { inboxDir, articlesDir, outDir } = dirs;
  const { problems } = result;
  /** Ends the build on a problem that stops it: exit status 2. */
  const refuse = (problem: ProblemInput): true => {
    problems.error(problem);
    result.exitCode = 2;
    return true;
  };
  const stop = async (error: unknown, folder: string, stage: string): Promise<boolean> => {
    const problem = await writeFailureProblem(error, folder, stage, path.dirname(folder));
    if (!problem) throw error;
    return refuse(problem);
  };

  // Before anything is done: the build may end by replacing the output folder as a whole. A
  // commit a killed build left half done is finished first, so that what it moved in is known.
  let outputFolder: OutputFolder;
  try {
    await replayCommits(outDir);
    outputFolder = await inspectOutputFolder(outDir, options.shard === undefined ? undefined : shardName(options.shard));
  } catch (error) {
    return await stop(error, outDir, 'output');
  }
  if (outputFolder.problem) return refuse(outputFolder.problem);

  const inbox = existsSync(inboxDir) ? statSync(inboxDir) : undefined;
  if (inbox && !inbox.isDirectory()) {
    return refuse({
      code: 'INBOX_NOT_A_FOLDER',
      file: displayPath(inboxDir),
      message: 'is a file, not a folder: the inbox is the folder the article text files are in; nothing was built',
      hint: 'Pass the folder that holds the .txt files as --inbox DIR (e.g. --inbox inbox).',
    });
  }
  if (inbox) {
    try {
      const rules = compileRules(config.ingest);
      let heapChecked = false;
      result.ingest = await timed('ingest', 'sources', async () => {
        const ingested = await ingest(
          {
            inboxDir, articlesDir, force: options.force, rules, timeZone: config.timeZone, language: config.language, entityRules,
            onProgress: (done, total) => {
              if (!heapChecked) {
                heapChecked = true;
                warnIfHeapTooSmall(total, displayPath(inboxDir), problems);
              }
              progress.setTotal(total);
              progress.tick(done, true);
            },
          },
          problems,
        );
        progress.tick(ingested.sources.length, true);
        return ingested;
      });
    } catch (error) {
      if (error instanceof ArticleUnreadableError) return refuse(error.problem());
      return await stop(error, articlesDir, 'ingest');
    }
  } else if (!existsSync(articlesDir)) {
    return refuse({
      code: 'INBOX_MISSING',
      file: displayPath(inboxDir),
      message: 'does not exist, and there is no articles folder either: there is nothing to build',
      hint: 'Create the inbox folder and put .txt articles in it, or pass --inbox DIR.',
    });
  }

  result.articles = await timed('load', 'articles', async () => {
    const ingested = result.ingest;
    const articles = await loadArticles(articlesDir, config.timeZone, config.language, problems, ingested?.articleFiles, ingested?.articleFileCache);
    await ingested?.articleFileCache?.save();
    // The articles hold what they need of these texts; the rest can go.
    if (ingested?.articleFiles) result.articleFiles = new Map([...ingested.articleFiles].map(([file, seen]) => [file, 'info' in seen ? seen.info : undefined]));
    if (ingested) {
      delete ingested.articleFiles;
      delete ingested.articleFileCache;
    }
    progress.tick(articles.length, true);
    return articles;
  });
  const { shard } = options;
  const allParts = searchParts(result.articles);
  const shardPart = shard === undefined ? undefined : partOfShard(shard, allParts);
  if (shard?.kind === 'year' && !shardPart) {
    return refuse({
      code: 'SHARD_EMPTY',
      file: displayPath(articlesDir),
      message: `has no article from ${shard.year}, so shard ${shard.year} would be empty; nothing was built`,
      hint: `Build one of the years with articles (${describePartYears(allParts) || 'none'}), or --shard site.`,
    });
  }
  let staging: string | undefined;
  let indexStream: IndexStream | undefined;
  let scratch: PageScratch | undefined;
  let stopRemovingScratch: (() => void) | undefined;
  try {
    await recoverInterruptedBuilds(outDir);
    const into = await prepareStaging(outDir);
    staging = into;
    let parts = shard === undefined ? allParts : [shardPart].filter((part) => part !== undefined);
    // `--force` takes nothing from the previous site, its search bundles included: a bundle whose
    // files were damaged or deleted in the output would otherwise be reused as it is.
    const previousSiteDir = !options.force && existsSync(outDir) ? outDir : undefined;
    // The site shard has no articles to index: the year shards bring the bundles. An archive
    // without articles has no year shard, so the site shard brings the (empty) primary bundle a
    // full build makes, without which the search page has no scripts.
    const indexed = shard?.kind !== 'site' || allParts.length === 0;
    // What every page is made from (the archive's links, related articles, terms), and which
    // article pages the previous site already has as they would be rendered now.
    const { site, siteKey, writer, articleInputs, keptArticles, indexedHashOf } = await timed('plan', 'articles', async () => {
      // Terms keep the URLs earlier builds gave them (a back-dated import cannot take them over).
      const termUrls = await readTermUrls(articlesDir, problems);
      const site = createSiteContext(config, result.articles, entityRules, termUrls.slugs);
      await saveTermUrls(articlesDir, termUrls, site.index.terms, problems);
      // Every page depends on these; if they are what the previous site was built with, the build
      // is incremental: it renders and writes only what changed and commits that into the output.
      // A shard's output is only part of a site, so shard builds are never incremental.
      const siteKey = await siteFingerprint({ config, primaryBundle: allParts[0]?.bundlePath ?? null });
      const previous = shard === undefined && !options.force && previousSiteDir ? (outputFolder.manifest ?? (await readManifest(previousSiteDir))) : undefined;
      const writer = new OutputWriter(into, outDir, previous?.site === siteKey ? previous : undefined);
      const articleInputs = new Map(result.articles.map((article) => [article, articlePageInputs(site, article)]));
      const keptArticles = writer.incremental ? result.articles.filter((article) => writer.keepIfRenderedFrom(articlePagePath(article), articleInputs.get(article)!)) : [];
      if (keptArticles.length > 0) {
        const kept = new Set(keptArticles);
        site.articlePages = result.articles.filter((article) => !kept.has(article));
      }
      const indexedHashOf = indexedHashes(site, writer);
      // A year that gained a few articles indexes them beside its bundle (delta-parts.ts).
      if (indexed && writer.incremental && previousSiteDir) {
        parts = await planDeltaParts(parts, { previousSiteDir, previousPages: previousIndexedPages(writer), currentPages: currentArticlePages(site, indexedHashOf) });
        site.searchParts = parts;
      }
      progress.tick(result.articles.length, true);
      return { site, siteKey, writer, articleInputs, keptArticles, indexedHashOf };
    });
    // Pagefind's logs and the folders of pages it indexes sit beside the staging folder (same
    // name prefix), so a killed build's are removed by the next build's recovery like its
    // staging folder.
    const logDir = `${into}.pagefind-logs`;
    // Pagefind's indexer runs, shared by the parts fed now and those indexed after the render,
    // within a memory budget: at 100,000 articles the render alone takes this process past 4 GB.
    const lanes = new PagefindLanes(undefined, { rendering: true });
    // The folders of pages Pagefind reads, in memory where there is room for the largest parts
    // that can run at once.
    const pageScratch = PageScratch.open(logDir, largestParts(parts, DEFAULT_LANES));
    scratch = pageScratch;
    stopRemovingScratch = cleanUpOnSignals(() => pageScratch.removeSync());
    // Parts that will be indexed anyway are indexed while Eleventy renders the site.
    const toFeed = indexed ? await partsToFeed(site, writer, parts, previousSiteDir, indexedHashOf) : [];
    let renderEnded = false;
    const stream = new IndexStream(into, toFeed, articlePagesOf(site, writer, new Set(keptArticles), () => renderEnded), logDir, lanes, pageScratch);
    indexStream = stream;
    // Kept pages are part of the site as much as rendered ones, for checking what was fed.
    for (const article of keptArticles) stream.accept(articlePagePath(article), writer.record(articlePagePath(article))?.indexed);
    const rendered = await timed('render', 'pages', async () => {
      await writeAssets((sitePath, content) => writer.write(sitePath, content));
      return renderSite(site, writer, progress, stream, articleInputs, shard === undefined ? undefined : { shard, parts: allParts });
    });
    result.pages = rendered.pages;
    result.pagesWritten = rendered.pagesWritten;
    renderEnded = true;
    // Nothing reads the articles' bodies again, nor the elements kept for pages not rendered.
    releaseBodies(result.articles, articlesDir);
    releaseArticleElements(site);
    const retired = writer.retired();
    result.output = { incremental: writer.incremental, renderedArticles: rendered.renderedArticles, renderedLists: rendered.renderedLists, written: writer.writtenCount, kept: writer.records.size - writer.writtenCount, removed: retired.length };
    const pages = [...writer.records].map(([sitePath, record]) => ({ sitePath, file: writer.fileOf(sitePath), ...(record.indexed === undefined ? {} : { indexed: record.indexed }) }));
    // The index stage starts when the render ends: waiting for the parts Pagefind is still
    // indexing is part of it.
    const search = indexed
      ? await timed('index', 'pages', async () => {
          // Most of what the render held is garbage now; collected at once, it makes room for
          // Pagefind. The collection takes seconds at 100,000 articles, spent while this thread
          // waits for Pagefind anyway, so not when no part is being indexed (a rebuild with no
          // change to search goes straight on to commit).
          if (lanes.working) collectGarbage();
          lanes.renderDone();
          // Counted from here: in a cold build of a large archive most parts fed during the
          // render are still being indexed, and waiting for them is most of this stage.
          progress.setTotal(parts.reduce((sum, part) => sum + part.articles, 0));
          const streamed = await stream.outcomes((part) => progress.tick(part.articles));
          return buildSearchIndex(into, problems, {
            parts,
            progress,
            logDir,
            scratch: pageScratch,
            // A shard prunes pages after the render, so its index reads what is left on disk.
            ...(shard === undefined ? { pages } : {}),
            streamed,
            streamedCounted: true,
            commitsIntoPrevious: writer.incremental,
            ...(previousSiteDir ? { previousSiteDir } : {}),
            lanes,
          }).finally(() => lanes.close());
        })
      : undefined;
    await stream.close();
    if (search) result.search = search;
    // Pagefind writes through its own binary and reports a full disk only as a broken bundle:
    // a failed index on a full disk is the disk's fault, and the old site must stay in place.
    else if (indexed && (await isDiskFull(path.dirname(outDir)))) throw new Error('the search index could not be written');
    // Putting the new site in place: the manifest, then a swap or an incremental commit.
    await timed('commit', 'files', async () => {
      // A shard's output is part of a site, so it has no manifest: the next build starts afresh.
      // Its record of what it made lets the next build replace it (ownership.ts).
      // A failed index keeps the previous bundles (below), so also the search page that lists
      // them: the new one may list a bundle this build did not make (a delta, delta-parts.ts).
      if (writer.incremental && indexed && !search) await writer.keepPrevious(SEARCH_PAGE_FILE);
      if (shard === undefined) await writeManifestIfChanged(into, outDir, serializeManifest(writer.manifest(siteKey)), writer.incremental);
      else await writeFile(path.join(into, shardRecordName(shardName(shard))), serializeShardRecord(shardName(shard), await readdir(into)));
      if (writer.incremental) {
        // A failed index keeps the previous bundles (stale, but whole) rather than half-written ones.
        if (!search) await rm(path.join(into, 'pagefind'), { recursive: true, force: true });
        const stale = search ? await staleBundleFiles(outDir, into, parts, search.parts.built) : { files: [], folders: [] };
        await commitIntoPlace(into, outDir, { removeFiles: [...retired, ...stale.files], removeFolders: stale.folders });
      } else {
        await swapIntoPlace(into, outDir);
      }
      progress.tick(writer.writtenCount, true);
    });
  } catch (error) {
    // Judge the failure before removing the staging folder: removing it frees a full disk.
    const problem = await writeFailureProblem(error, outDir, 'output', path.dirname(outDir));
    await indexStream?.abort();
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    if (!problem) throw error;
    return refuse(problem);
  } finally {
    stopRemovingScratch?.();
    await scratch?.remove();
  }
  return false;
}

/**
 * Stages the site's manifest, unless an incremental build's would be the very one in place: a
 * rebuild with nothing changed then leaves every file of the site as it was, so a deploy that
 * compares times (rsync, a CDN sync) sends nothing.
 */
async function writeManifestIfChanged(stagingDir: string, outDir: string, manifest: string, incremental: boolean): Promise<void> {
  if (incremental && (await readFile(path.join(outDir, MANIFEST_FILE), 'utf8').catch(() => undefined)) === manifest) return;
  await writeFile(path.join(stagingDir, MANIFEST_FILE), manifest);
}

/** Articles in the `count` largest parts: the most pages that can be in page folders at once. */
function largestParts(parts: readonly SearchPart[], count: number): number {
  return parts
    .map((part) => part.articles)
    .sort((a, b) => b - a)
    .slice(0, count)
    .reduce((sum, articles) => sum + articles, 0);
}

/**
 * The parts to index while Eleventy renders: those without a bundle in the previous output that
 * could be reused, and, in an incremental build, those holding an article that is new or whose
 * indexed content changed (`indexedHashOf`, compared with what the previous site recorded).
 * Other parts are decided after the render.
 */
async function partsToFeed(site: SiteContext, writer: OutputWriter, parts: SearchPart[], previousSiteDir: string | undefined, indexedHashOf: (article: Article) => string): Promise<SearchPart[]> {
  const feed = new Set(await partsWithoutReusableBundle(parts, previousSiteDir));
  if (writer.incremental) {
    const partOf = partIndexing(parts);
    for (const article of site.articlePages) {
      const sitePath = articlePagePath(article);
      const part = partOf(sitePath);
      if (!part || feed.has(part)) continue;
      if (writer.previousRecord(sitePath)?.indexed !== indexedHashOf(article)) feed.add(part);
    }
  }
  return parts.filter((part) => feed.has(part));
}

/**
 * The hash of what Pagefind will read of an article's page (`indexedContentHash`): recorded for a
 * page the build keeps, rendered here (once) for one it renders again, few in a rebuild.
 */
function indexedHashes(site: SiteContext, writer: OutputWriter): (article: Article) => string {
  const renderIndexed = createIndexedArticleRenderer(site);
  const hashes = new Map<Article, string>();
  return (article) => {
    let hash = hashes.get(article) ?? writer.record(articlePagePath(article))?.indexed;
    if (hash === undefined) {
      hash = hashIndexedContent(renderIndexed(article));
      hashes.set(article, hash);
    }
    return hash;
  };
}

/** The previous site's pages that Pagefind indexed, of the years asked for (delta-parts.ts). */
function previousIndexedPages(writer: OutputWriter): (years: readonly string[]) => ReadonlyMap<string, string> {
  const byYear = new Map<string, Map<string, string>>();
  for (const [sitePath, record] of writer.previousRecords) {
    const year = record.indexed === undefined ? undefined : yearFolderOf(sitePath);
    if (year === undefined) continue;
    let pages = byYear.get(year);
    if (!pages) byYear.set(year, (pages = new Map()));
    pages.set(sitePath, record.indexed!);
  }
  return (years) => new Map(years.flatMap((year) => [...(byYear.get(year) ?? [])]));
}

/** The new site's article pages of the years asked for, with their indexed content's hash on demand (delta-parts.ts). */
function currentArticlePages(site: SiteContext, indexedHashOf: (article: Article) => string): (years: readonly string[]) => CurrentPage[] {
  const byYear = articlesByYear(site.articles);
  return (years) => years.flatMap((year) => byYear.get(year) ?? []).map((article) => ({ sitePath: articlePagePath(article), indexed: () => indexedHashOf(article) }));
}

function articlesByYear(articles: readonly Article[]): Map<string, Article[]> {
  const byYear = new Map<string, Article[]>();
  for (const article of articles) {
    const year = yearFolderOf(article.url);
    if (year === undefined) continue;
    const list = byYear.get(year);
    if (list) list.push(article);
    else byYear.set(year, [article]);
  }
  return byYear;
}

/**
 * The article pages of a part, as the search index takes them ahead of Eleventy: what Pagefind
 * reads of a page the build renders is rendered here; of a page it keeps (`kept`, a rebuild), it
 * is read from the previous site's file, a fraction of the cost, so that a rebuild's part starts
 * indexing early in the render. Once the render has ended (`renderEnded`), every page is on disk
 * and is read too: a part that starts then (most of them at 100,000 articles, where the memory
 * budget lets one run beside the render) would otherwise read each article's file again and
 * render its markdown, on the main thread, while its lane waits. (Should a file be gone, the
 * page is rendered after all; the stream checks what was fed against what Eleventy rendered.)
 */
function articlePagesOf(site: SiteContext, writer: OutputWriter, kept: ReadonlySet<Article>, renderEnded: () => boolean): (part: SearchPart) => PlannedPage[] {
  const renderIndexed = createIndexedArticleRenderer(site);
  const byYear = articlesByYear(site.articles);
  const indexedOf = (article: Article, sourcePath: string) => {
    if (kept.has(article) || renderEnded()) {
      const html = readTextIfExists(writer.fileOf(sourcePath));
      if (html !== undefined && hasIndexedBody(html)) return indexedContent(html);
    }
    return renderIndexed(article);
  };
  return (part) =>
    part.years
      .flatMap((year) => byYear.get(year) ?? [])
      .map((article) => {
        const sourcePath = articlePagePath(article);
        return { sourcePath, indexed: () => indexedOf(article, sourcePath) };
      })
      .filter((page) => partIndexesPage(part, page.sourcePath));
}

export function summaryLine(result: BuildResult, outDir: string): string {
  const { seconds } = result;
  const counts = `${result.problems.errorCount} error${result.problems.errorCount === 1 ? '' : 's'}, ${result.problems.warningCount} warning${result.problems.warningCount === 1 ? '' : 's'}`;
  return (
    `Built ${result.articles.length} article${result.articles.length === 1 ? '' : 's'}, ${result.pages} pages${result.output?.incremental ? ` (${result.pagesWritten} written)` : ''} into ${displayPath(outDir)} ` +
    `in ${seconds.total.toFixed(1)} s (ingest ${seconds.ingest.toFixed(1)} s, render ${seconds.render.toFixed(1)} s, index ${seconds.index.toFixed(1)} s)` +
    `${result.search ? `; search index: ${searchSummary(result.search)}` : ''}; ${counts}.`
  );
}

async function writeReport(file: string, result: BuildResult, shard: Shard | undefined): Promise<void> {
  const parts = searchParts(result.articles);
  const shardInfo = shard === undefined ? null : { name: shardName(shard), years: partOfShard(shard, parts)?.years ?? [] };
  // The address a reader opens, under the path prefix, so that a deploy script joining the base
  // URL and it reaches the page (article.url is the page's path from the site root).
  const prefix = (result.pathPrefix ?? '/').replace(/\/$/, '');
  const report = {
    shard: shardInfo,
    articles: result.articles.map((article) => ({
      source: article.source.path,
      file: article.file,
      url: `${prefix}${article.url}`,
      title: article.title,
      date: article.date.toISO(),
      dateSource: article.dateSource,
    })),
    sources: result.ingest?.sources ?? [],
    ingestCache: result.ingest?.cache ?? null,
    articleFiles: result.ingest?.articleFileCounts ?? null,
    // The files as they are on disk, for scripts to open (messages mark names not in NFC).
    problems: result.problems.sorted().map((problem) => ({ ...problem, file: unmarkUnicodeForm(problem.file) })),
    pages: result.pages,
    pagesWritten: result.pagesWritten,
    output: result.output ?? null,
    search: result.search ?? null,
    // The index parts (and so the shards) of the whole archive, for deploy scripts and CI matrices.
    searchParts: parts.map(({ name, years, bundlePath, articles }) => ({ name, years, bundlePath, articles })),
    seconds: result.seconds,
    stages: result.stages,
    resources: processResources(),
  };
  await makeFolders(path.dirname(path.resolve(file)));
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Warns, at once and even under --quiet, when Node's heap is too small for an inbox this large:
 * a build that runs out of heap dies without reaching the summary where problems are listed.
 */
function warnIfHeapTooSmall(sources: number, inbox: string, problems: ProblemLog): void {
  const problem = heapRoomProblem(sources, inbox);
  if (!problem) return;
  problems.warn(problem);
  process.stderr.write(`${formatProblem({ ...problem, severity: 'warning' })}\n`);
}

/** Prints the problems, past a few of one kind only counted unless `all` (problem-digest.ts). */
export function printProblems(problems: ProblemLog, all: boolean, write: (text: string) => void = (text) => process.stderr.write(text)): void {
  const text = problemsText(problems.sorted(), all);
  if (text) write(text);
}
