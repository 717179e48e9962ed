// Lets ingest skip sources that have not changed since the last run: a manifest beside the
// article files records, per source, the file's size, times (modification and change) and inode, its sidecar entry, the
// article file written from it (by content hash) and its outcome (written, hand edit kept,
// duplicate) with every problem reported about it, so an unchanged source is neither read nor
// parsed again, yet reports the same.

import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem, ProblemLog } from '../problems.ts';
import { textHash } from './article-file-cache.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import type { IngestedSource } from './ingest.ts';

/**
 * Problems about a decision the run made when it wrote the article, not about the source: the
 * URL a colliding headline was given (distinct-urls.ts) is the article file's slug from then on,
 * so a later run, which reads the slug from the file, has nothing to report, and neither may a
 * run that replays the source's outcome.
 */
const DECIDED_ONCE = new Set(['SLUG_COLLISION']);

/** Hidden, so listings of the articles folder skip it. */
export const INGEST_CACHE_FILE = '.broadsheet/ingest-cache.json';
const FORMAT = 3;

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  /** The change time, which no tool sets back as `touch -d` or `rsync -t` set the modification time. */
  ctimeMs: number;
  sidecar: string;
  article: string;
  articleHash: string;
  duplicateKey: string;
  result: IngestedSource;
  problems: Problem[];
  /** Problems its parse filed under another file: the sidecar that gave a doubtful value. */
  elsewhere: Problem[];
}

interface Pending {
  info: Stats;
  sidecar: string;
  duplicateKey: string;
  problems: Problem[];
  elsewhere: Problem[];
}

/**
 * A warning judged against the date of the run that filed it (DATE_IN_FUTURE: "after this build's
 * date"). Replayed, it would name that run's date, and go on after the article's date has passed:
 * a source that has one is parsed again, to be judged against this run's date.
 */
const judgedByRunDate = (problem: Problem) => problem.code === 'DATE_IN_FUTURE';

const hash = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Hash of the ingest stage's own source files (entity extraction's included), so a new parser never reuses old results. */
async function codeHash(options: unknown): Promise<string> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const files = (await readdir(dir, { recursive: true })).filter((name) => name.endsWith('.ts')).sort();
  const digest = createHash('sha256').update(JSON.stringify(options));
  for (const file of files) digest.update(file).update(await readFile(path.join(dir, file)));
  return digest.digest('hex');
}

export interface IngestCacheStats {
  /** Sources taken from the cache: not read, not parsed. */
  reused: number;
  /** Sources read and parsed in this run. */
  parsed: number;
}

