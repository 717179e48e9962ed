// The ingest stage: every `.txt` in the inbox becomes `articles/<year>/<slug>.md`. Sources are
// never modified; hand-edited article files are never overwritten; writes are atomic.

import { lstatSync, readFileSync, statSync, type Stats } from 'node:fs';
import { readdir, readFile, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleFrontmatter } from '../article.ts';
import { FileThread } from '../file-thread.ts';
import { displayPath, listFiles, markUnicodeForm, plainDisplayPath, unreadableReason, type SkippedEntry } from '../fs-utils.ts';
import { readAhead } from '../read-ahead.ts';
import type { ProblemInput, ProblemLog } from '../problems.ts';
import { decodeWindows1252 } from './decode.ts';
import { maxSourceBytes, sourceTooLarge } from './source-size.ts';
import { IngestCache, type IngestCacheStats } from './ingest-cache.ts';
import { ArticleFileCache, textHash, type ArticleFileSeen, type KnownArticleFile } from './article-file-cache.ts';
import { isAfterBuild } from './article-date.ts';
import { formatIsoDate, parseDateString } from './dates.ts';
import { FrontmatterError, isUntouched, readArticleFile, salvageFrontmatter, sha256, writeArticleFile, type ParsedArticleFile } from './frontmatter.ts';
import type { IngestOptions, ParsedArticle } from './parse-article.ts';
import { ParseFeeder } from './parse-feeder.ts';
import { defaultPoolSize, PARSE_POOL_THRESHOLD, ParsePool, replayProblems, type PooledParse } from './parse-pool.ts';
import { parseSource, type SourceToParse } from './parse-source.ts';
import type { RemovedLine } from './segment.ts';
import { loadSidecars } from './sidecar.ts';
import { slugify } from './slug.ts';
import { assignDistinctUrls } from './distinct-urls.ts';

export interface IngestRequest extends IngestOptions {
  inboxDir: string;
  articlesDir: string;
  /** Regenerate article files even where a human edited them. */
  force?: boolean;
  /** Called as sources are read, for the progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Skip sources unchanged since the last run (ingest-cache.ts); on unless false. */
  useCache?: boolean;
  /**
   * Where sources are parsed (parse-pool.ts). `auto` (the default): on worker threads as well as
   * the main thread when at least `PARSE_POOL_THRESHOLD` sources are new to the cache and the
   * machine has more than one core. `workers`: every source on one of at least two worker
   * threads (for tests). `main`: on the main thread only.
   */
  parseOn?: 'auto' | 'workers' | 'main';
}

export interface IngestedSource {
  source: string;
  /** The article file, relative to the articles directory; absent when the source was refused. */
  article?: string;
  status: 'written' | 'unchanged' | 'kept-hand-edit' | 'duplicate' | 'refused';
  removed: RemovedLine[];
}

export interface IngestResult {
  sources: IngestedSource[];
  /** How many sources were reused from the last run and how many were parsed. */
  cache?: IngestCacheStats;
  /**
   * Every article file in the articles folder once ingest is done, by path relative to it: its
   * text as ingest read or wrote it, or what the article-file cache knows of it unread, so the
   * render stage need not read them again.
   */
  articleFiles?: ReadonlyMap<string, ArticleFileSeen>;
  /** The article-file cache: the render stage records the files ingest wrote, then saves it. */
  articleFileCache?: ArticleFileCache;
  /** Article files already in the archive that the article-file cache knew unread, and those read. */
  articleFileCounts?: { known: number; read: number };
  /** Where sources were parsed: how many worker threads ran (0: none) and how many they parsed. */
  parse?: { workers: number; inWorkers: number };
}

interface ExistingArticle {
  file: string;
  /** The file's text when it was read in this run; not when the article-file cache knew it. */
  text?: string;
  textHash: string;
  untouched: boolean;
  parsed?: ParsedArticleFile;
  known?: KnownArticleFile;
  slug?: string;
  date?: string;
  dateSource?: string;
  sourceHash?: string;
  /** Its frontmatter cannot be read (ARTICLE_BAD_FRONTMATTER): an empty or garbled file, say. */
  broken?: boolean;
}

interface Candidate {
  sourcePath: string;
  displayPath: string;
  parsed: ParsedArticle;
  existing?: ExistingArticle;
  slug: string;
  year: string;
}

