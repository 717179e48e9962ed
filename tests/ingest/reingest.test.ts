// Re-ingesting: the same inputs give byte-identical article files; a hand-edited article file is
// kept (with a warning when its source changed since); --force regenerates; writes leave no
// temporary files; and the report lists everything removed from each source with its line.

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive } from '../helpers/run-build.ts';

const STORY = 'Harbour plan approved\n\nThe council approved the harbour plan on Monday.\n\nWork starts in May.\n';

async function setUp(): Promise<{ inbox: string; articles: string }> {
  const work = await temporaryDir('reingest');
  const inbox = path.join(work, 'inbox');
  await mkdir(path.join(inbox, 'local'), { recursive: true });
  await writeFile(path.join(inbox, 'local', '2024-05-01-harbour.txt'), STORY);
  await writeFile(path.join(inbox, '2024-05-02-storm.txt'), 'Storm closes the bridge\n\nThe bridge was closed overnight.\n');
  return { inbox, articles: path.join(work, 'articles') };
}

async function run(dirs: { inbox: string; articles: string }, force = false) {
  const problems = new ProblemLog();
  const result = await ingest({ inboxDir: dirs.inbox, articlesDir: dirs.articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', force }, problems);
  return { result, problems };
}

async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

const HARBOUR = '2024/harbour-plan-approved.md';

describe('re-ingesting the same inbox', () => {
  it('writes byte-identical article files and reports them unchanged', async () => {
    const dirs = await setUp();
    const first = await run(dirs);
    assert.deepEqual(first.result.sources.map((source) => source.status), ['written', 'written']);
    const before = await filesIn(dirs.articles);
    const second = await run(dirs);
    assert.deepEqual(second.result.sources.map((source) => source.status), ['unchanged', 'unchanged']);
    assert.deepEqual(await filesIn(dirs.articles), before);
    assert.deepEqual(
      [...before.keys()].sort(),
      ['.broadsheet/ingest-cache.json', '2024/harbour-plan-approved.md', '2024/storm-closes-the-bridge.md'],
      'no temporary files are left: only the articles and the ingest cache',
    );
  });

  it('keeps a hand-edited article file as the human left it, silently while the source is unchanged', async () => {
    const dirs = await setUp();
    await run(dirs);
    const edited = (await readFile(path.join(dirs.articles, HARBOUR), 'utf8')).replace('Work starts in May.', 'Work starts in June (corrected by the editor).');
    await writeFile(path.join(dirs.articles, HARBOUR), edited);
    const again = await run(dirs);
    assert.equal(again.result.sources.find((source) => source.source === 'local/2024-05-01-harbour.txt')!.status, 'kept-hand-edit');
    assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), edited);
    assert.deepEqual(again.problems.problems, []);
  });

  it('keeps a hand-edited article file saved with Windows (CRLF) or old Mac (CR) line endings, under its URL', async () => {
    for (const newline of ['\r\n', '\r']) {
      const dirs = await setUp();
      await run(dirs);
      const edited = (await readFile(path.join(dirs.articles, HARBOUR), 'utf8')).replace('Work starts in May.', 'Work starts in June.').replaceAll('\n', newline);
      await writeFile(path.join(dirs.articles, HARBOUR), edited);
      const again = await run(dirs);
      const label = JSON.stringify(newline);
      assert.equal(again.result.sources.find((source) => source.source === 'local/2024-05-01-harbour.txt')!.status, 'kept-hand-edit', label);
      assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), edited, label);
      assert.deepEqual(again.problems.problems, [], label);
      assert.deepEqual([...(await filesIn(dirs.articles)).keys()].filter((name) => name.endsWith('.md')).sort(), [HARBOUR, '2024/storm-closes-the-bridge.md'], label);
    }
  });

  it('warns, naming both files, when the source of a hand-edited article changes, and still keeps the edit', async () => {
    const dirs = await setUp();
    await run(dirs);
    const edited = `${await readFile(path.join(dirs.articles, HARBOUR), 'utf8')}\nAn editor's note.\n`;
    await writeFile(path.join(dirs.articles, HARBOUR), edited);
    await writeFile(path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt'), STORY.replace('Monday', 'Tuesday'));
    const again = await run(dirs);
    assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), edited);
    assert.deepEqual(again.problems.problems.map((problem) => problem.code), ['SOURCE_CHANGED_AFTER_EDIT']);
    assert.match(again.problems.problems[0]!.file, /local\/2024-05-01-harbour\.txt$/);
    assert.match(again.problems.problems[0]!.message, /harbour-plan-approved\.md was edited by hand/);
    assert.match(again.problems.problems[0]!.hint, /--force/);
  });

  it('regenerates a hand-edited article file with --force', async () => {
    const dirs = await setUp();
    await run(dirs);
    const generated = await readFile(path.join(dirs.articles, HARBOUR), 'utf8');
    await writeFile(path.join(dirs.articles, HARBOUR), generated.replace('Monday', 'Sunday'));
    const forced = await run(dirs, true);
    assert.equal(forced.result.sources.find((source) => source.source === 'local/2024-05-01-harbour.txt')!.status, 'written');
    assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), generated);
  });

  it('moves the article with a source renamed into another year, as a build from nothing would have it', async () => {
    const dirs = await setUp();
    await run(dirs);
    // Both of 2024's sources move to 2023, so the year folder 2024 is left empty.
    await rename(path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt'), path.join(dirs.inbox, 'local', '2023-05-01-harbour.txt'));
    await rename(path.join(dirs.inbox, '2024-05-02-storm.txt'), path.join(dirs.inbox, '2023-05-02-storm.txt'));
    const again = await run(dirs);
    assert.deepEqual(again.problems.problems, []);
    const fresh = { inbox: dirs.inbox, articles: path.join(await temporaryDir('reingest-fresh'), 'articles') };
    await run(fresh);
    const articles = async (dir: string) => new Map([...(await filesIn(dir))].filter(([name]) => !name.startsWith('.broadsheet')));
    assert.deepEqual(await articles(dirs.articles), await articles(fresh.articles));
    assert.deepEqual([...(await articles(dirs.articles)).keys()].sort(), ['2023/harbour-plan-approved.md', '2023/storm-closes-the-bridge.md']);
    assert.deepEqual((await readdir(dirs.articles)).sort(), (await readdir(fresh.articles)).sort(), 'no empty year folder is left');
  });

  it('keeps a hand edit, and the URL, when the edited article\'s source is renamed', async () => {
    const dirs = await setUp();
    await run(dirs);
    const edited = (await readFile(path.join(dirs.articles, HARBOUR), 'utf8')).replace('Work starts in May.', 'Work starts in June.');
    await writeFile(path.join(dirs.articles, HARBOUR), edited);
    await rename(path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt'), path.join(dirs.inbox, '2024-05-01-harbour-renamed.txt'));
    const again = await run(dirs);
    assert.deepEqual(again.result.sources.find((source) => source.source === '2024-05-01-harbour-renamed.txt'), { source: '2024-05-01-harbour-renamed.txt', article: HARBOUR, status: 'kept-hand-edit', removed: [] });
    assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), edited);
    assert.deepEqual([...(await filesIn(dirs.articles)).keys()].filter((name) => name.endsWith('.md')).sort(), [HARBOUR, '2024/storm-closes-the-bridge.md']);
  });

  it('keeps an article whose source left the inbox: the articles folder is the archive', async () => {
    const dirs = await setUp();
    await run(dirs);
    const before = await readFile(path.join(dirs.articles, HARBOUR), 'utf8');
    await rm(path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt'));
    const again = await run(dirs);
    assert.deepEqual(again.result.sources.map((source) => source.source), ['2024-05-02-storm.txt']);
    assert.equal(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), before);
  });

  it('judges a date in the future against each run\'s own date, not the date of the run that parsed the source', async () => {
    const work = await temporaryDir('future-date');
    const dirs = { inbox: path.join(work, 'inbox'), articles: path.join(work, 'articles') };
    await mkdir(dirs.inbox);
    await writeFile(path.join(dirs.inbox, '2024-06-10-launch.txt'), 'Launch set for June\n\nThe launch is set for the tenth.\n');
    await writeFile(path.join(dirs.inbox, 'regatta.txt'), 'Regatta on the river\n\nBoats raced on the river.\n');
    await writeFile(path.join(dirs.inbox, 'meta.jsonl'), '{"file": "regatta.txt", "date": "2024-06-20"}\n');
    const at = async (day: string) => {
      const problems = new ProblemLog();
      await ingest({ inboxDir: dirs.inbox, articlesDir: dirs.articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', now: Date.parse(day) }, problems);
      return problems.problems.filter((problem) => problem.code === 'DATE_IN_FUTURE').map((problem) => `${path.basename(problem.file)}: ${/after this build's date \(([^)]+)\)/.exec(problem.message)?.[1]}`);
    };
    assert.deepEqual(await at('2024-06-01T12:00:00Z'), ['2024-06-10-launch.txt: 1 June 2024', 'meta.jsonl: 1 June 2024']);
    assert.deepEqual(await at('2024-06-05T12:00:00Z'), ['2024-06-10-launch.txt: 5 June 2024', 'meta.jsonl: 5 June 2024']);
    assert.deepEqual(await at('2024-06-15T12:00:00Z'), ['meta.jsonl: 15 June 2024'], 'the launch date has passed');
    assert.deepEqual(await at('2024-07-01T12:00:00Z'), [], 'both dates have passed');
  });

  it('takes a file\'s corrected time, as the DATE_IN_FUTURE hint says, when the file-time date it kept was after the build (a wrong clock)', async () => {
    const work = await temporaryDir('future-file-time');
    const dirs = { inbox: path.join(work, 'inbox'), articles: path.join(work, 'articles') };
    await mkdir(dirs.inbox);
    const source = path.join(dirs.inbox, 'harbour.txt');
    await writeFile(source, 'Harbour reopens\n\nThe harbour reopened.\n');
    const at = async (fileTime: string) => {
      await utimes(source, new Date(fileTime), new Date(fileTime));
      const problems = new ProblemLog();
      const { sources } = await ingest({ inboxDir: dirs.inbox, articlesDir: dirs.articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', now: Date.parse('2026-06-01T12:00:00Z') }, problems);
      const text = await readFile(path.join(dirs.articles, sources[0]!.article!), 'utf8');
      return { file: sources[0]!.article, date: /^date: "([^"]+)"/m.exec(text)?.[1], codes: problems.problems.map((problem) => problem.code).sort() };
    };
    assert.deepEqual(await at('2030-01-01T00:00:00Z'), { file: '2030/harbour-reopens.md', date: '2030-01-01T00:00:00+00:00', codes: ['DATE_FROM_FILE_TIME', 'DATE_IN_FUTURE'] });
    assert.deepEqual(await at('2024-05-01T00:00:00Z'), { file: '2024/harbour-reopens.md', date: '2024-05-01T00:00:00+00:00', codes: ['DATE_FROM_FILE_TIME'] }, 'the time set right is taken');
    assert.deepEqual(await readdir(path.join(dirs.articles, '2030')).catch(() => []), []);
    // A date once taken from a plausible file time stays (a fresh clone's files have new times),
    // and a later time in the future is then not the article's date: nothing to warn about.
    assert.deepEqual(await at('2031-01-01T00:00:00Z'), { file: '2024/harbour-reopens.md', date: '2024-05-01T00:00:00+00:00', codes: ['DATE_FROM_FILE_TIME'] });
  });

  it('shows a kept file-time date in the configured zone once it changes, under the URL year a build from nothing gives it', async () => {
    const work = await temporaryDir('file-time-zone');
    const dirs = { inbox: path.join(work, 'inbox'), articles: path.join(work, 'articles') };
    await mkdir(dirs.inbox);
    const source = path.join(dirs.inbox, 'harbour.txt');
    await writeFile(source, 'Harbour reopens\n\nThe harbour reopened.\n');
    await utimes(source, new Date('2024-12-31T22:30:00Z'), new Date('2024-12-31T22:30:00Z'));
    const inZone = async (timeZone: string, articlesDir: string) => {
      const { sources } = await ingest({ inboxDir: dirs.inbox, articlesDir, rules: DEFAULT_RULES, timeZone, language: 'en' }, new ProblemLog());
      const text = await readFile(path.join(articlesDir, sources[0]!.article!), 'utf8');
      return { file: sources[0]!.article, date: /^date: "([^"]+)"/m.exec(text)?.[1] };
    };
    assert.deepEqual(await inZone('UTC', dirs.articles), { file: '2024/harbour-reopens.md', date: '2024-12-31T22:30:00+00:00' });
    const riyadh = { file: '2025/harbour-reopens.md', date: '2025-01-01T01:30:00+03:00' };
    assert.deepEqual(await inZone('Asia/Riyadh', path.join(work, 'from-nothing')), riyadh);
    assert.deepEqual(await inZone('Asia/Riyadh', dirs.articles), riyadh, 'the same instant, in the zone now configured');
  });

  it('sees an edit of the same size written in place whose file time was then set back (touch -d, rsync -t)', async () => {
    const dirs = await setUp();
    const outDir = path.join(path.dirname(dirs.articles), 'site');
    const build = async () => {
      const built = await buildArchive(dirs.inbox, [], { outDir, articlesDir: dirs.articles });
      assert.equal(built.exitCode, 0, built.stderr);
      const article = built.report.articles.find((entry) => entry.source === 'local/2024-05-01-harbour.txt')!;
      return { file: path.join(dirs.articles, article.file), page: await readFile(path.join(outDir, article.url, 'index.html'), 'utf8'), problems: built.report.problems };
    };
    // A file time in whole seconds, which utimes sets back exactly.
    const time = new Date('2024-06-01T12:00:00Z');
    // Same size, same inode, same modification time: only the change time tells.
    const rewriteInPlace = async (file: string, from: string, to: string) => {
      const before = await stat(file);
      await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
      await utimes(file, time, time);
      const after = await stat(file);
      assert.deepEqual([after.size, after.ino, after.mtimeMs], [before.size, before.ino, before.mtimeMs]);
    };
    const source = path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt');
    await utimes(source, time, time);
    const { file } = await build();
    await rewriteInPlace(source, 'Work starts in May.', 'Work starts in Jun.');
    assert.match((await build()).page, /Work starts in Jun\./, 'the source edit is published');
    await utimes(file, time, time);
    await build();
    await rewriteInPlace(file, 'Work starts in Jun.', 'Work starts in Jul.');
    const handEdited = await build();
    assert.match(handEdited.page, /Work starts in Jul\./, 'the hand edit is published');
    assert.match(await readFile(file, 'utf8'), /Work starts in Jul\./, 'the hand edit is kept');
  });

  it('keeps an article file\'s slug when its source\'s headline changes', async () => {
    const dirs = await setUp();
    await run(dirs);
    await writeFile(path.join(dirs.inbox, 'local', '2024-05-01-harbour.txt'), STORY.replace('Harbour plan approved', 'Harbour plan finally approved'));
    const again = await run(dirs);
    assert.equal(again.result.sources.find((source) => source.source === 'local/2024-05-01-harbour.txt')!.article, HARBOUR);
    assert.match(await readFile(path.join(dirs.articles, HARBOUR), 'utf8'), /title: "Harbour plan finally approved"/);
  });

  it('reports a URL collision in the run that gave the URL, and later runs report what a run without the cache does', async () => {
    const dirs = await setUp();
    await run(dirs);
    // A second article with the first one's headline: its URL gets a suffix, once.
    await writeFile(path.join(dirs.inbox, '2024-05-03-harbour-again.txt'), 'Harbour plan approved\n\nA second story under the same headline.\n');
    const colliding = await run(dirs);
    assert.deepEqual(colliding.problems.problems.map((problem) => problem.code), ['SLUG_COLLISION']);
    const cached = await run(dirs);
    assert.equal(cached.result.cache?.reused, 3);
    await rm(path.join(dirs.articles, '.broadsheet'), { recursive: true });
    const uncached = await run(dirs);
    assert.equal(uncached.result.cache?.reused, 0);
    assert.deepEqual(cached.problems.problems, uncached.problems.problems);
  });
});

