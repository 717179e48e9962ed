// Parsing on worker threads changes nothing but the time: an inbox ingested with the parse pool
// gives the same article files, ingest cache, source results and problems (in the same order) as
// one parsed on the main thread; and a worker that dies stops ingest with an error naming the file.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { DEFAULT_SEED, generateArchive } from '../../src/bench/generate-archive.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { defaultPoolSize, PARSE_POOL_THRESHOLD, ParsePool } from '../../src/ingest/parse-pool.ts';
import { ParseWorkerError } from '../../src/ingest/parse-worker-error.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';

const execFileAsync = promisify(execFile);

// Enough that the default starts the pool too.
const ARTICLES = PARSE_POOL_THRESHOLD;

/** A generated inbox with hostile files among the ordinary ones, so problems of every kind are replayed. */
async function hostileInbox(): Promise<string> {
  const inbox = path.join(await temporaryDir('parse-pool'), 'inbox');
  await generateArchive(inbox, ARTICLES, { layout: 'flat', seed: DEFAULT_SEED });
  await writeFile(path.join(inbox, 'business-000000a-empty.txt'), '');
  await writeFile(path.join(inbox, 'culture-picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]));
  await copyFile(path.join(inbox, 'business-000000.txt'), path.join(inbox, 'local-copy.txt'));
  // Several problems from one source (its encoding, then no date anywhere), then the same title
  // as the next file, so the slugs collide.
  await writeFile(path.join(inbox, 'sport-caf\u00e9-a.txt'), Buffer.from('Caf\xe9 closes\n\nThe caf\xe9 on the corner closed on Monday.\n', 'latin1'));
  await writeFile(path.join(inbox, 'sport-caf\u00e9-b.txt'), 'Caf\u00e9 closes\n\nA different caf\u00e9 closed as well.\n');
  await writeFile(path.join(inbox, 'world-nul.txt'), `Half a story\n\nThe rest is ${'\u0000'.repeat(12)} binary.\n`);
  // A long article with a problem just before a short one with another: on two workers the short
  // one is done first, so problems replayed as they arrive rather than in turn come out swapped.
  await writeFile(path.join(inbox, 'zz-1-long.txt'), `A long read\n\n${'Words upon words in a paragraph. '.repeat(12).concat('\n\n').repeat(3000)}`);
  await writeFile(path.join(inbox, 'zz-2-empty.txt'), '\n');
  return inbox;
}

async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), await readFile(path.join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

async function ingestInto(inbox: string, parseOn: 'auto' | 'workers' | 'main') {
  const articles = path.join(await temporaryDir('parse-pool-articles'), 'articles');
  const problems = new ProblemLog();
  const result = await ingest({ inboxDir: inbox, articlesDir: articles, rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en', parseOn }, problems);
  return { result, problems: problems.problems, files: await filesIn(articles) };
}

describe('parsing on worker threads', () => {
  it('gives the same articles, cache, results and problems, in the same order, as parsing on the main thread', async () => {
    const inbox = await hostileInbox();
    const onMain = await ingestInto(inbox, 'main');
    const onWorkers = await ingestInto(inbox, 'workers');
    // The default: the main thread parses what the workers have no room for.
    const shared = await ingestInto(inbox, 'auto');

    assert.deepEqual(onMain.result.parse, { workers: 0, inWorkers: 0 });
    assert.equal(onWorkers.result.parse!.workers, Math.max(2, defaultPoolSize()), 'the pool started');
    assert.equal(onWorkers.result.parse!.inWorkers, ARTICLES + 8, 'every source was parsed on a worker');
    assert.equal(shared.result.parse!.workers, defaultPoolSize(), `${ARTICLES + 8} sources start the pool`);

    const codes = new Set(onMain.problems.map((problem) => problem.code));
    for (const code of ['ARTICLE_EMPTY', 'BINARY_FILE', 'DUPLICATE_ARTICLE', 'BINARY_NUL_BYTE', 'ENCODING_WINDOWS_1252', 'DATE_FROM_FILE_TIME', 'SLUG_COLLISION']) {
      assert.ok(codes.has(code), `the inbox produces ${code}`);
    }
    for (const run of [onWorkers, shared]) {
      assert.deepEqual(run.problems, onMain.problems);
      assert.deepEqual(run.result.sources, onMain.result.sources);
      assert.equal(run.files.size, onMain.files.size);
      assert.ok(run.files.has('.broadsheet/ingest-cache.json'));
      for (const [file, text] of onMain.files) assert.equal(run.files.get(file), text, file);
    }
  });

  it('starts its workers when Node was given flags a worker thread refuses (node --max-old-space-size=N)', { timeout: 60_000 }, async () => {
    // How a user gives a large build more memory. Node refuses such flags in a worker's execArgv,
    // so a pool that passed them on could not start at all.
    const script = `
      const { ParsePool } = await import(${JSON.stringify(new URL('../../src/ingest/parse-pool.ts', import.meta.url).href)});
      const { DEFAULT_RULES } = await import(${JSON.stringify(new URL('../../src/ingest/rules.ts', import.meta.url).href)});
      const pool = new ParsePool({ rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, 1);
      try {
        const { parsed } = await pool.parse({ path: 'a.txt', displayPath: 'inbox/a.txt', bytes: Buffer.from('Parsed on a worker\\n\\nText.\\n'), mtimeMs: 0 });
        process.stdout.write(parsed.frontmatter.title + ' / ' + pool.parsed);
      } finally {
        await pool.close();
      }`;
    const { stdout } = await execFileAsync(process.execPath, ['--max-old-space-size=3072', '--max-semi-space-size=16', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: PROJECT_ROOT });
    assert.equal(stdout, 'Parsed on a worker / 1');
  });

  it('stops with an error naming the file when a worker dies', { timeout: 60_000 }, async () => {
    // A worker with too little memory for the source dies of it: a real crash, not a simulated one.
    // (Enough to start and parse an ordinary article; a 54 MB one needs about 1 GB.) Node ends a
    // worker at its heap limit by giving it 16 MB more to stop in; one still allocating past that,
    // inside a builtin that does not stop, takes the whole process down. At 48 MB the parser was
    // in such a builtin when the limit came in about a third of runs, after the dates' parsing
    // changed; at 128 MB in none of 24.
    const pool = new ParsePool({ rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, 1, { maxOldGenerationSizeMb: 128 });
    const huge = Buffer.from(`Headline\n\n${'A long paragraph of words. '.repeat(2_000_000)}\n`);
    try {
      const ordinary = await pool.parse({ path: 'fine.txt', displayPath: 'inbox/fine.txt', bytes: Buffer.from('Fine\n\nAn ordinary article.\n'), mtimeMs: 0 });
      assert.equal(ordinary.parsed?.frontmatter.title, 'Fine');
      await assert.rejects(
        pool.parse({ path: 'huge.txt', displayPath: 'inbox/huge.txt', bytes: huge, mtimeMs: 0 }),
        (error: unknown) => error instanceof ParseWorkerError && error.source === 'inbox/huge.txt' && /while parsing inbox\/huge\.txt: .*memory/.test(error.message),
      );
      await assert.rejects(pool.parse({ path: 'next.txt', displayPath: 'inbox/next.txt', bytes: Buffer.from('Next\n\nText.\n'), mtimeMs: 0 }), ParseWorkerError);
    } finally {
      await pool.close();
    }
  });
});