/**
 * An article file the build cannot read. The build stops (exit status 2): without the file, ingest
 * cannot tell which source made it, and would publish that source a second time or write over a
 * hand edit.
 */
export class ArticleUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} cannot be read (${reason})`);
  }

  problem(): ProblemInput {
    return {
      code: 'ARTICLE_UNREADABLE',
      file: displayPath(this.file),
      message: `cannot be read (${this.reason}); nothing was built, since without it ingest cannot tell which source it was made from (it would publish that source twice, or write over a hand edit)`,
      hint: this.reason === 'permission denied' ? 'Give your user permission to read it (chmod a+r), or move it out of the articles folder.' : 'Replace it with a readable copy, or move it out of the articles folder.',
    };
  }
}

/**
 * Article files already in the archive, keyed by the inbox path of their source. A file the
 * article-file cache knows unchanged is not read.
 */
async function readExistingArticles(articlesDir: string, fileCache: ArticleFileCache, problems: ProblemLog): Promise<{ bySource: Map<string, ExistingArticle>; others: ExistingArticle[] }> {
  const bySource = new Map<string, ExistingArticle>();
  const others: ExistingArticle[] = [];
  let files: string[];
  try {
    files = await listFiles(articlesDir, (name) => name.endsWith('.md'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bySource, others };
    throw error;
  }
  // Stat'ed before it is read: a file that changes in between is read again next time. (Stats
  // are synchronous here and below: a promise's round trip costs several times the system call,
  // and a rebuild stats every source and article file.)
  const readIfChanged = async (file: string) => {
    const absolute = path.join(articlesDir, file);
    try {
      const info = statSync(absolute);
      const known = fileCache.known(file, info);
      return { file, info, known, text: known ? undefined : await readFile(absolute, 'utf8') };
    } catch (error) {
      const reason = unreadableReason(error);
      throw reason === undefined || reason.includes('removed') ? error : new ArticleUnreadableError(absolute, reason);
    }
  };
  for await (const { file, info, known, text } of readAhead(files, readIfChanged)) {
    const existing: ExistingArticle = known
      ? { file, textHash: known.textHash, untouched: known.untouched, known }
      : { file, text: text!, textHash: textHash(text!), untouched: isUntouched(text!) };
    try {
      let data: Record<string, unknown>;
      if (known) data = known.data;
      else {
        try {
          existing.parsed = readArticleFile(text!);
          fileCache.record(file, info, text!, existing.parsed);
          data = existing.parsed.data;
        } catch (error) {
          if (!(error instanceof FrontmatterError)) throw error;
          existing.broken = true;
          // Reported by the render stage, which leaves the article out. What can be read of it
          // still names its source, which keeps this file rather than being published again.
          data = salvageFrontmatter(text!);
        }
      }
      const source = data.source as { path?: unknown; hash?: unknown } | undefined;
      if (typeof data.slug === 'string') existing.slug = data.slug;
      if (typeof data.date === 'string') existing.date = data.date;
      if (typeof data.dateSource === 'string') existing.dateSource = data.dateSource;
      if (typeof source?.hash === 'string') existing.sourceHash = source.hash;
      if (typeof source?.path === 'string') {
        // A copy of an article file (cp, or saved under a new name) names the same source. The
        // source's article is the file as ingest wrote it, else the one named by its URL, else the
        // first by path; the other is published as well (or left out, ARTICLE_URL_TAKEN, while
        // it has the same URL), and named, so the story is not shown twice unseen.
        const first = bySource.get(source.path);
        if (!first) {
          bySource.set(source.path, existing);
          continue;
        }
        const [kept, copy] = copyRank(existing) < copyRank(first) ? [existing, first] : [first, existing];
        bySource.set(source.path, kept);
        problems.warn(sameSource(articlesDir, copy.file, kept.file, source.path, copy.text));
        others.push(copy);
        continue;
      }
    } catch {
      // A frontmatter that is not an object of keys: reported by the render stage; here the file
      // only reserves its URL.
    }
    others.push(existing);
  }
  return { bySource, others };
}

/** Which of two article files naming one source is its article: lowest first (see readExistingArticles). */
function copyRank(article: ExistingArticle): number {
  const named = article.slug !== undefined && article.date !== undefined && article.file.toLowerCase() === `${article.date.slice(0, 4)}/${article.slug}.md`.toLowerCase();
  return (article.untouched ? 0 : 2) + (named ? 0 : 1);
}

/** The warning for an article file naming the same source as another (`first`, by path). */
function sameSource(articlesDir: string, file: string, first: string, source: string, text: string | undefined): ProblemInput {
  const absolute = path.join(articlesDir, file);
  let lines: string[] = [];
  try {
    lines = (text ?? readFileSync(absolute, 'utf8')).split(/\r\n?|\n/);
  } catch {
    // Gone since it was listed: the warning names the file alone.
  }
  const line = lines.findIndex((item, at) => at > 0 && item.startsWith('source:')) + 1;
  return {
    code: 'ARTICLE_SAME_SOURCE',
    file: displayPath(absolute),
    ...(line > 0 ? { line } : {}),
    message: `names the same source (${source}) as ${displayPath(path.join(articlesDir, first))}, which is that source's article; this file is published as an article of its own, so the story may appear twice`,
    hint: 'If it is a copy, delete it; if it is another article, remove its "source" line (or give it its own source).',
  };
}

