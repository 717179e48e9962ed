// `broadsheet serve` (what `npm start` runs): builds, serves on localhost, and rebuilds when a
// new article arrives in the inbox.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CLI, SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}


interface Serving {
  port: number;
  output: () => string;
  /** Resolves as soon as serve has printed a line matching `pattern` (without polling, so mid-stage). */
  printed: (pattern: RegExp) => Promise<void>;
}

/** Runs `broadsheet serve` with `args` (and a free port) while `work` runs, then stops it. */
async function whileServing(args: string[], work: (server: Serving) => Promise<void>, cwd?: string): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', ...args, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], ...(cwd ? { cwd } : {}) });
  let output = '';
  const waiting: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const wait of [...waiting]) {
      if (!wait.pattern.test(output)) continue;
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const printed = (pattern: RegExp) =>
    pattern.test(output) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ pattern, resolve }));
  try {
    await work({ port, output: () => output, printed });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // serve must stop on SIGTERM; SIGKILL only so a regression fails the test instead of hanging it.
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
    if (!stopped) child.kill('SIGKILL');
    assert.ok(stopped, 'serve stops on SIGTERM');
  }
}

/**
 * A folder for one serve run: `inbox` with `first.txt` (a story saying `firstBody`) dated in
 * meta.jsonl, which also dates `second.txt` when `second` is set so a test can add it later;
 * `articles` and `site` are where the run puts its files.
 */
async function storyFolder(name: string, options: { firstBody?: string; second?: boolean } = {}): Promise<{ dir: string; inbox: string; articles: string; site: string }> {
  const dir = await temporaryDir(name);
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox);
  const meta = [{ file: 'first.txt', date: '2024-01-02' }, ...(options.second ? [{ file: 'second.txt', date: '2024-01-03' }] : [])];
  await writeFile(path.join(inbox, 'meta.jsonl'), meta.map((line) => `${JSON.stringify(line)}\n`).join(''));
  await writeFile(path.join(inbox, 'first.txt'), `The first story\n\n${options.firstBody ?? 'It happened first.'}\n`);
  return { dir, inbox, articles: path.join(dir, 'articles'), site: path.join(dir, 'site') };
}

const builds = (output: string) => output.match(/^Built /gm)?.length ?? 0;

