// The differential check of incremental rebuilds: a site rebuilt in place, after any changes,
// must be the site a build from nothing writes of the same archive, file for file and byte for
// byte. Pagefind's bundle files that vary between identical builds are left out, and without the
// search bundles, the list of them on the search page.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { isUnstablePagefindFile, stableBundleBytes } from './pagefind-files.ts';

export interface SiteDifferences {
  /** Site paths only the rebuilt site has. */
  onlyRebuilt: string[];
  /** Site paths only the build from nothing has. */
  onlyCold: string[];
  /** Site paths both have, with different bytes. */
  differing: string[];
}

/** Every file of a site by `/`-separated path, its bytes as two builds of the same pages agree on them. */
export async function siteFiles(siteDir: string, options: { withSearch?: boolean } = {}): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(siteDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const sitePath = path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (sitePath.startsWith('pagefind') && !options.withSearch) continue;
    if (isUnstablePagefindFile(sitePath)) continue;
    const bytes = stableBundleBytes(sitePath, await readFile(path.join(siteDir, sitePath)));
    files.set(sitePath, options.withSearch ? bytes : withoutSearchParts(sitePath, bytes));
  }
  return files;
}

const SEARCH_PAGE = 'search/index.html';

/**
 * Which bundles the search page lists is the search index's: a rebuild that added articles lists
 * a delta bundle beside their year's (src/search/delta-parts.ts) where a cold build has none. So,
 * without the search bundles, the search page is compared without that list, and the manifest
 * without the search page's hash.
 */
function withoutSearchParts(sitePath: string, bytes: Buffer): Buffer {
  if (sitePath === SEARCH_PAGE) return Buffer.from(bytes.toString('utf8').replace(/data-search-parts="[^"]*"/, 'data-search-parts=""'));
  if (sitePath !== MANIFEST_FILE) return bytes;
  const manifest = JSON.parse(bytes.toString('utf8')) as { files: Record<string, unknown> };
  if (SEARCH_PAGE in manifest.files) manifest.files[SEARCH_PAGE] = 'compared without its index parts';
  return Buffer.from(JSON.stringify(manifest));
}

/**
 * What differs between a rebuilt site and a build from nothing: the file lists and every
 * file's bytes (the manifest's included: it records what each file was made from, so a kept
 * page made from other inputs than a cold build's shows there too). The search bundles are
 * compared only with `withSearch`.
 */
export async function siteDifferences(rebuilt: string, cold: string, options: { withSearch?: boolean } = {}): Promise<SiteDifferences> {
  const [a, b] = await Promise.all([siteFiles(rebuilt, options), siteFiles(cold, options)]);
  return {
    onlyRebuilt: [...a.keys()].filter((file) => !b.has(file)).sort(),
    onlyCold: [...b.keys()].filter((file) => !a.has(file)).sort(),
    differing: [...a.keys()].filter((file) => b.has(file) && !a.get(file)!.equals(b.get(file)!)).sort(),
  };
}

export const NO_DIFFERENCES: SiteDifferences = { onlyRebuilt: [], onlyCold: [], differing: [] };
