// Every file of the site that the build writes itself goes through here (pages, feeds, sitemaps,
// assets), into the staging folder, made on a thread of its own (src/file-thread.ts). Against the
// previous site's manifest (an incremental build), a file whose content is unchanged is not
// written at all, and an article page rendered from the same inputs is not even rendered: both
// stay where they are in the output folder, and only what this build wrote is moved there
// (src/output/commit.ts).

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { FileThread } from '../file-thread.ts';
import type { FileRecord, SiteManifest } from './manifest.ts';

export interface WrittenFacts {
  /** Fingerprint of what the file was rendered from: it is then compared by this, not by content. */
  input?: string;
  /** `indexedContentHash` of a page Pagefind indexes. */
  indexed?: string;
}

function contentHash(content: string | Uint8Array): string {
  return createHash('sha1').update(content).digest('hex');
}

/** The thread that makes the site's files, shared by every build of the process (each writes its own staging folder). */
const siteFiles = new FileThread();

export class OutputWriter {
  readonly #stagingDir: string;
  readonly #outDir: string;
  readonly #previous: SiteManifest | undefined;
  readonly #records = new Map<string, FileRecord>();
  readonly #staged = new Set<string>();

  /**
   * Files go to `stagingDir`. With `previous` (the manifest of the site now in `outDir`, which
   * this build will be committed into), unchanged files are left in `outDir` instead.
   */
  constructor(stagingDir: string, outDir: string, previous?: SiteManifest) {
    this.#stagingDir = stagingDir;
    this.#outDir = outDir;
    this.#previous = previous;
  }

  get incremental(): boolean {
    return this.#previous !== undefined;
  }

  get stagingDir(): string {
    return this.#stagingDir;
  }

  /**
   * Keeps the previous site's file at `sitePath` if it was rendered from `input`; then the file
   * need not be rendered. False when it must be (a full build, a new page, different inputs).
   */
  keepIfRenderedFrom(sitePath: string, input: string): boolean {
    const before = this.#previous?.files.get(sitePath);
    if (before === undefined || before.input !== input || !this.#stillThere(sitePath)) return false;
    this.#records.set(sitePath, before);
    return true;
  }

  /** Writes a file of the site (a `/`-separated path from the site root) unless the output already has it. */
  async write(sitePath: string, content: string | Uint8Array, facts: WrittenFacts = {}): Promise<void> {
    const record: FileRecord = { ...facts };
    if (facts.input === undefined) {
      record.hash = contentHash(content);
      const before = this.#previous?.files.get(sitePath);
      if (before?.hash === record.hash && this.#stillThere(sitePath)) {
        this.#records.set(sitePath, record);
        return;
      }
    }
    this.#records.set(sitePath, record);
    this.#staged.add(sitePath);
    if (siteFiles.send(this.#stagingDir, sitePath, content)) await siteFiles.room();
  }

  /**
   * Whether the previous site's file is still in the output: one removed since (by hand, or by a
   * deploy tool's sync) is written again, not kept as missing. A stat a kept file (a few µs).
   */
  #stillThere(sitePath: string): boolean {
    return existsSync(path.join(this.#outDir, sitePath));
  }

  /** Waits for the writes in flight; throws the first that failed. */
  async drain(): Promise<void> {
    await siteFiles.flush(this.#stagingDir);
  }

  /**
   * Puts the previous site's file at `sitePath` back in place of the one this build wrote (an
   * incremental build): the staged copy is removed and the previous record kept, so the commit
   * leaves the output's file as it is. Nothing happens when the previous site had no such file.
   */
  async keepPrevious(sitePath: string): Promise<void> {
    const before = this.#previous?.files.get(sitePath);
    if (before === undefined || !this.#staged.has(sitePath)) return;
    await this.drain();
    this.#staged.delete(sitePath);
    this.#records.set(sitePath, before);
    await rm(path.join(this.#stagingDir, sitePath), { force: true });
  }

  /** The previous site's record of the file at `sitePath` (an incremental build), if it had one. */
  previousRecord(sitePath: string): FileRecord | undefined {
    return this.#previous?.files.get(sitePath);
  }

  /** The previous site's files (an incremental build; none otherwise), by site path. */
  get previousRecords(): ReadonlyMap<string, FileRecord> {
    return this.#previous?.files ?? new Map();
  }

  /** The file this build wrote or kept at `sitePath`, if any. */
  record(sitePath: string): FileRecord | undefined {
    return this.#records.get(sitePath);
  }

  /** Where the new site's file is now: in the staging folder if this build wrote it, else in the output. */
  fileOf(sitePath: string): string {
    return path.join(this.#staged.has(sitePath) || !this.incremental ? this.#stagingDir : this.#outDir, sitePath);
  }

  /** Every file of the new site, written or kept, by site path. */
  get records(): ReadonlyMap<string, FileRecord> {
    return this.#records;
  }

  /** True when this build wrote the file at `sitePath`, false when it kept the previous site's. */
  wrote(sitePath: string): boolean {
    return this.#staged.has(sitePath);
  }

  /** How many files this build wrote (the rest were kept). */
  get writtenCount(): number {
    return this.#staged.size;
  }

  /** Files the previous site had and the new one does not: removed when the build is committed. */
  retired(): string[] {
    if (!this.#previous) return [];
    return [...this.#previous.files.keys()].filter((sitePath) => !this.#records.has(sitePath));
  }

  manifest(site: string): SiteManifest {
    return { site, files: new Map(this.#records) };
  }
}
