// `broadsheet serve` (what `npm start` runs): builds, serves on localhost, and rebuilds when a
// new article arrives in the inbox.

import assert from 'node:assert/strict';
import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SAMPLE_INBOX, temporaryDir } from '../helpers/paths.ts';
import { runCli } from '../helpers/run-build.ts';
import { builds, filesUnder, storyFolder, waitFor, whileServing } from '../helpers/serving.ts';

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
      // The rebuild may follow the first build at once: its summary is the first one printed.
      await waitFor(async () => (builds(output()) >= 1 ? true : undefined), `the first build\n${output()}`);
      assert.match(/^Built .*$/m.exec(output())?.[0] ?? '', /^Built 1 article,/, 'the first build had only the first story: the changes came while it ran');
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
      // An address under the old prefix (an open page reloading, a bookmark) leads to the same page under the new one.
      const [articlePath] = [...home.matchAll(/href="(\/paper\/2024\/[^"]+)"/g)].map((match) => match[1]!);
      assert.ok(articlePath, 'the home page links an article');
      const old = await fetch(`http://localhost:${port}${articlePath.replace('/paper/', '/news/')}?highlight=story`, { redirect: 'manual' });
      assert.equal(old.status, 302);
      assert.equal(old.headers.get('location'), `${articlePath}?highlight=story`);
      assert.equal((await fetch(`http://localhost:${port}/elsewhere/`, { redirect: 'manual' })).status, 404, 'what was under no prefix is still not found');
    });
  });

  it('answers an address that climbs out of the site, or is no URL, with 400 and goes on serving', async () => {
    // One such request ended serve (Eleventy's development server throws, uncaught: 11ty/dev-server#150).
    const { inbox, articles, site } = await storyFolder('serve-hostile-path');
    await whileServing(['--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
      await waitFor(() => fetch(`http://localhost:${port}/`).then((response) => (response.ok ? true : undefined)), `the server on port ${port}\n${output()}`);
      for (const hostile of ['/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc/passwd', '//[']) {
        const answer = await rawGet(port, hostile);
        assert.equal(answer.status, 400, `${hostile}: ${answer.body}`);
        assert.doesNotMatch(answer.body, /root:/, `${hostile} reads nothing outside the site`);
      }
      const home = await fetch(`http://localhost:${port}/`);
      assert.equal(home.status, 200, `still serving after the hostile requests\n${output()}`);
      assert.match(await home.text(), /The first story/);
    });
  });

  it('refuses a port number out of range', async () => {
    const run = await runCli(['serve', '--port', '70000']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /--port must be a port number from 0 to 65535, not "70000"/);
  });

  it('refuses --shard, since a shard served alone links to pages it does not have, and builds nothing', async () => {
    const dir = await temporaryDir('serve-shard');
    const run = await runCli(['serve', '--inbox', SAMPLE_INBOX, '--articles', path.join(dir, 'articles'), '--out', path.join(dir, 'site'), '--shard', 'site', '--port', '0'], { timeoutMs: 15_000 });
    assert.equal(run.exitCode, 2, run.stdout + run.stderr);
    assert.ok(run.stderr.includes('--shard site: serve previews the whole site, and a shard alone links to pages it does not have; leave --shard out, or build the shard with "broadsheet build --shard"'), run.stderr);
    assert.deepEqual(await readdir(dir), []);
  });

  it('listens on this machine only unless --host says otherwise', async () => {
    // All of 127.0.0.0/8 is this machine on Linux: a server on every interface answers at
    // 127.0.0.2 too, one on 127.0.0.1 alone does not. So no network is needed to tell them apart.
    const reachable = (port: number, address: string) =>
      rawGet(port, '/', address).then(
        (response) => response.status,
        (error: NodeJS.ErrnoException) => error.code,
      );
    const { inbox, articles, site } = await storyFolder('serve-host');
    await whileServing(['--inbox', inbox, '--articles', articles, '--out', site], async ({ port, output }) => {
      await waitFor(() => fetch(`http://localhost:${port}/`).then((response) => (response.ok ? true : undefined)), `the server on port ${port}\n${output()}`);
      assert.equal(await reachable(port, '127.0.0.1'), 200);
      assert.equal(await reachable(port, '127.0.0.2'), 'ECONNREFUSED');
      assert.match(output(), new RegExp(`^Server at http://localhost:${port}/$`, 'm'));
    });
    await whileServing(['--inbox', inbox, '--articles', articles, '--out', site, '--host', '0.0.0.0'], async ({ port, output }) => {
      await waitFor(() => fetch(`http://127.0.0.1:${port}/`).then((response) => (response.ok ? true : undefined)), `the server on port ${port}\n${output()}`);
      assert.equal(await reachable(port, '127.0.0.2'), 200);
      assert.match(output(), new RegExp(`^Server at .*http://localhost:${port}/`, 'm'));
    });
  });

  it('refuses a --host that is not an address of this machine', async () => {
    const dir = await temporaryDir('serve-host-refused');
    const serveOn = (host: string, port = '8080') =>
      runCli(['serve', '--inbox', SAMPLE_INBOX, '--articles', path.join(dir, 'articles'), '--out', path.join(dir, 'site'), '--host', host, '--port', port], { timeoutMs: 15_000 });
    const named = await serveOn('localhost');
    assert.equal(named.exitCode, 2, named.stdout + named.stderr);
    assert.ok(named.stderr.includes('--host must be an IP address to listen on, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface), not "localhost"'), named.stderr);
    // TEST-NET-1 (RFC 5737): an address no machine has.
    for (const port of ['8080', '0']) {
      const elsewhere = await serveOn('192.0.2.1', port);
      assert.equal(elsewhere.exitCode, 2, elsewhere.stdout + elsewhere.stderr);
      assert.ok(elsewhere.stderr.includes('--host 192.0.2.1: no network interface of this machine has that address'), `--port ${port}: ${elsewhere.stderr}`);
    }
    assert.deepEqual(await readdir(dir), [], 'nothing was built');
  });

  it('refuses a port that is not written in digits, which it would have read as another port', async () => {
    // "0x1F90" was read as 8080, "1e3" as 1000 (and "" as 0, a random free port: tests/cli/cli.test.ts).
    const dir = await temporaryDir('serve-port-digits');
    for (const port of ['0x1F90', '1e3', ' 8080', '80.0']) {
      const run = await runCli(['serve', '--inbox', SAMPLE_INBOX, '--articles', path.join(dir, 'articles'), '--out', path.join(dir, 'site'), `--port=${port}`], { timeoutMs: 15_000 });
      assert.equal(run.exitCode, 2, `--port=${port}: ${run.stdout}${run.stderr}`);
      assert.ok(run.stderr.includes(`--port must be a port number from 0 to 65535, not "${port}"`), run.stderr);
    }
  });
});

/** A GET with the path sent as written (fetch and URL would normalise `..` and `%2e%2e` away). */
function rawGet(port: number, requestPath: string, host = '127.0.0.1'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host, port, path: requestPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}