/**
 * Article files are made on a thread of their own, each under a temporary name and renamed: after
 * the last source is parsed, writing 10,000 of them took this thread 3.5 s through Node's promise
 * API (a write, a rename and a stat each, 16 at a time).
 */
const articleFileThread = new FileThread({ atomic: true, identify: true });

/** Temporary files of atomic writes cut short by a killed build (`.name.md.<hex>.tmp`). */
async function removeInterruptedWrites(articlesDir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(articlesDir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isFile() && /^\..+\.[0-9a-f]{12}\.tmp$/.test(entry.name)) await rm(path.join(entry.parentPath, entry.name), { force: true });
  }
}

/**
 * A source renamed or moved within the inbox (a date in its name corrected, say) takes its article
 * with it: an article file whose source is no longer in the inbox becomes the article of a new
 * source with the same bytes, keeping its URL's slug and any hand edit, rather than the text being
 * published twice. An article whose source simply left the inbox stays: the articles folder is the
 * archive, and the inbox may be emptied after a build. Costs a read only of sources new to the
 * archive, and only while it has such articles.
 */
async function adoptMovedArticles(inboxDir: string, sourceFiles: readonly string[], bySource: Map<string, ExistingArticle>): Promise<void> {
  const inInbox = new Set(sourceFiles);
  const orphansByHash = new Map<string, Array<[string, ExistingArticle]>>();
  for (const [sourcePath, article] of bySource) {
    if (inInbox.has(sourcePath) || article.sourceHash === undefined) continue;
    const orphans = orphansByHash.get(article.sourceHash) ?? [];
    orphans.push([sourcePath, article]);
    orphansByHash.set(article.sourceHash, orphans);
  }
  if (orphansByHash.size === 0) return;
  for (const sourcePath of sourceFiles) {
    if (bySource.has(sourcePath)) continue;
    const bytes = await readFile(path.join(inboxDir, sourcePath)).catch(() => undefined);
    const orphan = bytes && orphansByHash.get(sha256(bytes))?.shift();
    if (!orphan) continue;
    bySource.delete(orphan[0]);
    bySource.set(sourcePath, orphan[1]);
  }
}

/**
 * Files that are probably articles in a format ingest does not read: named, so that an article
 * dropped in as `.md` or `.docx` is not passed over in silence. Other files (images, say) may sit
 * in the inbox without a word.
 */
const OTHER_ARTICLE_FORMAT = /\.(md|markdown|text|html?|rtf|docx?|odt|pdf)$/i;

function otherArticleFormat(inboxDir: string, file: string): ProblemInput {
  const extension = path.posix.extname(file);
  return {
    code: 'INBOX_OTHER_FORMAT',
    file: displayPath(path.join(inboxDir, file)),
    message: `is a ${extension} file, not plain text (.txt), so it is not published`,
    hint: 'If it is an article, save its text as a .txt file (markup in it is shown as written, not interpreted); otherwise move it out of the inbox.',
  };
}

