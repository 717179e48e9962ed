// `broadsheet serve`: build, serve the output on localhost, rebuild and reload on changes.

import { watch, type FSWatcher } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { UsageError, type ServeOptions } from './args.ts';
import { printProblems, runBuild } from './build.ts';

/**
 * Refuses a port that cannot be listened on, before the build. The development server would
 * otherwise move to the next free port on its own, and `--port 8080` would serve on 8081 while
 * whatever holds 8080 (another archive's server) kept answering there.
 */
export async function checkPort(port: number): Promise<void> {
  // Port 0 asks for any free port: nothing to check.
  if (port === 0) return;
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    // Where the development server listens: every interface, as node's default.
    probe.listen({ port }, () => probe.close(() => resolve(undefined)));
  });
  if (failure?.code === 'EADDRINUSE') throw new UsageError(`--port ${port}: the port is in use by another program; stop it, or give a free port with --port N`);
  if (failure?.code === 'EACCES') throw new UsageError(`--port ${port}: this user may not listen on the port (ports below 1024 need privileges); give another with --port N, e.g. 8080`);
  if (failure) throw new UsageError(`--port ${port}: cannot listen on the port (${failure.code ?? failure.message}); give another with --port N`);
}

export async function serve(options: ServeOptions): Promise<number> {
  await checkPort(options.port);
  const first = await runBuild(options);
  printProblems(first.problems, options.allProblems);
  if (first.exitCode === 2) return 2;

  const server = EleventyDevServer.getServer('broadsheet', path.resolve(options.out), {
    // Where the pages' links point: a pathPrefix may come from the configuration file, not only --path-prefix.
    pathPrefix: first.pathPrefix ?? '/',
    liveReload: true,
    domDiff: false,
  });
  server.serve(options.port);

  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      const result = await runBuild(options);
      printProblems(result.problems, options.allProblems);
      server.reloadFiles([path.join(path.resolve(options.out), 'index.html')], false);
    } catch (error) {
      console.error(error);
    } finally {
      building = false;
      if (again) {
        again = false;
        void rebuild();
      }
    }
  };
  const watchers: FSWatcher[] = [];
  for (const target of [options.inbox, options.articles, options.config]) {
    try {
      const watcher = watch(target, { recursive: true }, (_event, name) => {
        // Our own atomic writes create dot-files first, and ingest keeps its cache in a dot-folder; they are not edits.
        if (name && name.toString().split(/[\\/]/).some((segment) => segment.startsWith('.'))) return;
        clearTimeout(timer);
        timer = setTimeout(() => void rebuild(), 300);
      });
      watchers.push(watcher);
    } catch {
      // A missing folder is simply not watched.
    }
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  clearTimeout(timer);
  for (const watcher of watchers) watcher.close();
  await server.close();
  return 0;
}