describe('the build report lists what ingest removed', () => {
  it('reports the inbox\'s and sidecars\' problems once when a new source repeats a known one (ingest starts over without its cache)', async () => {
    const dirs = await setUp();
    await writeFile(path.join(dirs.inbox, 'meta.jsonl'), `${JSON.stringify({ file: 'gone.txt', title: 'Gone' })}\n`);
    await writeFile(path.join(dirs.inbox, '.draft.txt'), 'Not ready\n\nText.\n');
    const site = path.join(path.dirname(dirs.articles), 'site');
    const first = await buildArchive(dirs.inbox, [], { articlesDir: dirs.articles, outDir: site });
    const codes = (run: typeof first) => run.report.problems.map((problem) => problem.code).sort();
    assert.deepEqual(codes(first), ['INBOX_HIDDEN_FILE', 'SIDECAR_MISSING_FILE']);
    // The same text under another name: which one is the duplicate depends on both, so the
    // cached outcomes are dropped and every source is read again.
    await writeFile(path.join(dirs.inbox, '2024-05-01-harbour-copy.txt'), STORY);
    const rebuilt = await buildArchive(dirs.inbox, [], { articlesDir: dirs.articles, outDir: site });
    assert.equal(rebuilt.exitCode, 0, rebuilt.stderr);
    assert.deepEqual(codes(rebuilt), ['DUPLICATE_ARTICLE', 'INBOX_HIDDEN_FILE', 'SIDECAR_MISSING_FILE']);
    assert.equal(rebuilt.stderr.match(/SIDECAR_MISSING_FILE/g)?.length, 1, rebuilt.stderr);
    assert.deepEqual(codes(rebuilt), codes(await buildArchive(dirs.inbox)), 'the problems of a build from nothing');
  });

  it('gives every removed line of every source with its line number and reason, including configured rules', async () => {
    const work = await temporaryDir('report');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-06-01-gazette.txt'), 'Published\n- 3 min read\nGazette headline\n\nThe story itself.\n\nMore from the Gazette\nLeave a Reply\n');
    await writeFile(path.join(inbox, '2024-06-02-agency.txt'), 'عنوان الخبر\n\nنص الخبر.\n\n// انتهى //\n\n20:26 ت م\n');
    const config = path.join(work, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ ingest: { boilerplate: ['^more from the gazette$'] } }));
    const build = await buildArchive(inbox, ['--config', config]);
    assert.equal(build.exitCode, 0, build.stderr);
    const sources = (build.report as unknown as { sources: Array<{ source: string; removed: unknown[] }> }).sources;
    assert.deepEqual(sources, [
      {
        source: '2024-06-01-gazette.txt',
        article: '2024/gazette-headline.md',
        status: 'written',
        removed: [
          { line: 1, text: 'Published', reason: 'chrome' },
          { line: 2, text: '- 3 min read', reason: 'chrome' },
          { line: 7, text: 'More from the Gazette', reason: 'boilerplate' },
          { line: 8, text: 'Leave a Reply', reason: 'boilerplate' },
        ],
      },
      {
        source: '2024-06-02-agency.txt',
        article: '2024/nwan-alkhbr.md', // ع has no Latin letter in the table
        status: 'written',
        removed: [
          { line: 5, text: '// انتهى //', reason: 'boilerplate' },
          { line: 7, text: '20:26 ت م', reason: 'boilerplate' },
        ],
      },
    ]);
  });
});