/** The warning for an inbox entry that looks like a source or sidecar but is not read. */
function skippedInboxEntry(inboxDir: string, entry: SkippedEntry): ProblemInput {
  const file = displayPath(path.join(inboxDir, entry.path));
  const outcome = entry.path.toLowerCase().endsWith('.json') ? 'its metadata is not read' : 'it is not published';
  switch (entry.reason) {
    case 'hidden':
      return { code: 'INBOX_HIDDEN_FILE', file, message: `is hidden (its name starts with a dot), so ${outcome}`, hint: 'Rename it without the leading dot if it is meant to be read; delete it otherwise.' };
    case 'broken-link':
      return { code: 'INBOX_BROKEN_LINK', file, message: `is a symbolic link to a file that does not exist, so ${outcome}`, hint: 'Point the link at an existing file, or put the file itself in the inbox.' };
    case 'link-loop':
      return { code: 'INBOX_BROKEN_LINK', file, message: `is a symbolic link that leads back to itself through other links (a loop), so ${outcome}`, hint: 'Point the link at the file itself (ls -l shows where each link points), or put the file itself in the inbox.' };
    case 'not-a-file':
      return { code: 'INBOX_NOT_A_FILE', file, message: `is not a regular file but a named pipe, socket or device (or a link to one), so ${outcome}`, hint: 'Put the article in the inbox as a plain .txt file.' };
    case 'link-to-folder':
      return { code: 'INBOX_LINKED_FOLDER', file, message: 'is a symbolic link to a folder, which is not followed (links can loop), so the files in it are not published', hint: 'Move or copy the folder into the inbox.' };
    case 'name-not-utf8': {
      // eslint-disable-next-line no-control-regex -- a control byte in the name is shown as ?, never sent to the terminal
      const readable = decodeWindows1252(entry.rawName!).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
      return {
        code: 'INBOX_NAME_NOT_UTF8',
        file,
        message: `is a ${entry.folder ? 'folder' : 'file'} whose name is not UTF-8 (read as Windows-1252 it is "${readable}"), so it cannot be opened by name and ${entry.folder ? 'the files in it are not published' : outcome}`,
        hint: `Rename it to a UTF-8 name ("${readable}", if that is what it says), e.g. with: convmv -r -f cp1252 -t utf8 --notest ${plainDisplayPath(inboxDir)}`,
      };
    }
    case 'unreadable-folder':
      return { code: 'INBOX_UNREADABLE_FOLDER', file, message: 'is a folder that cannot be read (permission denied), so the files in it are not published', hint: 'Give your user permission to read and enter the folder (chmod a+rx), or move it out of the inbox.' };
  }
}

/** The error for a source that cannot be read (or went away after the inbox was listed). */
function unreadableSource(file: string, reason: string): ProblemInput {
  return {
    code: 'SOURCE_UNREADABLE',
    file,
    message: `cannot be read (${reason}); it is left out, and an article it made before stays as it is`,
    hint: reason === 'permission denied'
      ? 'Give your user permission to read the file (chmod a+r), or remove it from the inbox.'
      : reason.includes('removed')
        ? 'Nothing to do if it was meant to go; build again once the inbox has stopped changing.'
        : 'Replace it with a readable copy of the article, or remove it from the inbox.',
  };
}

export async function ingest(request: IngestRequest, problems: ProblemLog): Promise<IngestResult> {
  const { inboxDir, articlesDir } = request;
  const displayInbox = plainDisplayPath(inboxDir);
  // A restart without the cache (ingestSources) reports everything again, from here.
  const problemsAtStart = problems.problems.length;
  // One walk of the inbox finds the sources and their sidecars (NAME.json, meta.jsonl).
  const listed = await listFiles(inboxDir, (name) => /\.(txt|json)$/i.test(name) || name === 'meta.jsonl' || OTHER_ARTICLE_FORMAT.test(name), (entry) =>
    // A folder that cannot be read, or a name that cannot be opened, hides sources: an error, as for a source that cannot be read.
    entry.reason === 'unreadable-folder' || entry.reason === 'name-not-utf8' ? problems.error(skippedInboxEntry(inboxDir, entry)) : problems.warn(skippedInboxEntry(inboxDir, entry)),
  );
  const inboxFiles = listed.filter((file) => {
    if (!OTHER_ARTICLE_FORMAT.test(file)) return true;
    problems.warn(otherArticleFormat(inboxDir, file));
    return false;
  });
  const sourceFiles = inboxFiles.filter((file) => file.toLowerCase().endsWith('.txt'));
  const sidecars = await loadSidecars(inboxDir, displayInbox, sourceFiles, problems, new Set(inboxFiles));
  await removeInterruptedWrites(articlesDir);
  const fileCache = await ArticleFileCache.open(articlesDir, !request.force && request.useCache !== false);
  const { bySource, others } = await readExistingArticles(articlesDir, fileCache, problems);
  await adoptMovedArticles(inboxDir, sourceFiles, bySource);
  const onDisk = new Map<string, ArticleFileSeen>(
    [...bySource.values(), ...others].map(({ file, text, parsed, known }) => [file, known ? { known } : parsed ? { text: text!, parsed } : { text: text! }]),
  );
  // Without reuse (--force, or a restart) the cache still records this run for the next.
  const cache = await IngestCache.open(articlesDir, cacheOptions(request), !request.force && request.useCache !== false);
  const pool = startParsePool(request, sourceFiles, cache);
  try {
    return await ingestSources(request, problems, { problemsAtStart, sourceFiles, sidecars, bySource, others, onDisk, fileCache, cache, pool });
  } finally {
    await pool?.close();
  }
}

