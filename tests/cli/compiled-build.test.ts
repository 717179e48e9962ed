// The CLI runs JavaScript compiled from the TypeScript sources (bin/compile.js), not the sources
// through tsx. The compiled modules must be made again when a source changes, the CLI must fall
// back to the sources when they cannot be made, and the two must build the same site.

import assert from 'node:assert/strict';
import { appendFile, cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { compiledBuild } from '../../bin/compile.js';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { paragraph, Prng, sentence } from '../helpers/prng.ts';
import { buildArchive, runCli, writeInbox } from '../helpers/run-build.ts';
import { NO_DIFFERENCES, siteDifferences } from '../helpers/site-diff.ts';

/**
 * A copy of the checkout's code that a test may edit. Its node_modules links to each installed
 * package but is a folder of its own, so what is compiled goes to the copy's cache.
 */
async function copyOfCheckout(): Promise<string> {
  const root = await temporaryDir('checkout');
  for (const name of ['src', 'layouts', 'bin', 'assets', '.eleventy.ts', 'package.json', 'tsconfig.json']) {
    await cp(path.join(PROJECT_ROOT, name), path.join(root, name), { recursive: true });
  }
  await mkdir(path.join(root, 'node_modules'));
  for (const name of await readdir(path.join(PROJECT_ROOT, 'node_modules'))) {
    if (name !== '.cache') await symlink(path.join(PROJECT_ROOT, 'node_modules', name), path.join(root, 'node_modules', name));
  }
  return root;
}

const runCopy = (root: string, args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { cli: path.join(root, 'bin', 'broadsheet.js'), env });

const isFile = async (file: string) => (await stat(file).catch(() => undefined))?.isFile() ?? false;

test('two checkouts of the same sources sharing a cache each run their own files', async () => {
  const cacheDir = path.join(await temporaryDir('compiled'), 'cache');
  const first = await copyOfCheckout();
  const second = await copyOfCheckout();
  const a = await compiledBuild({ root: first, cacheDir });
  const b = await compiledBuild({ root: second, cacheDir });
  assert.ok(a && b, 'both checkouts compile');
  assert.notEqual(a.folder, b.folder);
  // The compiled modules find the checkout's assets by its own path.
  for (const [root, build] of [[first, a], [second, b]] as const) {
    let text = '';
    for (const file of await readdir(build.folder)) if (file.endsWith('.js')) text += await readFile(path.join(build.folder, file), 'utf8');
    assert.ok(text.includes(JSON.stringify(pathToFileURL(path.join(root, 'src', 'site', 'assets.ts')).href)), `${root}'s build reads its own assets`);
  }
});

test('the sources are compiled once, and again when one of them changes', async () => {
  const root = await copyOfCheckout();
  const cacheDir = path.join(await temporaryDir('compiled'), 'cache');

  const first = await compiledBuild({ root, cacheDir });
  assert.ok(first, 'the checkout compiles');
  assert.equal(first.compiled, true);
  for (const file of ['main.js', 'eleventy-config.js', 'parse-worker.js']) assert.ok(await isFile(path.join(first.folder, file)), `${file} is compiled`);
  assert.equal(first.eleventyConfig, path.join(first.folder, 'eleventy-config.js'));

  const again = await compiledBuild({ root, cacheDir });
  assert.deepEqual({ folder: again?.folder, compiled: again?.compiled }, { folder: first.folder, compiled: false });

  await appendFile(path.join(root, 'layouts', 'base.ts'), '\n// an edit\n');
  const edited = await compiledBuild({ root, cacheDir });
  assert.ok(edited);
  assert.equal(edited.compiled, true);
  assert.notEqual(edited.folder, first.folder);
  // A process still running the first version may yet load its modules.
  assert.ok(await isFile(path.join(first.folder, 'main.js')));
});

test('sources that do not compile are run through tsx, which names the broken file', async () => {
  const root = await copyOfCheckout();
  await writeFile(path.join(root, 'src', 'cli', 'progress.ts'), 'export const broken = ;\n');
  assert.equal(await compiledBuild({ root }), undefined);

  const result = await runCopy(root, ['build', '--help']);
  assert.notEqual(result.exitCode, 0);
  assert.match(result.stderr, /progress\.ts/);
});

test('the CLI runs the compiled modules when they are up to date, and the sources when told to', async () => {
  const root = await copyOfCheckout();
  const compiled = await compiledBuild({ root });
  assert.ok(compiled);
  // Stands in for the compiled CLI, to see which one runs.
  await writeFile(path.join(compiled.folder, 'main.js'), "export async function main() { console.log('compiled CLI'); return 0; }\n");

  assert.deepEqual(await runCopy(root, ['--help']), { exitCode: 0, stdout: 'compiled CLI\n', stderr: '' });
  const fromSources = await runCopy(root, ['--help'], { BROADSHEET_RUN_SOURCES: '1' });
  assert.equal(fromSources.exitCode, 0);
  assert.match(fromSources.stdout, /Usage: broadsheet/);
});

test('a damaged compiled folder is run from the sources once, and compiled again for the next run', async () => {
  const root = await copyOfCheckout();
  const compiled = await compiledBuild({ root });
  assert.ok(compiled);
  const chunk = (await readdir(compiled.folder)).find((name) => name.startsWith('chunk-') && name.endsWith('.js'));
  assert.ok(chunk, 'the modules the entry points share are in chunks');
  await rm(path.join(compiled.folder, chunk));

  const damaged = await runCopy(root, ['--help']);
  assert.equal(damaged.exitCode, 0, damaged.stderr);
  assert.match(damaged.stdout, /Usage: broadsheet/);
  const again = await compiledBuild({ root });
  assert.deepEqual({ folder: again?.folder, compiled: again?.compiled }, { folder: compiled.folder, compiled: true });
});

test('the compiled CLI builds the site the sources build, its parse workers included', async () => {
  // Enough new sources for ingest to parse them on worker threads (PARSE_POOL_THRESHOLD), which
  // load the compiled parse worker.
  const prng = new Prng(20_261_207);
  const files: Record<string, string> = {};
  for (let i = 0; i < 520; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    files[`2019-03-${day}-story-${i}.txt`] = `${sentence(prng, 6)}\n\n${paragraph(prng, 600)}\n\n${paragraph(prng, 400)}\n`;
  }
  const inbox = await writeInbox('compiled-vs-sources', files);
  const work = await temporaryDir('compiled-vs-sources');
  const compiledSite = path.join(work, 'compiled');
  const sourcesSite = path.join(work, 'sources');
  const compiled = await buildArchive(inbox, [], { outDir: compiledSite });
  const fromSources = await buildArchive(inbox, [], { outDir: sourcesSite }, { BROADSHEET_RUN_SOURCES: '1' });
  assert.equal(compiled.exitCode, 0, compiled.stderr);
  assert.equal(fromSources.exitCode, 0, fromSources.stderr);
  assert.equal(compiled.report.articles.length, 520);
  assert.deepEqual(await siteDifferences(compiledSite, sourcesSite, { withSearch: true }), NO_DIFFERENCES);
  assert.equal(await readFile(path.join(compiledSite, 'index.html'), 'utf8'), await readFile(path.join(sourcesSite, 'index.html'), 'utf8'));
});
