// Where the folders of pages Pagefind indexes are made. Each part's pages are written to a folder,
// indexed, and removed a minute later: two inodes a page (a folder and its index.html) made and
// deleted for nothing but Pagefind's reading. On a disk that is the slowest part of feeding a
// part (removing 8,278 such folders took 5 s here), and making that many inodes right after as
// many were deleted is dear on ext4. So, where the machine has a file system in memory with room
// to spare (Linux's /dev/shm), the folders are made there; elsewhere beside the staging folder,
// where the next build's recovery removes a killed build's.

import { existsSync, mkdirSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

/** The file system type of tmpfs in statfs (Linux's TMPFS_MAGIC). */
const TMPFS_MAGIC = 0x01021994;

/** Space a page may take in the memory file system (its folder, and its file in whole 4 KiB pages), with room to spare. */
export const SCRATCH_BYTES_PER_PAGE = 32 * 1024;

/** What is left free in the memory file system beyond the build's own folders, for everything else the machine keeps there. */
export const SCRATCH_RESERVE_BYTES = 512 * 2 ** 20;

/** Names of this module's folders in the memory file system: the owner's process ID, then a number. */
const FOLDER_PREFIX = 'broadsheet-pages-';

export interface ScratchOptions {
  /**
   * `BROADSHEET_MEMORY_SCRATCH`: `0` keeps the folders on disk; a folder's path puts them there
   * instead of /dev/shm, on whatever file system it is (to try another, or to test).
   */
  env?: NodeJS.ProcessEnv;
}

let made = 0;

export class PageScratch {
  /** The folder every part's page folder goes in. */
  readonly root: string;
  /** Whether `root` is in memory rather than beside the staging folder. */
  readonly inMemory: boolean;

  private constructor(root: string, inMemory: boolean) {
    this.root = root;
    this.inMemory = inMemory;
  }

  /**
   * Page folders for a build whose largest parts at once hold `pagesAtOnce` pages: in memory when
   * there is room for them and the reserve, otherwise in `diskDir`. Folders left in memory by
   * builds that no longer run are removed first.
   */
  static open(diskDir: string, pagesAtOnce: number, options: ScratchOptions = {}): PageScratch {
    const setting = (options.env ?? process.env).BROADSHEET_MEMORY_SCRATCH?.trim() || undefined;
    const memoryRoot = setting ?? '/dev/shm';
    if (setting === '0' || !isRoomyMemoryFs(memoryRoot, pagesAtOnce * SCRATCH_BYTES_PER_PAGE + SCRATCH_RESERVE_BYTES, setting !== undefined)) {
      return PageScratch.inFolder(diskDir);
    }
    removeAbandoned(memoryRoot);
    const root = path.join(memoryRoot, `${FOLDER_PREFIX}${process.pid}-${++made}`);
    try {
      mkdirSync(root, { recursive: true });
    } catch {
      return PageScratch.inFolder(diskDir);
    }
    return new PageScratch(root, true);
  }

  /** Page folders in `dir` (on disk), for a caller that chooses none. */
  static inFolder(dir: string): PageScratch {
    return new PageScratch(dir, false);
  }

  /** The folder for one part's pages (made and removed by whoever writes them). */
  dirFor(name: string): string {
    return path.join(this.root, name);
  }

  /** Removes the folders in memory; those on disk go with the folder they are in. */
  async remove(): Promise<void> {
    if (this.inMemory) await rm(this.root, { recursive: true, force: true });
  }

  /** `remove`, synchronously: for a build that a signal ends. */
  removeSync(): void {
    if (this.inMemory) rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * Whether `root` is a memory file system (tmpfs) with `bytes` free. A root the user named need
 * only have the room.
 */
function isRoomyMemoryFs(root: string, bytes: number, anyFileSystem: boolean): boolean {
  if (!anyFileSystem && process.platform !== 'linux') return false;
  try {
    if (!existsSync(root)) return false;
    const stats = statfsSync(root);
    if (!anyFileSystem && stats.type !== TMPFS_MAGIC) return false;
    return stats.bavail * stats.bsize >= bytes;
  } catch {
    return false;
  }
}

/** Removes this module's folders whose build has gone (killed): nothing else would until the machine restarts. */
function removeAbandoned(memoryRoot: string): void {
  let names: string[];
  try {
    names = readdirSync(memoryRoot);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(FOLDER_PREFIX)) continue;
    const pid = Number(name.slice(FOLDER_PREFIX.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    try {
      rmSync(path.join(memoryRoot, name), { recursive: true, force: true });
    } catch {
      // Another user's, or being removed by another build: not ours to insist on.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
