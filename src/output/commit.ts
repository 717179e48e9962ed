// An incremental build leaves unchanged files where they are and moves only what it wrote into
// the output folder. So that a build killed half-way through the moves never leaves a mix of two
// sites, the moves and removals are first written to a journal beside the output folder; the
// next build (under the same lock) replays a journal it finds before doing anything else.

import { readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { FolderMaker, makeFolders, writeFileAtomic, WritePool } from '../fs-utils.ts';
import { MANIFEST_FILE } from './manifest.ts';
import { finishBeforeSignals } from './signals.ts';

export interface CommitPlan {
  /** Files of the output to remove (`/`-separated paths from the site root). */
  removeFiles: string[];
  /** Folders of the output to remove with everything in them. */
  removeFolders: string[];
}

interface Journal extends CommitPlan {
  staging: string;
  /** Files to move from the staging folder into the output, the site's manifest last. */
  moves: string[];
}

const JOURNAL_PREFIX = (outDir: string) => `.${path.basename(outDir)}.commit-`;

/** Whether `name`, in the folder holding `outDir`, is a commit journal of `outDir` (any build's). */
export function isCommitJournal(outDir: string, name: string): boolean {
  return name.startsWith(JOURNAL_PREFIX(outDir)) && name.endsWith('.json');
}

function journalFileFor(outDir: string): string {
  return path.join(path.dirname(outDir), `${JOURNAL_PREFIX(outDir)}${process.pid}.json`);
}

/** Every file below `dir`, as `/`-separated relative paths, hidden ones included. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Removes `dir` and then its parents up to (not including) `root`, while they are empty. */
async function removeEmptyFolders(dir: string, root: string): Promise<void> {
  for (let current = dir; current.startsWith(`${root}${path.sep}`); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (or already gone): its parents are not empty either
    }
  }
}

/** Moves a file into place, replacing whatever is at the target (a file, or a folder of an older site). */
async function moveInto(from: string, to: string, folders: FolderMaker): Promise<void> {
  try {
    await folders.ensure(path.dirname(to));
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Replaying a journal: this move was done before the build was killed.
    if (code === 'ENOENT' && !(await exists(from))) return;
    if (code !== 'EISDIR' && code !== 'ENOTDIR' && code !== 'EEXIST' && code !== 'ENOTEMPTY') throw error;
    // A folder where the file goes, or a file where a folder goes: the older site's shape gives way.
    await clearPath(path.dirname(to));
    await rm(to, { recursive: true, force: true });
    await rename(from, to);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Makes `dir` a folder, removing a file that stands where it, or one of its parents, should be. */
async function clearPath(dir: string): Promise<void> {
  const chain: string[] = [];
  for (let current = dir; current !== path.dirname(current); current = path.dirname(current)) chain.unshift(current);
  for (const folder of chain) {
    const info = await stat(folder).catch(() => undefined);
    if (info && !info.isDirectory()) await rm(folder, { force: true });
  }
  await makeFolders(dir);
}

async function apply(outDir: string, journal: Journal): Promise<void> {
  const folders = new FolderMaker();
  const pool = new WritePool(32);
  const pageMoves = journal.moves.filter((file) => file !== MANIFEST_FILE);
  for (const file of pageMoves) await pool.run(() => moveInto(path.join(journal.staging, file), path.join(outDir, file), folders));
  await pool.drain();
  for (const folder of journal.removeFolders) await pool.run(() => rm(path.join(outDir, folder), { recursive: true, force: true }));
  for (const file of journal.removeFiles) {
    await pool.run(async () => {
      const target = path.join(outDir, file);
      await rm(target, { force: true });
      await removeEmptyFolders(path.dirname(target), outDir);
    });
  }
  await pool.drain();
  if (journal.moves.includes(MANIFEST_FILE)) await moveInto(path.join(journal.staging, MANIFEST_FILE), path.join(outDir, MANIFEST_FILE), folders);
}

/**
 * Moves every file in `stagingDir` into `outDir` and removes what `plan` says, recorded first in a
 * journal so that a killed commit is finished by the next build; then removes the staging folder.
 * Ctrl-C and SIGTERM wait until the moves are done.
 */
export async function commitIntoPlace(stagingDir: string, outDir: string, plan: CommitPlan): Promise<void> {
  const journal: Journal = { staging: stagingDir, moves: await filesBelow(stagingDir), ...plan };
  const journalFile = journalFileFor(outDir);
  await finishBeforeSignals(async () => {
    await writeFileAtomic(journalFile, JSON.stringify(journal));
    await apply(outDir, journal);
    await rm(journalFile, { force: true });
  });
  await rm(stagingDir, { recursive: true, force: true });
}

/** Finishes commits that a killed build left half done (called while holding the build lock). */
export async function replayCommits(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch {
    return;
  }
  for (const name of names.filter((candidate) => isCommitJournal(outDir, candidate)).sort()) {
    const journalFile = path.join(parent, name);
    let journal: Journal | undefined;
    try {
      journal = JSON.parse(await readFile(journalFile, 'utf8')) as Journal;
    } catch {
      journal = undefined; // written atomically, so unreadable means it is not a journal of ours
    }
    if (journal && Array.isArray(journal.moves) && Array.isArray(journal.removeFiles) && Array.isArray(journal.removeFolders) && typeof journal.staging === 'string') {
      await apply(outDir, journal);
      await rm(journal.staging, { recursive: true, force: true });
    }
    await rm(journalFile, { force: true });
  }
}
