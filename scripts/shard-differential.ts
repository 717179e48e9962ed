// The differential check of shards: an inbox is built whole, and again as one `--shard YEAR` per
// search part plus `--shard site`, each from its own copy of the articles folder as separate CI
// runners would; the shards' outputs are merged into one folder as docs/scaling.md says, and the
// merged folder must be the full build: the same files byte for byte (Pagefind's unstable chunks
// and the build records aside), every link leading to a file, and the same search results in
// Chromium. Not part of `npm test`; docs/scaling.md says how to run it.
//
//   node --import tsx scripts/shard-differential.ts INBOX [--keep DIR] [--config FILE] [--browser]

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_FILE } from '../src/output/manifest.ts';
import { isShardRecordName } from '../src/output/ownership.ts';
import { siteDifferences } from '../tests/helpers/site-diff.ts';
import { compareSearches } from './rebuild-differential.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(PROJECT_ROOT, 'bin/broadsheet.js');
const ENV = { BROADSHEET_SEARCH_PART_PAGES: '12', BROADSHEET_SEARCH_FIRST_WAVE: '10', BROADSHEET_PROGRESS: 'quiet' };

function build(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', '--quiet', ...args], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Links and sources in the site's pages that lead to no file of it. */
async function brokenLinks(site: string): Promise<string[]> {
  const broken = new Set<string>();
  // Links are written under the site's path prefix; files sit without it.
  const prefix = /data-base-url="([^"]*)"/.exec(await readFile(path.join(site, 'search/index.html'), 'utf8'))?.[1] ?? '/';
  for (const entry of await readdir(site, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = await readFile(file, 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)/g)) {
      const href = decodeURIComponent(match[1]!.replace(/&amp;/g, '&'));
      if (!href.startsWith(prefix)) {
        broken.add(`${path.relative(site, file)} → ${href} (outside the path prefix ${prefix})`);
        continue;
      }
      const target = `/${href.slice(prefix.length)}`;
      const onDisk = path.join(site, target, target.endsWith('/') ? 'index.html' : '');
      if (!existsSync(onDisk)) broken.add(`${path.relative(site, file)} → ${target}`);
    }
  }
  return [...broken].sort();
}

async function shardsOf(report: string): Promise<string[]> {
  const parsed = JSON.parse(await readFile(report, 'utf8')) as { searchParts: Array<{ name: string; years: string[] }> };
  return parsed.searchParts.map((part) => part.years[0]!);
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const inbox = argv[0] ? path.resolve(argv[0]) : undefined;
  if (!inbox || !existsSync(inbox)) {
    console.error('usage: shard-differential.ts INBOX [--keep DIR] [--config FILE] [--browser]');
    return 2;
  }
  const keep = argv.includes('--keep') ? path.resolve(argv[argv.indexOf('--keep') + 1]!) : undefined;
  const config = argv.includes('--config') ? ['--config', path.resolve(argv[argv.indexOf('--config') + 1]!)] : [];
  const work = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'broadsheet-shards-')));
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const articles = path.join(work, 'articles');
  const full = await build(['--inbox', inbox, '--articles', articles, '--out', path.join(work, 'full'), '--report', path.join(work, 'full.json'), ...config]);
  console.log(`full build: exit ${full.code}`);
  const shards = [...(await shardsOf(path.join(work, 'full.json'))), 'site'];
  for (const shard of shards) {
    // A CI runner of its own: its own checkout of the articles folder.
    const own = path.join(work, `articles-${shard}`);
    await cp(articles, own, { recursive: true, filter: (from) => !from.split(path.sep).includes('.broadsheet') });
    const run = await build(['--inbox', inbox, '--articles', own, '--out', path.join(work, 'out', shard), '--shard', shard, ...config]);
    console.log(`shard ${shard}: exit ${run.code}${run.code === 0 ? '' : `\n${run.stderr}`}`);
  }
  const merged = path.join(work, 'public');
  await rm(merged, { recursive: true, force: true });
  await mkdir(merged);
  for (const shard of shards) await cp(path.join(work, 'out', shard), merged, { recursive: true });
  const differences = await siteDifferences(merged, path.join(work, 'full'), { withSearch: true });
  // Each shard's record of what it made, and the full build's manifest, are the builds' own.
  const problems = [
    ...differences.onlyRebuilt.filter((file) => !isShardRecordName(file)).map((file) => `only merged: ${file}`),
    ...differences.onlyCold.filter((file) => file !== MANIFEST_FILE).map((file) => `only full: ${file}`),
    ...differences.differing.map((file) => `differs: ${file}`),
    ...(await brokenLinks(merged)).map((link) => `broken link: ${link}`),
    ...(argv.includes('--browser') ? await compareSearches(merged, path.join(work, 'full'), []) : []),
  ];
  for (const problem of problems) console.log(`  ${problem}`);
  console.log(`${problems.length} differences; kept in ${work}`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = await main();
