// Compiles Broadsheet's TypeScript sources into plain JavaScript modules that Node runs without a
// loader, so a build does not pay tsx's hooks on each of the few hundred modules it loads
// (Eleventy's included): about 0.4 s of CPU per run. The output is kept under
// node_modules/.cache/broadsheet/, in a folder named by a hash of the sources, and made again only
// when a source changes. Plain JavaScript because it runs before anything can compile.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Raise when the output's layout or the compile options change, so old folders are not reused. */
const FORMAT = 1;
// A folder is removed once it is neither among the newest few nor used in the last day, so that a
// process still running an older version of the sources (a serve left open) keeps its modules.
const KEEP_FOLDERS = 8;
const KEEP_USED_MS = 24 * 3_600_000;

// The modules loaded by path rather than imported, each an entry point: the CLI, Eleventy's
// configuration and the parse worker. Code splitting puts the modules they share (the build
// context that .eleventy.ts reads, above all) in chunks that each entry imports, so every module
// has one instance, as under tsx.
const ENTRY_POINTS = { main: 'src/cli/main.ts', 'eleventy-config': '.eleventy.ts', 'parse-worker': 'src/ingest/parse-worker.ts' };
const SOURCE_FOLDERS = ['src', 'layouts'];
const SOURCE_FILES = ['.eleventy.ts', 'package.json', 'tsconfig.json', 'bin/compile.js'];

/**
 * The compiled build for the sources as they are now, compiled first if they changed; undefined
 * when it cannot be made (no esbuild, a read-only install, a source that does not compile), in
 * which case the caller runs the sources through tsx, which reports a source's error itself.
 * `root` and `cacheDir` name another checkout and cache, for tests. (Types: compile.d.ts.)
 */
export async function compiledBuild({ root = ROOT, cacheDir = path.join(root, 'node_modules', '.cache', 'broadsheet') } = {}) {
  try {
    const key = await sourcesKey(root);
    const folder = path.join(cacheDir, `build-${key}`);
    let compiled = false;
    if (await isComplete(folder)) {
      // Marks the folder used (removeOldFolders); a user who may read it but not write it still runs it.
      const now = new Date();
      await utimes(folder, now, now).catch(() => undefined);
    } else {
      await compile(root, cacheDir, folder);
      compiled = true;
    }
    return {
      folder,
      compiled,
      main: pathToFileURL(path.join(folder, 'main.js')).href,
      eleventyConfig: path.join(folder, 'eleventy-config.js'),
      parseWorker: pathToFileURL(path.join(folder, 'parse-worker.js')),
    };
  } catch {
    return undefined;
  }
}

/**
 * A hash of the checkout's folder and every source's path and content: about 4 ms for the 130
 * files, cheaper than a wrong guess from file times. The folder, because the compiled modules name
 * the checkout's own files (its assets, above all: sourceLocations): a second checkout of the
 * same sources sharing the cache (its node_modules a link to the first's) built its sites with
 * the first checkout's assets.
 */
async function sourcesKey(root) {
  const files = [...SOURCE_FILES];
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of await readdir(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath ?? entry.path, entry.name)));
    }
  }
  const digest = createHash('sha256').update(`${FORMAT}\0${path.resolve(root)}\0`);
  for (const file of files.sort()) digest.update(file).update('\0').update(await readFile(path.join(root, file))).update('\0');
  return digest.digest('hex').slice(0, 20);
}

/** Removes a compiled folder that failed to load, so that the next run compiles it again. */
export async function discardCompiled(folder) {
  await rm(folder, { recursive: true, force: true }).catch(() => undefined);
}

async function isComplete(folder) {
  try {
    return (await stat(path.join(folder, 'main.js'))).isFile();
  } catch {
    return false;
  }
}

/**
 * Compiles into a folder of its own, then renames it into place: a build that finds the folder
 * finds all of it, and two processes compiling at once (parallel tests) both end up using the
 * one renamed first.
 */
async function compile(root, cacheDir, folder) {
  const esbuild = await import('esbuild');
  await mkdir(cacheDir, { recursive: true });
  const scratch = path.join(cacheDir, `.compiling-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: ENTRY_POINTS,
      outdir: scratch,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      // Dependencies stay in node_modules, found from the cache folder as from the sources.
      packages: 'external',
      // Bundling may rename a class that another module's shares a name with; errors and logs use names.
      keepNames: true,
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [sourceLocations],
    });
    try {
      await rename(scratch, folder);
    } catch (error) {
      // Another process put the same sources' build in place first.
      if (!(await isComplete(folder))) throw error;
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await removeOldFolders(cacheDir, folder);
}

/**
 * The sources find their files (assets, their own code for cache keys, the CLI for the bench)
 * relative to `import.meta.url`. In a bundle that would be the chunk's folder, so each source's
 * `import.meta.url` is replaced with its own file's URL. The replacement keeps every line where it
 * was, so the source map stays right.
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path: file }) => {
      const text = await readFile(file, 'utf8');
      return { contents: text.replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(file).href)), loader: 'ts' };
    });
  },
};

/** Removes compiled folders neither among the newest few nor used lately, and what a killed compile left an hour ago or more. */
async function removeOldFolders(cacheDir, current) {
  const folders = [];
  for (const name of await readdir(cacheDir)) {
    if (path.join(cacheDir, name) === current) continue;
    const { mtimeMs } = await stat(path.join(cacheDir, name)).catch(() => ({ mtimeMs: 0 }));
    if (name.startsWith('build-')) folders.push({ name, mtimeMs });
    else if (name.startsWith('.compiling-') && Date.now() - mtimeMs > 3_600_000) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
  folders.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { name, mtimeMs } of folders.slice(KEEP_FOLDERS - 1)) {
    if (Date.now() - mtimeMs > KEEP_USED_MS) await rm(path.join(cacheDir, name), { recursive: true, force: true });
  }
}