interface IngestState {
  /** How many problems the log held when ingest began: a restart drops the rest, since it reports them again (inbox listing and sidecars included). */
  problemsAtStart: number;
  sourceFiles: string[];
  sidecars: Awaited<ReturnType<typeof loadSidecars>>;
  bySource: Map<string, ExistingArticle>;
  others: ExistingArticle[];
  onDisk: Map<string, ArticleFileSeen>;
  fileCache: ArticleFileCache;
  cache: IngestCache;
  pool: ParsePool | undefined;
}

async function ingestSources(request: IngestRequest, problems: ProblemLog, state: IngestState): Promise<IngestResult> {
  const { inboxDir, articlesDir } = request;
  const { sourceFiles, sidecars, bySource, others, onDisk, fileCache, cache, pool } = state;
  const displayInbox = plainDisplayPath(inboxDir);
  /** A source as messages name it (`markUnicodeForm`: two sources' names may look the same). */
  const show = (sourcePath: string) => markUnicodeForm(`${displayInbox}/${sourcePath}`);
  const results = new Map<string, IngestedSource>();
  const candidates: Candidate[] = [];
  /** The text hash of each article file as ingest leaves it, for the ingest cache. */
  const articleHashes = new Map<string, string>();

  // Sources are read a few ahead (an unchanged one is only stat'ed), then handled in order. With
  // the pool, the feeder hands sources read to the workers while they have room; the main thread
  // parses one when its turn comes and no worker took it, or while it waits for a worker's
  // answer (parse-feeder.ts). Every parse's problems are replayed in its source's turn.
  const feeder = pool ? new ParseFeeder(pool, (source, log) => parseSource(source, request, log), request.parseOn !== 'workers') : undefined;
  const toParse = (sourcePath: string, info: Stats, bytes: Uint8Array): SourceToParse => {
    const sidecar = sidecars.get(sourcePath);
    return { path: sourcePath, displayPath: show(sourcePath), bytes, mtimeMs: info.mtimeMs, ...(sidecar ? { sidecar } : {}) };
  };
  // A source that cannot be read (permissions, or removed since the inbox was listed) is left out
  // with an error naming it; the rest of the inbox is ingested.
  const sizeLimit = maxSourceBytes();
  const readSource = async (sourcePath: string, index: number) => {
    const absolute = path.join(inboxDir, sourcePath);
    try {
      const info = statSync(absolute);
      if (info.size > sizeLimit) {
        feeder?.offer(index, undefined);
        return { sourcePath, tooLarge: info.size, index };
      }
      const cached = cache.canReuse(sourcePath, info, sidecars.get(sourcePath), bySource.get(sourcePath)?.textHash);
      const bytes = cached ? undefined : await readFile(absolute);
      feeder?.offer(index, bytes && toParse(sourcePath, info, bytes));
      return { sourcePath, info, bytes, index };
    } catch (error) {
      const unreadable = unreadableReason(error);
      if (unreadable === undefined) throw error;
      feeder?.offer(index, undefined);
      return { sourcePath, unreadable, index };
    }
  };
  const brokenUnnamed = new Map(others.filter((article) => article.broken && article.sourceHash === undefined).map((article) => [article.file.toLowerCase(), article]));
  let done = 0;
  for await (const read of readAhead(sourceFiles, readSource, pool ? 64 : undefined)) {
    request.onProgress?.(done++, sourceFiles.length);
    const { sourcePath, index } = read;
    const shown = show(sourcePath);
    const existingArticle = bySource.get(sourcePath);
    if (read.unreadable !== undefined || read.tooLarge !== undefined) {
      problems.error(read.tooLarge !== undefined ? sourceTooLarge(shown, read.tooLarge, sizeLimit) : unreadableSource(shown, read.unreadable!));
      results.set(sourcePath, { source: sourcePath, status: 'refused', removed: [] });
      if (existingArticle) others.push(existingArticle); // its URL stays taken, its file published
      continue;
    }
    const { info, bytes } = read;
    const reused = bytes === undefined ? cache.reuse(sourcePath, info, sidecars.get(sourcePath), existingArticle?.textHash, problems) : undefined;
    if (reused) {
      results.set(sourcePath, reused);
      if (existingArticle && reused.status !== 'duplicate') {
        others.push(existingArticle); // its URL stays taken
        articleHashes.set(existingArticle.file, existingArticle.textHash);
      }
      continue;
    }
    const sidecar = sidecars.get(sourcePath);
    let parsed: ParsedArticle | undefined;
    // Problems the parse files under another name (a sidecar's "date" or "title") are the
    // source's too: the cache must replay them when it reuses the source.
    let parseStart: number;
    if (feeder && bytes) {
      const answer: PooledParse = await feeder.take(index);
      parseStart = problems.problems.length;
      replayProblems(answer, problems);
      parsed = answer.parsed;
    } else {
      const read = bytes ?? (await readFile(path.join(inboxDir, sourcePath)).catch((error: unknown) => {
        const unreadable = unreadableReason(error);
        if (unreadable === undefined) throw error;
        problems.error(unreadableSource(shown, unreadable));
        return undefined;
      }));
      parseStart = problems.problems.length;
      parsed = read && parseSource(toParse(sourcePath, info, read), request, problems);
      if (!read && existingArticle) others.push(existingArticle);
    }
    if (!parsed) {
      results.set(sourcePath, { source: sourcePath, status: 'refused', removed: [] });
      continue;
    }
    cache.parsed(sourcePath, info, sidecar, parsed.duplicateKey, problems.problems.slice(parseStart).filter((problem) => problem.file !== shown));
    const existing = bySource.get(sourcePath);
    // Slug and a file-time date are stable once written: a fresh clone has new file times. A
    // date after the build was a wrong clock's (a clone's times are the present, never later):
    // the file's time, set right as DATE_IN_FUTURE's hint says, replaces it.
    if (existing?.date && existing.dateSource === 'file-mtime' && parsed.frontmatter.dateSource === 'file-mtime' && !isAfterBuild(existing.date, request.now ?? Date.now())) {
      // The same instant, in the zone now configured, as every date is recorded (and so in the URL year a build from nothing gives).
      const kept = parseDateString(existing.date, request.timeZone);
      parsed.frontmatter.date = kept ? formatIsoDate(kept) : existing.date;
      // The file's new time is not the article's date: a warning that it is in the future is not the article's either.
      const future = problems.problems.findIndex((problem, at) => at >= parseStart && problem.code === 'DATE_IN_FUTURE' && problem.file === shown);
      if (future !== -1) problems.problems.splice(future, 1);
    }
    const slug = existing?.slug ?? slugify(parsed.frontmatter.title, parsed.frontmatter.source.hash.slice(7, 15));
    const year = parsed.frontmatter.date.slice(0, 4);
    // A broken file naming no source (emptied, its frontmatter deleted, garbled) at the very path
    // this source's article would have is that article, as ingest named it: kept, not written
    // again under a suffix, which would publish the story twice once the file is restored.
    const unnamed = existing ? undefined : brokenUnnamed.get(`${year}/${slug}.md`.toLowerCase());
    if (unnamed) brokenUnnamed.delete(`${year}/${slug}.md`.toLowerCase());
    candidates.push({ sourcePath, displayPath: shown, parsed, slug, year, ...(existing ?? unnamed ? { existing: (existing ?? unnamed)! } : {}) });
  }

  if (cache.conflict) {
    problems.problems.length = state.problemsAtStart;
    await pool?.close(); // the run that starts over decides on its own pool
    return ingest({ ...request, useCache: false }, problems);
  }
  const unique = dropDuplicates(candidates, results, problems, inboxDir);
  // An article whose source left the inbox stays published: its URL is taken too, or a new source
  // with its headline would write over its file.
  const inInbox = new Set(sourceFiles);
  const left = [...bySource].filter(([sourcePath]) => !inInbox.has(sourcePath)).map(([, article]) => article);
  // A hand-edited article file is kept as it is, so its article cannot be given another URL: it
  // holds its file's, as any file does. A slug edited to another article's is the render stage's
  // to report (ARTICLE_URL_TAKEN, naming the edited file), the same in a rebuild as from nothing.
  const keptEdit = (candidate: Candidate) => !request.force && candidate.existing !== undefined && !candidate.existing.untouched;
  const claimed = new Set(candidates.map((candidate) => candidate.existing));
  const held = [...others.filter((article) => !claimed.has(article)), ...left, ...unique.filter(keptEdit).map((candidate) => candidate.existing!)];
  assignDistinctUrls(unique.filter((candidate) => !keptEdit(candidate)), held.map((article) => article.file), problems, (file) => displayPath(path.join(articlesDir, file)));

  /** Article files this run writes, with their text; and files left behind by an article whose path changed. */
  const written = new Map<string, string>();
  const movedFrom: string[] = [];
  for (const candidate of unique) {
    const frontmatter: ArticleFrontmatter = { ...candidate.parsed.frontmatter, slug: candidate.slug };
    const articleFile = `${candidate.year}/${candidate.slug}.md`;
    const text = writeArticleFile(frontmatter, candidate.parsed.body);
    const hash = textHash(text);
    articleHashes.set(articleFile, hash);
    const existing = candidate.existing;
    const result: IngestedSource = { source: candidate.sourcePath, article: articleFile, status: 'written', removed: candidate.parsed.removed };
    results.set(candidate.sourcePath, result);

    if (existing && !request.force && !existing.untouched) {
      result.status = 'kept-hand-edit';
      result.article = existing.file;
      articleHashes.set(existing.file, existing.textHash);
      if (existing.sourceHash !== frontmatter.source.hash && !(existing.broken && existing.sourceHash === undefined)) {
        problems.warn({
          code: 'SOURCE_CHANGED_AFTER_EDIT',
          file: candidate.displayPath,
          message: `changed since ${displayPath(path.join(articlesDir, existing.file))} was edited by hand; the hand-edited article is kept`,
          hint: 'Merge the change into the article file by hand, or run ingest with --force to regenerate it (losing the edits).',
        });
      }
      continue;
    }
    if (existing?.file === articleFile && existing.textHash === hash) {
      result.status = 'unchanged';
      continue;
    }
    if (existing && existing.file !== articleFile) {
      onDisk.delete(existing.file);
      fileCache.forget(existing.file);
      movedFrom.push(existing.file);
    }
    written.set(articleFile, text);
    if (articleFileThread.send(articlesDir, articleFile, text)) await articleFileThread.room();
  }
  // Identified once written, for the article-file cache (recorded by the load stage, which parses them).
  const identities = await articleFileThread.flush(articlesDir);
  for (const [articleFile, text] of written) onDisk.set(articleFile, { text, info: identities.get(articleFile)! });
  // Removed once the article's new file is there (a file this run wrote is never one of them).
  for (const file of movedFrom) {
    if (written.has(file)) continue;
    await rm(path.join(articlesDir, file), { force: true });
    // A year folder its last article left is removed too, as a build from nothing would not have it.
    await rmdir(path.dirname(path.join(articlesDir, file))).catch(() => undefined);
  }

  const sources = sourceFiles.map((source) => results.get(source)!).filter(Boolean);
  await cache.save(sources, articleHashes, problems, show);
  return {
    sources,
    cache: cache.stats,
    articleFiles: onDisk,
    articleFileCache: fileCache,
    articleFileCounts: fileCache.stats,
    parse: { workers: pool?.size ?? 0, inWorkers: pool?.parsed ?? 0 },
  };
}

