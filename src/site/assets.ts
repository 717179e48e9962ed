// The site's static files (stylesheet, icons, the search scripts), written into the output by
// the build itself rather than by Eleventy's passthrough copy, whose copies can still be running
// after a failed write() and would recreate a staging folder the build has already removed.
// Written through the build's writer, so an incremental build leaves unchanged ones in place;
// scripts and stylesheets minified (minify-assets.ts).

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifiedAsset } from './minify-assets.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));

export async function writeAssets(write: (sitePath: string, content: Uint8Array) => Promise<void>): Promise<void> {
  const entries = await readdir(ASSETS_DIR, { withFileTypes: true, recursive: true });
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    await write(`assets/${path.relative(ASSETS_DIR, file).split(path.sep).join('/')}`, await minifiedAsset(entry.name, await readFile(file)));
  }
}
