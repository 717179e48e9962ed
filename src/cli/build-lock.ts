// One build at a time per output folder and per articles folder: `<out>.lock` and
// `<articles>.lock`, created with O_EXCL and holding the builder's pid and host. A lock left by a build that no longer runs (killed) is taken over.

import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeFolders } from '../fs-utils.ts';

/** The folder a lock guards: the site (`--out`) or the article files (`--articles`). */
export type LockedFolder = 'output' | 'articles';

export interface BuildLock {
  file: string;
  release(): void;
}

/** Why a lock could not be taken: held by a running build, or the folder cannot be written. */
export class LockError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly hint: string,
    readonly errno?: string,
    /** Which folder the lock guards, for the problem's code. */
    readonly folder: LockedFolder = 'output',
  ) {
    super(message);
    this.name = 'LockError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  started: string;
  /** When the process started, as the kernel counts (Linux): tells a reused process id apart. */
  processStart?: string;
}

/**
 * When process `pid` started, in clock ticks since boot (field 22 of /proc/PID/stat, after the
 * parenthesised name, which may hold spaces); undefined where there is no /proc.
 */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function lockFileFor(outDir: string): string {
  return path.join(path.dirname(outDir), `${path.basename(outDir)}.lock`);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? (owner as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock is stale when its owner ran on this machine and is gone (its process id free, or taken
 * by a process started since: ids are reused, soon in a container), or the file is unreadable.
 */
function isStale(owner: LockOwner | undefined): boolean {
  if (!owner) return true;
  if (owner.host !== os.hostname() || owner.pid === process.pid) return false;
  if (!isProcessAlive(owner.pid)) return true;
  const start = owner.processStart === undefined ? undefined : processStartOf(owner.pid);
  return start !== undefined && start !== owner.processStart;
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    const processStart = processStartOf(process.pid);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), ...(processStart === undefined ? {} : { processStart }) };
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock for `outDir` (the output folder, or the articles folder as `folder` says),
 * waiting up to `waitMs` for a running build to finish. Throws LockError when another build
 * still holds it, or when the lock cannot be written at all; its message names the folder.
 */
export async function acquireBuildLock(outDir: string, waitMs = 0, folder: LockedFolder = 'output'): Promise<BuildLock> {
  const file = lockFileFor(outDir);
  const deadline = Date.now() + waitMs;
  try {
    await makeFolders(path.dirname(file));
    for (;;) {
      if (tryCreate(file)) break;
      const owner = readOwner(file);
      // A lock file being written this instant reads as empty: give it a moment before judging.
      if (!owner) await sleep(50);
      if (isStale(readOwner(file))) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() >= deadline) {
        const holder = readOwner(file);
        throw new LockError(
          `another build (process ${holder?.pid ?? 'unknown'}${holder && holder.host !== os.hostname() ? ` on ${holder.host}` : ''}, started ${holder?.started ?? 'at an unknown time'}) is writing this ${folder} folder; this build did nothing`,
          file,
          'Wait for the other build to finish and run this one again. If no build is running, delete the lock file.',
          undefined,
          folder,
        );
      }
      await sleep(200);
    }
  } catch (error) {
    if (error instanceof LockError) throw error;
    const errno = (error as NodeJS.ErrnoException).code;
    throw new LockError(
      `cannot create the build's lock file beside the ${folder} folder (${errno ?? (error as Error).message})`,
      file,
      `Check that ${path.dirname(file)} exists and can be written, or choose another ${folder === 'output' ? '--out' : '--articles'} folder.`,
      errno,
      folder,
    );
  }
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // Only remove our own lock (a stale-lock takeover could in theory have replaced it).
      if (readOwner(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}