/** Worker threads to parse on, when `parseOn` asks for them or the sources to parse pay for their start. */
function startParsePool(request: IngestRequest, sourceFiles: string[], cache: IngestCache): ParsePool | undefined {
  const parseOn = request.parseOn ?? 'auto';
  // At least two, so that answers can arrive out of order, as they do on a machine with more cores.
  if (parseOn === 'workers') return new ParsePool(request, Math.max(2, defaultPoolSize()));
  if (parseOn === 'main' || defaultPoolSize() < 1) return undefined;
  // Sources the cache has never seen will be parsed (changed ones too, but cannot be told without a stat).
  const unseen = sourceFiles.filter((source) => !cache.knows(source)).length;
  return unseen >= PARSE_POOL_THRESHOLD ? new ParsePool(request) : undefined;
}

/**
 * What the cache's validity depends on besides the code: the options (rules as text, the entity
 * rules as sorted entries, so an edited entities.json re-parses every source), and the working
 * directory paths in messages are relative to.
 */
function cacheOptions(request: IngestRequest): string {
  const { inboxDir, timeZone, language, rules, entityRules } = request;
  return JSON.stringify({ inboxDir, timeZone, language, rules, entityRules: entityRules ?? null, cwd: process.cwd() }, (_key, value: unknown) => {
    if (value instanceof RegExp) return value.toString();
    if (value instanceof Map || value instanceof Set) return [...(value as Iterable<unknown>)].map((item) => JSON.stringify(item)).sort();
    return value;
  });
}

