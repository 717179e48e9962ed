// The search page's scripts and the stylesheets go out minified: a first search downloads them all
// (the page's own scripts were 35 KB of the 66 KB of scripts it fetched, gzip-compressed, at
// 100,000 articles; minified, 15 KB). The sources in assets/ stay as they are, with their
// comments, and tests import them from there. Minifying (esbuild) is kept in
// node_modules/.cache/broadsheet/, by a hash of the file and of esbuild's version, so a build
// after the first pays a file read, not esbuild's start (about 0.15 s).

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LOADERS: Record<string, 'js' | 'css'> = { '.js': 'js', '.mjs': 'js', '.css': 'css' };

const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/broadsheet/', import.meta.url));

type Esbuild = typeof import('esbuild');
let esbuild: Promise<Esbuild | undefined> | undefined;

/** esbuild, or undefined where it cannot be loaded (its binary missing for this platform): the files then go out as they are. */
function loadEsbuild(): Promise<Esbuild | undefined> {
  return (esbuild ??= import('esbuild').then(
    (module) => module,
    () => undefined,
  ));
}

/**
 * `content` minified when `name` is a script or a stylesheet (and esbuild can be loaded), else as
 * it is. Only whitespace, comments and local names change: syntax is left as written (no target),
 * so what runs in the browser is what the tests run from assets/.
 */
export async function minifiedAsset(name: string, content: Uint8Array, cacheDir = CACHE_DIR): Promise<Uint8Array> {
  const extension = path.extname(name);
  const loader = LOADERS[extension];
  if (!loader) return content;
  const tool = await loadEsbuild();
  if (!tool) return content;
  const key = createHash('sha256').update(`${tool.version}\0${loader}\0`).update(content).digest('hex').slice(0, 32);
  const cached = path.join(cacheDir, `asset-${key}${extension}`);
  try {
    return await readFile(cached);
  } catch {
    // Not made yet, or unreadable: made below.
  }
  let code: string;
  try {
    ({ code } = await tool.transform(Buffer.from(content).toString('utf8'), { loader, minify: true, legalComments: 'none', charset: 'utf8' }));
  } catch {
    // A file esbuild cannot read goes out as written: the browser reports its error as it would have.
    return content;
  }
  const minified = Buffer.from(code);
  // Best effort: a read-only cache (another user's checkout) only costs the next build the same work.
  const scratch = `${cached}.${process.pid}-${randomBytes(4).toString('hex')}`;
  await mkdir(cacheDir, { recursive: true })
    .then(() => writeFile(scratch, minified))
    .then(() => rename(scratch, cached))
    .catch(() => undefined);
  return minified;
}
