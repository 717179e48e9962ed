// Builds go to a fresh folder beside the output and replace it only when complete, so an
// interrupted build never leaves a half-written site.

import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export function stagingDirFor(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.building-${process.pid}`);
}

/** Replaces `outDir` with `stagingDir`: two renames, the old site removed afterwards. */
export async function swapIntoPlace(stagingDir: string, outDir: string): Promise<void> {
  const retired = path.join(path.dirname(outDir), `.${path.basename(outDir)}.old-${process.pid}`);
  await rm(retired, { recursive: true, force: true });
  try {
    await rename(outDir, retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(stagingDir, outDir);
  await rm(retired, { recursive: true, force: true });
}

export async function prepareStaging(outDir: string): Promise<string> {
  const staging = stagingDirFor(outDir);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  return staging;
}