/** How a source's name stands to the file it names: a symbolic link or the file itself, and which file. */
interface SourceIdentity {
  link: boolean;
  file: string;
}

/**
 * The same article under two names: one is published, the others reported. The one that already
 * has an article file keeps it (its URL, and any hand edit in it, stay: a copy dropped in later
 * that sorts first must not take them over); else a file itself rather than a symbolic link to
 * it (or to a copy), whose name is only another way to reach it; else the first by path.
 * Whether a name is a link is asked only of sources with the same text, so costs nothing else.
 */
function dropDuplicates(candidates: Candidate[], results: Map<string, IngestedSource>, problems: ProblemLog, inboxDir: string): Candidate[] {
  const groups = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.parsed.duplicateKey;
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  const identities = new Map<string, SourceIdentity | undefined>();
  const identityOf = (candidate: Candidate): SourceIdentity | undefined => {
    if (!identities.has(candidate.sourcePath)) {
      const absolute = path.join(inboxDir, candidate.sourcePath);
      try {
        const target = statSync(absolute);
        identities.set(candidate.sourcePath, { link: lstatSync(absolute).isSymbolicLink(), file: `${target.dev}:${target.ino}` });
      } catch {
        identities.set(candidate.sourcePath, undefined); // gone since it was read: judged by its name alone
      }
    }
    return identities.get(candidate.sourcePath);
  };
  const rank = (candidate: Candidate) => (candidate.existing ? 0 : 2) + (identityOf(candidate)?.link ? 1 : 0);
  const dropped = new Set<Candidate>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    // Candidates come in path order, and the sort is stable: the first by path among equals.
    const [kept, ...others] = [...group].sort((a, b) => rank(a) - rank(b));
    for (const candidate of others) {
      dropped.add(candidate);
      const [link, target] = [identityOf(candidate), identityOf(kept!)];
      const linkToKept = link?.link === true && link.file === target?.file;
      problems.warn({
        code: 'DUPLICATE_ARTICLE',
        file: candidate.displayPath,
        message: linkToKept
          ? `is a symbolic link to ${kept!.displayPath}, which is published under its own name`
          : `has the same text as ${kept!.displayPath}; only ${kept!.displayPath} is published${
              candidate.parsed.frontmatter.title === kept!.parsed.frontmatter.title
                ? ''
                : ` (under its headline "${kept!.parsed.frontmatter.title}"; this file's headline "${candidate.parsed.frontmatter.title}" is not)`
            }`,
        hint: linkToKept
          ? 'Remove the link from the inbox: the file it points to is read already.'
          : 'Remove one of the two files from the inbox (or change its text if they are really different articles).',
      });
      results.set(candidate.sourcePath, { source: candidate.sourcePath, status: 'duplicate', removed: [] });
    }
  }
  return candidates.filter((candidate) => !dropped.has(candidate));
}