export class IngestCache {
  readonly stats: IngestCacheStats = { reused: 0, parsed: 0 };
  private readonly pending = new Map<string, Pending>();
  private readonly reusedKeys = new Set<string>();
  /** Keys of reused sources that were published (not duplicates). */
  private readonly reusedKeepers = new Set<string>();
  private readonly reusedDuplicates = new Set<string>();
  private readonly parsedKeys = new Set<string>();

  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly previous: Record<string, Entry>,
    /** The file as read, so an unchanged cache is not written again (a watcher would see a change). */
    private readonly savedText: string,
  ) {}

  /** The cache for an articles folder; with `reuse` false it only records this run. */
  static async open(articlesDir: string, options: unknown, reuse = true): Promise<IngestCache> {
    const file = path.join(articlesDir, INGEST_CACHE_FILE);
    const code = await codeHash(options);
    const { entries, text } = await readCacheFile<Entry>(file, FORMAT, code, reuse);
    return new IngestCache(file, code, entries, text);
  }

  /**
   * The recorded outcome for a source whose file, sidecar entry and article file (by `textHash`)
   * are exactly as the last run left them; its problems are added to `problems` as if it had been parsed.
   */
  reuse(source: string, info: Stats, sidecar: unknown, articleHash: string | undefined, problems: ProblemLog): IngestedSource | undefined {
    const entry = this.previous[source];
    if (!entry || !this.canReuse(source, info, sidecar, articleHash)) return undefined;
    this.stats.reused++;
    this.reusedKeys.add(entry.duplicateKey);
    (entry.result.status === 'duplicate' ? this.reusedDuplicates : this.reusedKeepers).add(entry.duplicateKey);
    problems.problems.push(...entry.elsewhere, ...entry.problems);
    const result: IngestedSource = { ...entry.result };
    this.pending.set(source, { info, sidecar: entry.sidecar, duplicateKey: entry.duplicateKey, problems: entry.problems, elsewhere: entry.elsewhere });
    return result;
  }

  /**
   * True when a parsed source has the same text as a reused one: which of the two is the
   * duplicate depends on both, so the run must start over without the cache (rare).
   */
  get conflict(): boolean {
    for (const key of this.parsedKeys) if (this.reusedKeys.has(key)) return true;
    // A duplicate stays one only while the article it copies is still there, unchanged.
    for (const key of this.reusedDuplicates) if (!this.reusedKeepers.has(key)) return true;
    return false;
  }

  /** Whether the last run recorded this source at all (it may still have changed since). */
  knows(source: string): boolean {
    return this.previous[source] !== undefined;
  }

  /** Whether `reuse` would succeed (no side effects): the source need not even be read. */
  canReuse(source: string, info: Stats, sidecar: unknown, articleHash: string | undefined): boolean {
    const entry = this.previous[source];
    return (
      entry !== undefined &&
      entry.size === info.size &&
      entry.mtimeMs === info.mtimeMs &&
      entry.ino === info.ino &&
      entry.ctimeMs === info.ctimeMs &&
      entry.sidecar === hash(JSON.stringify(sidecar ?? null)) &&
      !entry.problems.some(judgedByRunDate) &&
      !entry.elsewhere.some(judgedByRunDate) &&
      // A duplicate has no article file of its own.
      (entry.result.status === 'duplicate' || (articleHash !== undefined && entry.articleHash === articleHash))
    );
  }

  /**
   * A source that was read and parsed: remembered, to be recorded once its article is written.
   * `elsewhere` holds the problems its parse filed under another file than its own.
   */
  parsed(source: string, info: Stats, sidecar: unknown, duplicateKey: string, elsewhere: Problem[] = []): void {
    this.stats.parsed++;
    const key = duplicateKey === '' ? '' : hash(duplicateKey);
    if (key !== '') this.parsedKeys.add(key);
    this.pending.set(source, { info, sidecar: hash(JSON.stringify(sidecar ?? null)), duplicateKey: key, problems: [], elsewhere });
  }

  /**
   * Records the run's outcome: sources whose article file is now what ingest wrote (`textHash`
   * by article file), and duplicates. Each keeps every problem reported about it (by its displayed path).
   */
  async save(results: IngestedSource[], articleHashes: Map<string, string>, problems: ProblemLog, displayOf: (source: string) => string): Promise<void> {
    const bySource = new Map<string, Problem[]>();
    for (const problem of problems.problems) {
      const found = bySource.get(problem.file);
      if (found) found.push(problem);
      else bySource.set(problem.file, [problem]);
    }
    const entries: Record<string, Entry> = {};
    for (const result of results) {
      const pending = this.pending.get(result.source);
      const articleHash = result.article === undefined ? (result.status === 'duplicate' ? textHash('') : undefined) : articleHashes.get(result.article);
      if (!pending || articleHash === undefined || result.status === 'refused') continue;
      pending.problems = (bySource.get(displayOf(result.source)) ?? []).filter((problem) => !DECIDED_ONCE.has(problem.code));
      entries[result.source] = {
        size: pending.info.size,
        mtimeMs: pending.info.mtimeMs,
        ino: pending.info.ino,
        ctimeMs: pending.info.ctimeMs,
        sidecar: pending.sidecar,
        article: result.article!,
        articleHash,
        duplicateKey: pending.duplicateKey,
        // What a later run reports for it: an article written now is unchanged then.
        result: { ...result, status: result.status === 'written' ? 'unchanged' : result.status },
        problems: pending.problems,
        elsewhere: pending.elsewhere,
      };
    }
    await writeCacheFile(this.file, FORMAT, this.code, entries, this.savedText);
  }
}
