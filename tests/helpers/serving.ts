// Running `broadsheet serve` in a test: a story folder to serve, the server for the length of a
// test, and waiting for what it does.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { CLI, temporaryDir } from './paths.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it gives a value; a minute, since a rebuild on a loaded two-core runner can take many seconds. */
export async function waitFor<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}


export interface Serving {
  port: number;
  output: () => string;
  /** Resolves as soon as serve has printed a line matching `pattern` (without polling, so mid-stage). */
  printed: (pattern: RegExp) => Promise<void>;
}

/** Runs `broadsheet serve` with `args` (and a free port) while `work` runs, then stops it. */
export async function whileServing(args: string[], work: (server: Serving) => Promise<void>, cwd?: string): Promise<void> {
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
export async function storyFolder(name: string, options: { firstBody?: string; second?: boolean } = {}): Promise<{ dir: string; inbox: string; articles: string; site: string }> {
  const dir = await temporaryDir(name);
  const inbox = path.join(dir, 'inbox');
  await mkdir(inbox);
  const meta = [{ file: 'first.txt', date: '2024-01-02' }, ...(options.second ? [{ file: 'second.txt', date: '2024-01-03' }] : [])];
  await writeFile(path.join(inbox, 'meta.jsonl'), meta.map((line) => `${JSON.stringify(line)}\n`).join(''));
  await writeFile(path.join(inbox, 'first.txt'), `The first story\n\n${options.firstBody ?? 'It happened first.'}\n`);
  return { dir, inbox, articles: path.join(dir, 'articles'), site: path.join(dir, 'site') };
}

/** How many builds serve has finished (one summary line each). */
export const builds = (output: string) => output.match(/^Built /gm)?.length ?? 0;

/** The text of every file under `dir`, by path. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')));
}
