// The site's static files (stylesheet, icons, the search scripts), copied into the output by the
// build itself rather than by Eleventy's passthrough copy, whose copies can still be running
// after a failed write() and would recreate a staging folder the build has already removed.

import { cp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));

export async function copyAssets(outDir: string): Promise<void> {
  await cp(ASSETS_DIR, path.join(outDir, 'assets'), { recursive: true, errorOnExist: false, force: true });
}
