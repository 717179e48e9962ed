// An edited entities.json must reach a rebuild as it reaches a build from nothing: ingest writes
// each article's names (after aliases and the block list) into its frontmatter, so the ingest
// cache must not replay the outcome of the old rules for unchanged sources.

import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isUnstablePagefindFile, stableBundleBytes } from '../helpers/pagefind-files.ts';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';

const STORIES: Array<[string, string]> = [
  ['2024-05-01-harbour.txt', 'Harbour plan approved\n\nThe Northwind Bank will lend the money, officials said in Portsmouth on Monday.\n\nThe Northwind Bank has lent to the council before.\n'],
  ['2024-05-02-bridge.txt', 'Bridge repairs begin\n\nEngineers hired by the Northwind Bank started work on the bridge in Portsmouth.\n\nThe Northwind Bank expects the work to take a year.\n'],
  ['2024-05-03-market.txt', 'Market reopens\n\nStallholders returned to the market in Portsmouth after the flood.\n'],
];

/** Every file of a folder, the caches and the bundle files Pagefind writes differently each run left out. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative.startsWith('.broadsheet') || isUnstablePagefindFile(relative)) continue;
    files.set(relative, stableBundleBytes(relative, await readFile(path.join(dir, relative))).toString('latin1'));
  }
  return files;
}

function differing(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((file) => a.get(file) !== b.get(file)).sort();
}

/** A project of the stories with its own configuration and `entities.json`, and the build's folders. */
async function writeProject(prefix: string, entityFile: object) {
  const work = await temporaryDir(prefix);
  const inbox = path.join(work, 'inbox');
  await mkdir(inbox);
  for (const [name, text] of STORIES) await writeFile(path.join(inbox, name), text);
  const config = path.join(work, 'broadsheet.config.json');
  await cp(path.join(PROJECT_ROOT, 'broadsheet.config.json'), config);
  const entities = path.join(work, 'entities.json');
  await writeFile(entities, JSON.stringify(entityFile));
  return { inbox, entities, dirs: { outDir: path.join(work, 'site'), articlesDir: path.join(work, 'articles') }, args: ['--config', config] };
}

describe('a rebuild after entities.json changes', { timeout: 180_000 }, () => {
  it('rewrites the article files and the site as a build from nothing does', async () => {
    const { inbox, entities, dirs, args } = await writeProject('entities-rebuild', { aliases: {} });

    const first = await buildArchive(inbox, args, dirs);
    assert.equal(first.exitCode, 0, first.stderr);
    const harbour = path.join(dirs.articlesDir, '2024', 'harbour-plan-approved.md');
    assert.match(await readFile(harbour, 'utf8'), /^organizations: \["Northwind Bank"\]$/m, 'the extractor finds the bank');

    await writeFile(entities, JSON.stringify({ aliases: { 'Northwind Holdings': ['Northwind Bank'] }, block: ['Portsmouth'] }));
    const rebuilt = await buildArchive(inbox, args, dirs);
    assert.equal(rebuilt.exitCode, 0, rebuilt.stderr);
    const text = await readFile(harbour, 'utf8');
    assert.match(text, /^organizations: \["Northwind Holdings"\]$/m, 'the alias reaches the article file');
    assert.doesNotMatch(text, /^places: .*Portsmouth/m, 'the blocked name is gone from the article file');

    const fresh = await buildArchive(inbox, args);
    assert.equal(fresh.exitCode, 0, fresh.stderr);
    // The record of term URLs is history, not a product of the rules: it keeps the URLs of the
    // names the new rules took away (docs/linking.md), which a build from nothing never gave.
    const articleFiles = async (dir: string) => new Map([...(await filesOf(dir))].filter(([file]) => file !== 'term-urls.json'));
    assert.deepEqual(differing(await articleFiles(dirs.articlesDir), await articleFiles(fresh.articlesDir)), [], 'the article files of a build from nothing');
    assert.deepEqual(differing(await filesOf(dirs.outDir), await filesOf(fresh.outDir)), [], 'the site of a build from nothing');
  });

  it('applies aliases, kinds and the block list to names given by hand, in the search filters as on the page', async () => {
    const { inbox, dirs, args } = await writeProject('entities-hand', {
      aliases: { 'Pleanox Group': ['Pleanox Bank'] },
      kinds: { 'Vantor Rail': 'organization' },
      block: ['Shoarkion Party'],
    });
    assert.equal((await buildArchive(inbox, args, dirs)).exitCode, 0);

    // Names typed into the article file by hand are kept as written there.
    const market = path.join(dirs.articlesDir, '2024', 'market-reopens.md');
    const edited = (await readFile(market, 'utf8'))
      .replace(/^organizations: .*$/m, 'organizations: ["Pleanox Bank", "Shoarkion Party"]')
      .replace(/^people: .*$/m, 'people: ["Vantor Rail", "Ada Quill"]');
    assert.match(edited, /Pleanox Bank/);
    assert.match(edited, /Ada Quill/);
    await writeFile(market, edited);
    const rebuilt = await buildArchive(inbox, args, dirs);
    assert.equal(rebuilt.exitCode, 0, rebuilt.stderr);

    const page = await readFile(path.join(dirs.outDir, '2024', 'market-reopens', 'index.html'), 'utf8');
    const filter = (name: string) => [...page.matchAll(new RegExp(`<span data-pagefind-filter="${name}">([^<]*)</span>`, 'g'))].map((match) => match[1]);
    assert.deepEqual(filter('organizations').sort(), ['Pleanox Group', 'Vantor Rail']);
    assert.deepEqual(filter('people'), ['Ada Quill']);
    assert.ok(!page.includes('Shoarkion'), 'the blocked name is nowhere on the page');
  });
});
