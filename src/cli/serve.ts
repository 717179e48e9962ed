// `broadsheet serve`: build, serve the output on localhost, rebuild and reload on changes.

import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import type { ServeOptions } from './args.ts';
import { printProblems, runBuild } from './build.ts';

export async function serve(options: ServeOptions): Promise<number> {
  const first = await runBuild(options);
  printProblems(first.problems, options.allProblems);
  if (first.exitCode === 2) return 2;

  const server = EleventyDevServer.getServer('broadsheet', path.resolve(options.out), {
    pathPrefix: options.pathPrefix ?? '/',
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
