// Builds go to a fresh folder beside the output and replace it only when complete, so an
// interrupted build never leaves a half-written site.

import { readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { makeFolders } from '../fs-utils.ts';
import { finishBeforeSignals } from './signals.ts';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-${process.pid}`);
}

function retiredDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.old-${process.pid}`);
}

/**
 * Replaces `outDir` with `stagingDir`: two renames, the old site removed afterwards. Ctrl-C and
 * SIGTERM wait until both renames are done.
 */
export async function swapIntoPlace(stagingDir: string, outDir: string): Promise<void> {
  const retired = retiredDirFor(outDir);
  await rm(retired, { recursive: true, force: true });
  await finishBeforeSignals(async () => {
    try {
      await rename(outDir, retired);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await rename(stagingDir, outDir);
  });
  await rm(retired, { recursive: true, force: true });
}

/**
 * Cleans up after builds that were killed (called while holding the build lock, so no other
 * build is using these): a site retired by a build killed between its two renames is put back,
 * and leftover staging folders are removed.
 */
export async function recoverInterruptedBuilds(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const leftovers = names.filter((name) => name.startsWith(`.${base}.building-`) || name.startsWith(`.${base}.old-`)).sort();
  let outExists = names.includes(base);
  for (const name of leftovers) {
    if (!outExists && name.startsWith(`.${base}.old-`)) {
      await rename(path.join(parent, name), outDir);
      outExists = true;
      continue;
    }
    await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

export async function prepareStaging(outDir: string): Promise<string> {
  const staging = stagingDirFor(outDir);
  await rm(staging, { recursive: true, force: true });
  await makeFolders(staging);
  return staging;
}
