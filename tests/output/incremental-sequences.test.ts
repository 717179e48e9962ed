// The differential check of incremental rebuilds, on sequences of changes: after each change to
// the inbox (or the archive, the configuration, the runtime) and a rebuild into the same output
// folder, the folder must hold exactly what a build from nothing writes of the same archive into
// another folder: the same files, byte for byte, the manifest included (the search bundles
// aside, which Pagefind writes differently each run). One small archive is changed step by step,
// listings three to a page so that pages shift as articles come and go.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { appendFile, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { MANIFEST_FILE } from '../../src/output/manifest.ts';
import { NO_DIFFERENCES, siteDifferences } from '../helpers/site-diff.ts';
import { CLI, PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

const PEOPLE = ['Amara Lindqvist', 'Tomas Herrera', 'Wen Jiahui', 'Priya Raman', 'Oskar Brandt'];
const ORGANIZATIONS = ['Kingsport Harbour Authority', 'Northern Rail Union'];
const TOWNS = ['Kingsport', 'Eastvale'];
const TOPICS = ['harbour', 'library', 'orchard', 'tramway', 'bridge', 'market', 'school', 'museum', 'stadium', 'festival', 'river', 'clinic'];
const SECTIONS = ['news', 'sport', 'arts'];

/** Article `i`'s text: a headline and two paragraphs naming a person, an organisation and a town. */
function articleText(i: number, headline?: string): string {
  const topic = TOPICS[i % TOPICS.length]!;
  const person = PEOPLE[i % PEOPLE.length]!;
  const organization = ORGANIZATIONS[i % ORGANIZATIONS.length]!;
  const town = TOWNS[i % TOWNS.length]!;
  return (
    `${headline ?? `The ${topic} plan number ${i} moves ahead in ${town}`}\n\n` +
    `${person}, a spokesperson for the ${organization}, said on Tuesday that ${topic} plan ${i} would be reviewed again before the council vote in ${town}.\n\n` +
    `Residents told reporters that the ${topic} had been discussed for years, and ${person} said the ${organization} would publish its figures within the month.\n`
  );
}

interface OutputReport {
  output: { incremental: boolean; renderedArticles: number; renderedLists: number; written: number };
}
const outputOf = (run: BuildRun) => (run.report as unknown as OutputReport).output;

describe('an output folder rebuilt after a sequence of changes', { timeout: 600_000 }, () => {
  let work: string;
  let inbox: string;
  let articles: string;
  let site: string;
  let config: string;
  const settings = { title: 'Sequences', baseUrl: 'https://archive.example', pathPrefix: '/', language: 'en', timeZone: 'UTC', pageSize: 3 };

  const sidecar = (source: string) => path.join(inbox, source.replace(/\.txt$/, '.json'));
  /** Puts article `i` in the inbox: `section/name.txt` with a NAME.json giving its date (and `meta`). */
  const put = async (i: number, date: string, options: { section?: string; name?: string; meta?: object; text?: string } = {}) => {
    const source = `${options.section ?? SECTIONS[i % SECTIONS.length]}/${options.name ?? `story-${String(i).padStart(3, '0')}`}.txt`;
    await mkdir(path.dirname(path.join(inbox, source)), { recursive: true });
    await writeFile(path.join(inbox, source), options.text ?? articleText(i));
    await writeFile(sidecar(source), JSON.stringify({ date, ...options.meta }));
    return source;
  };
  const changeSidecar = async (source: string, change: Record<string, unknown>) =>
    writeFile(sidecar(source), JSON.stringify({ ...(JSON.parse(await readFile(sidecar(source), 'utf8')) as object), ...change }));
  /** The article file ingest made of `source`. */
  const articleOf = async (source: string): Promise<string> => {
    for (const entry of await readdir(articles, { withFileTypes: true, recursive: true })) {
      if (!entry.name.endsWith('.md')) continue;
      const file = path.join(entry.parentPath, entry.name);
      if ((await readFile(file, 'utf8')).includes(`"path":${JSON.stringify(source)}`)) return file;
    }
    throw new Error(`no article file of ${source}`);
  };
  /** An article gone for good: an editor removes its source (and sidecar) and its article file. */
  const remove = async (source: string) => {
    const file = await articleOf(source);
    await rm(path.join(inbox, source));
    await rm(sidecar(source), { force: true });
    await rm(file);
  };
  const rebuild = async (env: NodeJS.ProcessEnv = {}) => {
    const run = await buildArchive(inbox, ['--config', config], { outDir: site, articlesDir: articles }, env);
    assert.ok(run.exitCode <= 1, run.stderr);
    return run;
  };
  /**
   * Rebuilds, then builds the same archive from nothing (a copy of the article files without
   * their caches, into an empty folder) and compares the two outputs.
   */
  const assertRebuildIsCold = async (change: string) => {
    const run = await rebuild();
    const copy = path.join(await temporaryDir('sequence-cold'), 'articles');
    await cp(articles, copy, { recursive: true, filter: (source) => path.basename(source) !== '.broadsheet' });
    const cold = await buildArchive(inbox, ['--config', config], { articlesDir: copy });
    assert.equal(outputOf(cold).incremental, false);
    assert.deepEqual(await siteDifferences(site, cold.outDir), NO_DIFFERENCES, `${change}: the rebuilt output is the cold build's`);
    return Object.assign(run, { cold });
  };

  before(async () => {
    work = await temporaryDir('sequences');
    inbox = path.join(work, 'inbox');
    articles = path.join(work, 'articles');
    site = path.join(work, 'site');
    config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify(settings));
    for (let i = 0; i < 18; i++) await put(i, `${2019 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')}T09:00:00+00:00`);
    const first = await rebuild();
    assert.equal(outputOf(first).incremental, false);
  });

  it('adds articles in the same year, a new year and an older year, incrementally', async () => {
    await put(100, '2021-06-15T09:00:00+00:00');
    assert.equal(outputOf(await assertRebuildIsCold('an article in the same year')).incremental, true);
    await put(101, '2023-02-02T09:00:00+00:00');
    await assertRebuildIsCold('an article in a new year');
    await put(102, '2015-03-03T09:00:00+00:00');
    await assertRebuildIsCold('an article in an older year');
  });

  it('adds an article in a new section without rendering every list page again', async () => {
    // Every list page's fingerprint held every section's language, so a new section (here in the
    // interface's language, which no list marks) made all of them render again.
    await put(103, '2020-05-05T09:00:00+00:00', { section: 'weather' });
    const run = await assertRebuildIsCold('an article in a new section');
    const lists = outputOf(run.cold).renderedLists;
    assert.ok(outputOf(run).renderedLists < lists / 2, `${outputOf(run).renderedLists} of ${lists} list pages rendered again`);
    // A section whose name lists mark in its own language (lang="ar") is in every list's fingerprint.
    await put(104, '2020-06-06T09:00:00+00:00', { section: 'ثقافة' });
    await assertRebuildIsCold('an article in a new section named in Arabic');
  });

  it('edits a headline, a body, a date into another year and a section', async () => {
    await writeFile(path.join(inbox, 'news/story-006.txt'), articleText(6, 'The school plan is halted in Kingsport'));
    await assertRebuildIsCold('a headline edited');
    await appendFile(path.join(inbox, 'news/story-003.txt'), '\nA paragraph the editors added later, naming Priya Raman.\n');
    await assertRebuildIsCold('a body edited');
    await changeSidecar('news/story-009.txt', { date: '2022-07-01T09:00:00+00:00' });
    await assertRebuildIsCold('a date moved to another year');
    await changeSidecar('sport/story-001.txt', { section: 'arts', tags: ['Waterfront'], authors: ['Jo Byline'] });
    await assertRebuildIsCold('a section, tags and authors changed by a sidecar');
  });

  it('renames a source, and a duplicate appears and disappears', async () => {
    await rename(path.join(inbox, 'arts/story-002.txt'), path.join(inbox, 'arts/renamed-002.txt'));
    await rename(sidecar('arts/story-002.txt'), sidecar('arts/renamed-002.txt'));
    await assertRebuildIsCold('a source renamed');
    await writeFile(path.join(inbox, 'sport/copy-of-4.txt'), articleText(4));
    await assertRebuildIsCold('a duplicate added');
    await rm(path.join(inbox, 'sport/copy-of-4.txt'));
    await assertRebuildIsCold('the duplicate removed');
  });

  it('gives a colliding headline its own URL, and a person whose last articles go loses the page', async () => {
    await put(5, '2020-06-06T09:00:00+00:00', { section: 'arts', name: 'collides', text: articleText(5).replace('on Tuesday', 'on Wednesday') });
    await assertRebuildIsCold('a headline another article has');
    const ferries = ['a', 'b'].map((letter, n) =>
      put(200 + n, `202${n}-05-05T09:00:00+00:00`, {
        section: 'news',
        name: `ferry-${letter}`,
        text: `Ferry timetable ${letter} changes in Eastvale\n\nGiselle Marchetti said on Monday that the ferries in Eastvale would run late, and Giselle Marchetti added that timetable ${letter} would change.\n`,
      }),
    );
    const [ferryA, ferryB] = await Promise.all(ferries);
    await assertRebuildIsCold('a person on two articles');
    assert.ok(readdirSync(path.join(site, 'people')).includes('giselle-marchetti'), 'she has a page');
    await remove(ferryB!);
    await assertRebuildIsCold('the person on one article');
    await remove(ferryA!);
    await assertRebuildIsCold('the person on none');
    await put(300, '2020-08-08T09:00:00+00:00');
    await rebuild();
    await remove('news/story-300.txt');
    await assertRebuildIsCold('an article added, built, then removed');
  });

  it('after a rebuild killed during its render, rebuilds to the cold build’s output', async () => {
    for (const source of ['news/story-000.txt', 'sport/story-004.txt', 'arts/story-005.txt', 'news/story-012.txt']) {
      await appendFile(path.join(inbox, source), '\nA correction the editors added on review.\n');
    }
    const manifestBefore = await readFile(path.join(site, MANIFEST_FILE), 'utf8');
    const child = spawn(process.execPath, [CLI, 'build', '--inbox', inbox, '--articles', articles, '--out', site, '--config', config, '--quiet'], { cwd: PROJECT_ROOT, stdio: 'ignore' });
    // Killed as soon as the first page is in its staging folder: rendering, nothing committed.
    const staged = () => {
      const staging = readdirSync(work).find((name) => name.startsWith('.site.building-') && !name.endsWith('.pagefind-logs'));
      return staging !== undefined && readdirSync(path.join(work, staging), { recursive: true }).some((name) => String(name).endsWith('.html'));
    };
    const killed = await new Promise<boolean>((resolve) => {
      let sent = false;
      const poll = setInterval(() => {
        try {
          if (!sent && staged()) sent = child.kill('SIGKILL');
        } catch {
          // The staging folder went between listing and reading it: the build is past its render.
        }
      }, 1);
      child.on('exit', (_code, signal) => {
        clearInterval(poll);
        resolve(signal === 'SIGKILL');
      });
    });
    assert.ok(killed, 'the build was killed before it ended');
    assert.equal(await readFile(path.join(site, MANIFEST_FILE), 'utf8'), manifestBefore, 'killed before its commit');
    await assertRebuildIsCold('a rebuild killed during its render, then rebuilt');
  });

  it('after the site title, the path prefix and the time zone change', async () => {
    await writeFile(config, JSON.stringify({ ...settings, title: 'Sequences, renamed' }));
    await assertRebuildIsCold('the site title changed');
    await writeFile(config, JSON.stringify({ ...settings, title: 'Sequences, renamed', pathPrefix: '/archive-under/' }));
    await assertRebuildIsCold('the path prefix changed');
    await writeFile(config, JSON.stringify({ ...settings, title: 'Sequences, renamed', pathPrefix: '/archive-under/', timeZone: 'Pacific/Auckland' }));
    await assertRebuildIsCold('the time zone changed');
    await put(400, '2021-12-31T20:00:00+00:00');
    assert.equal(outputOf(await assertRebuildIsCold('an article added on the last day of a year in UTC, the first in Auckland')).incremental, true);
  });

  it('after Node is upgraded (other ICU, time-zone or Unicode data), renders every page again', async () => {
    // ICU formats every date and time on the pages, and its data changes with Node's version
    // (ICU 72 put a narrow no-break space before "AM"; each tzdata release corrects past
    // offsets): a page kept from the old runtime would not be what the new one renders. The
    // upgrade is a preload giving the build other versions, as a newer Node reports them.
    const upgrade = path.join(work, 'upgraded-runtime.mjs');
    await writeFile(
      upgrade,
      `for (const [key, value] of Object.entries({ icu: '99.1', tz: '2099a', unicode: '99.0' })) Object.defineProperty(process.versions, key, { value, enumerable: true, configurable: true });\n`,
    );
    const run = await rebuild({ NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(upgrade).href}` });
    assert.equal(outputOf(run).incremental, false, 'not incremental after the runtime changed');
    assert.equal(outputOf(run).renderedArticles, run.report.articles.length);
  });
});