/** The text of every file under `dir`, by path. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
}

describe('broadsheet serve', () => {
  it('serves the built site and rebuilds when an article is added to the inbox', async () => {
    const { inbox, articles, site } = await storyFolder('serve', { second: true });
    await whileServing(['--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
      const home = () => fetch(`http://localhost:${port}/`).then((response) => (response.ok ? response.text() : undefined));
      const first = await waitFor(home, `the server on port ${port}\n${output()}`);
      assert.match(first, /The first story/);
      assert.doesNotMatch(first, /The second story/);

      await writeFile(path.join(inbox, 'second.txt'), 'The second story\n\nIt happened next.\n');
      const rebuilt = await waitFor(async () => {
        const page = await home();
        return page?.includes('The second story') ? page : undefined;
      }, `the rebuild\n${output()}`);
      assert.match(rebuilt, /The first story/);
    });
  });

  it('refuses a port in use, before building, instead of serving on the next one', async () => {
    const dir = await temporaryDir('serve-port');
    // Another server holds the port, on every interface as the development server listens.
    const holder = createServer();
    const port = await new Promise<number>((resolve) => holder.listen(0, () => resolve((holder.address() as { port: number }).port)));
    try {
      const run = await runCli(['serve', '--inbox', SAMPLE_INBOX, '--articles', path.join(dir, 'articles'), '--out', path.join(dir, 'site'), '--port', String(port)], { timeoutMs: 30_000 });
      assert.equal(run.exitCode, 2, `${run.stdout}${run.stderr}`);
      assert.match(run.stderr, new RegExp(`--port ${port}: the port is in use by another program; stop it, or give a free port with --port N`));
      assert.doesNotMatch(run.stdout, /Server at/);
      assert.doesNotMatch(run.stdout, /^Built /m, 'nothing was built');
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it("serves the site under the configuration file's pathPrefix, where its links point", async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-prefix');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ pathPrefix: '/news/' }));
    await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
      const get = (url: string) => fetch(`http://localhost:${port}${url}`).then((response) => (response.ok ? response.text() : undefined));
      const home = await waitFor(() => get('/news/'), `the home page at /news/ on port ${port}\n${output()}`);
      assert.match(home, /The first story/);
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1];
      assert.ok(stylesheet?.startsWith('/news/'), stylesheet);
      assert.ok(await get(stylesheet!), `${stylesheet} is served`);
    });
  });

  it("rebuilds once per inbox change, not again for the build's own article files, and still for a hand edit", async () => {
    const { inbox, articles, site } = await storyFolder('serve-own-writes', { second: true });
    await whileServing(['--inbox', inbox, '--articles', articles, '--out', site], async ({ output }) => {
      await waitFor(async () => (builds(output()) === 1 ? true : undefined), `the first build\n${output()}`);
      // Ingest writes the new article's file into the articles folder: that is no edit to rebuild for.
      await writeFile(path.join(inbox, 'second.txt'), 'The second story\n\nIt happened next.\n');
      await waitFor(async () => (builds(output()) >= 2 ? true : undefined), `the rebuild\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 4000));
      assert.equal(builds(output()), 2, output());

      // A hand edit of an article file the build wrote is one.
      const [article] = (await readdir(articles, { recursive: true })).filter((file) => file.endsWith('.md') && file.includes('first'));
      assert.ok(article, 'the first article has a file');
      await appendFile(path.join(articles, article), '\nA line added by hand.\n');
      await waitFor(async () => (builds(output()) === 3 ? true : undefined), `the rebuild after the hand edit\n${output()}`);
      assert.ok((await filesUnder(site)).some((text) => text.includes('A line added by hand.')), 'the hand edit reaches the site');
    });
  });

  it('rebuilds when the aliases file next to the configuration is edited', async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-entities', { firstBody: 'President Joe Biden said it happened first.' });
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, '{}');
    await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ output }) => {
      await waitFor(async () => (builds(output()) === 1 ? true : undefined), `the first build\n${output()}`);
      await writeFile(path.join(dir, 'entities.json'), JSON.stringify({ aliases: { 'Joseph Robinette Biden': ['Joe Biden'] } }));
      await waitFor(
        async () => ((await filesUnder(site)).some((text) => text.includes('Joseph Robinette Biden')) ? true : undefined),
        `the alias on the site\n${output()}`,
      );
    });
  });

  it('rebuilds when the aliases file is created in a folder that did not exist when serve started', async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-entities-folder', { firstBody: 'President Joe Biden said it happened first.' });
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ entitiesFile: 'data/names/entities.json' }));
    await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ output }) => {
      await waitFor(async () => (builds(output()) === 1 ? true : undefined), `the first build\n${output()}`);
      // Made as a person would: the folders first, then the file, with time between.
      await mkdir(path.join(dir, 'data'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await mkdir(path.join(dir, 'data', 'names'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writeFile(path.join(dir, 'data', 'names', 'entities.json'), JSON.stringify({ aliases: { 'Joseph Robinette Biden': ['Joe Biden'] } }));
      await waitFor(
        async () => ((await filesUnder(site)).some((text) => text.includes('Joseph Robinette Biden')) ? true : undefined),
        `the alias on the site\n${output()}`,
      );
    });
  });

  it('builds what changed in the inbox and the aliases file while the first build ran', async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-during-first', { firstBody: 'President Joe Biden said it happened first.', second: true });
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, '{}');
    await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ output, printed }) => {
      // The aliases file has been read by then (with the configuration), and the inbox ingested.
      await printed(/render: started/);
      await writeFile(path.join(dir, 'entities.json'), JSON.stringify({ aliases: { 'Joseph Robinette Biden': ['Joe Biden'] } }));
      await writeFile(path.join(inbox, 'second.txt'), 'The second story\n\nIt happened next.\n');
      await waitFor(async () => (builds(output()) === 1 ? true : undefined), `the first build\n${output()}`);
      assert.match(output(), /Built 1 article,/, 'the first build had only the first story: the changes came while it ran');
      await waitFor(
        async () => {
          const text = (await filesUnder(site)).join('\n');
          return text.includes('Joseph Robinette Biden') && text.includes('The second story') ? true : undefined;
        },
        `the alias and the second story on the site\n${output()}`,
      );
    });
  });

  it('rebuilds when the configuration file is created after serve started', async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-new-config');
    // No --config: the default broadsheet.config.json of the working folder, not there yet.
    await whileServing(
      ['--inbox', inbox, '--articles', articles, '--out', site],
      async ({ port, output }) => {
        const home = () => fetch(`http://localhost:${port}/`).then((response) => (response.ok ? response.text() : undefined));
        assert.doesNotMatch(await waitFor(home, `the server\n${output()}`), /The Harbour Gazette/);
        await writeFile(path.join(dir, 'broadsheet.config.json'), JSON.stringify({ title: 'The Harbour Gazette' }));
        await waitFor(async () => ((await home())?.includes('The Harbour Gazette') ? true : undefined), `the new title\n${output()}`);
      },
      dir,
    );
  });

  it("serves under a pathPrefix changed in the configuration while serving", async () => {
    const { dir, inbox, articles, site } = await storyFolder('serve-prefix-change');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ pathPrefix: '/news/' }));
    await whileServing(['--config', config, '--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
      const get = (url: string) => fetch(`http://localhost:${port}${url}`).then((response) => (response.ok ? response.text() : undefined));
      await waitFor(() => get('/news/'), `the home page at /news/\n${output()}`);
      await writeFile(config, JSON.stringify({ pathPrefix: '/paper/' }));
      const home = await waitFor(() => get('/paper/'), `the home page at /paper/\n${output()}`);
      assert.match(home, /The first story/);
      const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home)?.[1];
      assert.ok(stylesheet?.startsWith('/paper/'), stylesheet);
      assert.ok(await get(stylesheet!), `${stylesheet} is served`);
      assert.match(output(), /pathPrefix changed from \/news\/ to \/paper\//);
    });
  });

  it('refuses a port number out of range', async () => {
    const run = await runCli(['serve', '--port', '70000']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /--port must be a port number, not "70000"/);
  });
});
