// A build replaces its output folder whole, so it must never be pointed at a folder holding
// anything Broadsheet did not make: those builds stop before doing anything, naming the folder and
// what is in it, and leave it exactly as it was (src/output/ownership.ts).

import assert from 'node:assert/strict';
import { cp, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { generateArchive } from '../../src/bench/generate-archive.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { temporaryDir } from '../helpers/paths.ts';

const refusal = (run: BuildRun) => run.report.problems.find((problem) => problem.severity === 'error');

describe('building into a folder that holds other things', () => {
  let inbox: string;
  let work: string;
  let years: string[];

  before(async () => {
    work = await temporaryDir('ownership');
    inbox = path.join(work, 'inbox');
    await generateArchive(inbox, 16, { layout: 'sections', seed: 'ownership-test' });
    const first = await buildArchive(inbox);
    assert.equal(first.exitCode, 0, first.stderr);
    years = [...new Set(first.report.articles.map((article) => article.url.split('/')[1]!))].sort();
    assert.ok(years.length >= 2, `the archive spans ${years.join(', ')}`);
  });

  it("refuses a folder of the user's own, naming what is in it, and leaves it untouched", async () => {
    const out = path.join(work, 'docs');
    await mkdir(path.join(out, 'drafts'), { recursive: true });
    await writeFile(path.join(out, 'notes.txt'), 'my notes\n');
    await writeFile(path.join(out, 'drafts', 'a.md'), 'draft\n');
    const run = await buildArchive(inbox, [], { outDir: out });
    assert.equal(run.exitCode, 2, run.stderr);
    const problem = refusal(run);
    assert.equal(problem?.code, 'OUTPUT_HAS_OTHER_FILES');
    assert.equal(problem.file, out);
    assert.match(problem.message, /"drafts" and "notes\.txt"/);
    assert.match(run.stderr, /OUTPUT_HAS_OTHER_FILES/);
    assert.deepEqual((await readdir(out)).sort(), ['drafts', 'notes.txt']);
    assert.equal(await readFile(path.join(out, 'notes.txt'), 'utf8'), 'my notes\n');
    assert.equal(await readFile(path.join(out, 'drafts', 'a.md'), 'utf8'), 'draft\n');
    // Nothing was built: the articles folder was not even made.
    await assert.rejects(readdir(run.articlesDir), { code: 'ENOENT' });
  });

  it('refuses an output path that is a file, and leaves the file', async () => {
    const out = path.join(work, 'site.html');
    await writeFile(out, '<p>mine</p>\n');
    const run = await buildArchive(inbox, [], { outDir: out });
    assert.equal(run.exitCode, 2, run.stderr);
    assert.equal(refusal(run)?.code, 'OUTPUT_NOT_A_FOLDER');
    assert.equal(await readFile(out, 'utf8'), '<p>mine</p>\n');
  });

  it('refuses an output path that is a link to a folder, naming the folder to pass instead, and leaves both', async () => {
    const target = path.join(work, 'www');
    await mkdir(target);
    await writeFile(path.join(target, 'index.html'), '<p>mine</p>\n');
    const out = path.join(work, 'site-link');
    await symlink(target, out);
    const run = await buildArchive(inbox, [], { outDir: out });
    assert.equal(run.exitCode, 2, run.stderr);
    assert.equal(refusal(run)?.code, 'OUTPUT_NOT_A_FOLDER');
    assert.match(refusal(run)?.message ?? '', new RegExp(`^is a symbolic link to ${target.replaceAll('/', '\\/')}; `));
    assert.match(refusal(run)?.hint ?? '', new RegExp(`--out ${target.replaceAll('/', '\\/')}`));
    assert.equal(await readlink(out), target);
    assert.deepEqual(await readdir(target), ['index.html']);
  });

  it('builds into an empty folder, and again into its own output, but not once something else is added', async () => {
    const out = path.join(work, 'empty');
    await mkdir(out);
    const first = await buildArchive(inbox, [], { outDir: out });
    assert.equal(first.exitCode, 0, first.stderr);
    const again = await buildArchive(inbox, ['--force'], { outDir: out });
    assert.equal(again.exitCode, 0, again.stderr);
    // A deploy repository in the output folder would lose its history to the next full build.
    await mkdir(path.join(out, '.git'));
    await writeFile(path.join(out, 'CNAME'), 'news.example.org\n');
    const refused = await buildArchive(inbox, ['--force'], { outDir: out });
    assert.equal(refused.exitCode, 2, refused.stderr);
    assert.match(refusal(refused)?.message ?? '', /"\.git" and "CNAME"/);
    assert.equal(await readFile(path.join(out, 'CNAME'), 'utf8'), 'news.example.org\n');
    await rm(path.join(out, '.git'), { recursive: true });
    await rm(path.join(out, 'CNAME'));
    const after = await buildArchive(inbox, ['--force'], { outDir: out });
    assert.equal(after.exitCode, 0, after.stderr);
  });

  it('still replaces its own site whose manifest is of another format (an older version) or unreadable', async () => {
    const out = path.join(work, 'older');
    const first = await buildArchive(inbox, [], { outDir: out });
    assert.equal(first.exitCode, 0, first.stderr);
    const manifestFile = path.join(out, '.broadsheet-manifest.json');
    const otherFormat = async () => {
      const stored = JSON.parse(await readFile(manifestFile, 'utf8')) as { format: number };
      await writeFile(manifestFile, JSON.stringify({ ...stored, format: stored.format + 100 }));
    };
    await otherFormat();
    const again = await buildArchive(inbox, [], { outDir: out });
    assert.equal(again.exitCode, 0, again.stderr);
    await otherFormat();
    await writeFile(path.join(out, 'CNAME'), 'news.example.org\n');
    const refused = await buildArchive(inbox, [], { outDir: out });
    assert.equal(refused.exitCode, 2, refused.stderr);
    assert.match(refusal(refused)?.message ?? '', /^holds "CNAME", which no Broadsheet build made/);
    await rm(path.join(out, 'CNAME'));
    await writeFile(manifestFile, '{"format": 1, "files": [');
    const unreadable = await buildArchive(inbox, [], { outDir: out });
    assert.equal(unreadable.exitCode, 0, unreadable.stderr);
  });

  it("rebuilds a shard's output (which has no manifest) and lets a full build replace it", async () => {
    const out = path.join(work, 'shard');
    const shard = await buildArchive(inbox, ['--shard', years[0]!], { outDir: out });
    assert.equal(shard.exitCode, 0, shard.stderr);
    assert.ok((await readdir(out)).includes(`.broadsheet-shard-${years[0]}.json`));
    const again = await buildArchive(inbox, ['--shard', years[0]!], { outDir: out });
    assert.equal(again.exitCode, 0, again.stderr);
    await writeFile(path.join(out, 'extra.txt'), 'mine\n');
    const refused = await buildArchive(inbox, ['--shard', years[0]!], { outDir: out });
    assert.equal(refused.exitCode, 2, refused.stderr);
    assert.match(refusal(refused)?.message ?? '', /^holds "extra\.txt", which no Broadsheet build made/);
    await rm(path.join(out, 'extra.txt'));
    const full = await buildArchive(inbox, [], { outDir: out });
    assert.equal(full.exitCode, 0, full.stderr);
    assert.ok((await readdir(out)).includes('index.html'));
  });

  it("refuses to replace a deploy folder of merged shards, or a full build's site, with one shard's output, and leaves it as it was", async () => {
    const deploy = path.join(work, 'public');
    await mkdir(deploy);
    for (const name of [years[0]!, 'site']) {
      const shard = await buildArchive(inbox, ['--shard', name], { outDir: path.join(work, 'shards', name) });
      assert.equal(shard.exitCode, 0, shard.stderr);
      await cp(path.join(work, 'shards', name), deploy, { recursive: true });
    }
    const before = (await readdir(deploy)).sort();
    const refused = await buildArchive(inbox, ['--shard', years[0]!], { outDir: deploy });
    assert.equal(refused.exitCode, 2, refused.stderr);
    assert.equal(refusal(refused)?.code, 'OUTPUT_HAS_OTHER_BUILDS');
    assert.match(refusal(refused)?.message ?? '', /^holds the output of shard site, which shard \d+ does not make; /);
    assert.deepEqual((await readdir(deploy)).sort(), before);

    const full = await buildArchive(inbox, [], { outDir: deploy });
    assert.equal(full.exitCode, 0, full.stderr);
    const shardOverFull = await buildArchive(inbox, ['--shard', 'site'], { outDir: deploy });
    assert.equal(shardOverFull.exitCode, 2, shardOverFull.stderr);
    assert.match(refusal(shardOverFull)?.message ?? '', /^holds the output of a full build, which shard site does not make; /);
    assert.ok((await readdir(deploy)).includes(years[0]!), 'the full site is still there');
  });
});
