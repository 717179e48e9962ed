// `broadsheet serve`: build, serve the output on localhost, rebuild and reload on changes.

import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, isIPv6 } from 'node:net';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import { LOOPBACK, UsageError, type ServeOptions } from './args.ts';
import { printProblems, runBuild } from './build.ts';
import { formerPrefixTarget } from './prefix-redirect.ts';
import type { FileIdentity } from '../file-thread.ts';

/**
 * Refuses a port that cannot be listened on, before the build. The development server would
 * otherwise move to the next free port on its own, and `--port 8080` would serve on 8081 while
 * whatever holds 8080 (another archive's server) kept answering there.
 */
export async function checkPort(port: number, host: string): Promise<void> {
  // Port 0 (any free port) is probed too: the port cannot be taken, but the address can be wrong.
  const failure = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolve(error));
    // Where the development server will listen.
    probe.listen({ port, host }, () => probe.close(() => resolve(undefined)));
  });
  if (failure?.code === 'EADDRINUSE') throw new UsageError(`--port ${port}: the port is in use by another program; stop it, or give a free port with --port N`);
  if (failure?.code === 'EACCES') throw new UsageError(`--port ${port}: this user may not listen on the port (ports below 1024 need privileges); give another with --port N, e.g. 8080`);
  if (failure?.code === 'EADDRNOTAVAIL') throw new UsageError(`--host ${host}: no network interface of this machine has that address; give one it has, 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)`);
  if (failure) throw new UsageError(`--port ${port}: cannot listen on the port (${failure.code ?? failure.message}); give another with --port N`);
}

/** Addresses that mean every interface of the machine. */
const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/** The build's record of the articles folder (`BuildResult.articleFiles`). */
type ArticleFiles = ReadonlyMap<string, FileIdentity | undefined>;

/**
 * Whether a change the watcher saw in the articles folder (`name`, relative to it) is the build's
 * own: a file as the last build wrote or read it (same size, times and inode), or one gone that it
 * no longer lists (an article moved to a new file). Anything else is an edit by someone else, during
 * a build or after it.
 */
async function isBuildsOwn(articlesDir: string, name: string, files: ArticleFiles): Promise<boolean> {
  const file = name.split(path.sep).join('/');
  const stats = await stat(path.join(articlesDir, name)).catch(() => undefined);
  if (!stats) return !files.has(file);
  if (stats.isDirectory()) {
    // A folder the build made for the files it wrote.
    const prefix = `${file}/`;
    for (const known of files.keys()) if (known.startsWith(prefix)) return true;
    return false;
  }
  const seen = files.get(file);
  return seen !== undefined && seen.size === stats.size && seen.mtimeMs === stats.mtimeMs && seen.ino === stats.ino && seen.ctimeMs === stats.ctimeMs;
}

/** A watch that can be stopped. */
interface Watch {
  close(): void;
}

function isFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Watches one file through its folder, so that a file created later, or replaced by an editor's
 * save (a new file renamed over it), is still seen. While its folder does not exist (an aliases
 * file configured as `data/entities.json` before `data/` is made), the nearest folder on the way
 * that does is watched for the next one, and the watch moves down as they are made.
 */
function watchFile(file: string, onChange: () => void): Watch {
  let current: FSWatcher | undefined;
  let closed = false;
  const arm = () => {
    current?.close();
    current = undefined;
    if (closed) return;
    let folder = path.dirname(file);
    let next = path.basename(file);
    while (!isFolder(folder)) {
      const parent = path.dirname(folder);
      // Nothing on the way exists (another drive, gone): nothing to watch.
      if (parent === folder) return;
      next = path.basename(folder);
      folder = parent;
    }
    const ownFolder = folder === path.dirname(file);
    try {
      current = watch(folder, (_event, changed) => {
        if (changed?.toString() !== next) return;
        if (ownFolder) return onChange();
        // A folder on the way was made: watch further down, and the file may be there already.
        arm();
        if (existsSync(file)) onChange();
      });
    } catch {
      // A folder that vanished between the check and the watch: left unwatched.
    }
  };
  arm();
  return {
    close() {
      closed = true;
      current?.close();
    },
  };
}

/**
 * Serves `out` under `pathPrefix`. A request under a prefix it was served under before
 * (`formerPrefixes`, which `serve` adds to) is redirected to the same page under the current one.
 */
function startServer(out: string, pathPrefix: string, port: number, host: string, formerPrefixes: ReadonlySet<string>) {
  const everywhere = EVERY_INTERFACE.has(host);
  const server = EleventyDevServer.getServer('broadsheet', path.resolve(out), {
    pathPrefix,
    liveReload: true,
    domDiff: false,
    // On every interface, the start message lists the machine's addresses beside localhost.
    showAllHosts: everywhere,
    messageOnStart: ({ hosts }) => `Server at ${everywhere ? hosts.join(' or ') : server.getServerUrl(host === LOOPBACK ? 'localhost' : isIPv6(host) ? `[${host}]` : host)}`,
    middleware: [
      (request, response, next) => {
        // Eleventy's development server throws, uncaught, on an address that climbs out of the
        // site (`/..%2f..%2fetc/passwd`, 11ty/dev-server#150) or that is no URL at all (`//[`), and
        // one such request, from anyone who can reach the port, ended `serve`. The rest of its
        // handling runs within `next()`, so the throw is caught here and answered.
        try {
          const target = request.url === undefined ? undefined : formerPrefixTarget(request.url, server.options.pathPrefix, formerPrefixes);
          if (target === undefined) return next();
          response.writeHead(302, { Location: target });
          response.end();
        } catch {
          if (!response.headersSent) response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
          response.end('Bad request: this address is not a page of the site.\n');
        }
      },
    ],
  });
  // The development server listens on every interface and has no option for an address, which
  // would publish a preview of unpublished articles to the whole network: its listen is replaced
  // by one on `host` (the port-taken retry calls it too, though checkPort has refused a port in use).
  server._serverListen = (listenPort: number) => {
    server.server.listen({ port: listenPort, host });
  };
  server.serve(port);
  return server;
}

export async function serve(options: ServeOptions): Promise<number> {
  await checkPort(options.port, options.host);
  const articlesDir = path.resolve(options.articles);
  let articleFiles: ArticleFiles = new Map();
  /** Paths in the articles folder changed since the last look, which may be the build's own writes. */
  const articleChanges = new Set<string>();
  /** A change elsewhere (inbox, configuration, aliases file) since the last look. */
  let otherChange = false;
  // Where the pages' links point: a pathPrefix may come from the configuration file, not only --path-prefix.
  let pathPrefix = '/';
  // Started once the first build is done; the rebuilds below, which run only after it, reload it.
  // eslint-disable-next-line prefer-const -- assigned after the closures that read it are made
  let server: ReturnType<typeof startServer> | undefined;
  /** Prefixes served under earlier in this session, redirected to the current one. */
  const formerPrefixes = new Set<string>();

  let timer: NodeJS.Timeout | undefined;
  // The first build counts as one in progress: what changes during it is built once it is done.
  let building = true;
  let again = false;
  const rebuild = async () => {
    if (building) {
      again = true;
      return;
    }
    building = true;
    try {
      const changed = [...articleChanges];
      articleChanges.clear();
      const edited = otherChange || (await someEdited(changed));
      otherChange = false;
      if (!edited) return;
      const result = await runBuild(options, console.log, { entitiesFileKnown: watchEntities });
      printProblems(result.problems, options.allProblems);
      if (result.articleFiles) articleFiles = result.articleFiles;
      if (server && result.pathPrefix !== undefined && result.pathPrefix !== pathPrefix) {
        // The server takes the new prefix at once (no restart, so open pages keep their live
        // reload), and the reload below sends them from the old prefix to the new one.
        formerPrefixes.add(server.options.pathPrefix);
        console.log(`The pathPrefix changed from ${pathPrefix} to ${result.pathPrefix}: the site is now served there, and addresses under ${pathPrefix} are redirected to it.`);
        pathPrefix = result.pathPrefix;
        server.options.pathPrefix = server.cleanupPathPrefix(pathPrefix);
      }
      server?.reloadFiles([path.join(path.resolve(options.out), 'index.html')], false);
    } catch (error) {
      console.error(error);
    } finally {
      finishBuilding();
    }
  };
  const finishBuilding = () => {
    building = false;
    if (again) {
      again = false;
      void rebuild();
    }
  };
  const someEdited = async (changed: string[]) => {
    for (const name of changed) if (!(await isBuildsOwn(articlesDir, name, articleFiles))) return true;
    return false;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 300);
  };

  // Watching starts before the first build, so that an article dropped in the inbox or a setting
  // edited while it runs (or just after it, before serving starts) is built next, not missed.
  const watchers: FSWatcher[] = [];
  /** Watches the inbox or the articles folder; false when it does not exist (yet). */
  const watchFolder = (target: string, isArticles: boolean): boolean => {
    try {
      const watcher = watch(target, { recursive: true }, (_event, name) => {
        // Our own atomic writes create dot-files first, and ingest keeps its cache in a dot-folder; they are not edits.
        if (name && name.toString().split(/[\\/]/).some((segment) => segment.startsWith('.'))) return;
        if (isArticles && name) articleChanges.add(name.toString());
        else otherChange = true;
        schedule();
      });
      watchers.push(watcher);
      return true;
    } catch {
      return false;
    }
  };
  const folders = [
    { target: options.inbox, isArticles: false },
    { target: options.articles, isArticles: true },
  ];
  // The first build makes the articles folder when it is new: it is watched from then on.
  const unwatched = folders.filter(({ target, isArticles }) => !watchFolder(target, isArticles));
  const onSettingsChange = () => {
    otherChange = true;
    schedule();
  };
  const configWatch = watchFile(path.resolve(options.config), onSettingsChange);
  // The aliases file's place comes from the configuration, so each build names it (before reading
  // it) and it is watched anew when the configuration moves it.
  let entitiesFile: string | undefined;
  let entitiesWatcher: Watch | undefined;
  const watchEntities = (file: string) => {
    if (file === entitiesFile) return;
    entitiesWatcher?.close();
    entitiesFile = file;
    entitiesWatcher = watchFile(file, onSettingsChange);
  };
  const stopWatching = () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    configWatch.close();
    entitiesWatcher?.close();
  };

  const first = await runBuild(options, console.log, { entitiesFileKnown: watchEntities });
  printProblems(first.problems, options.allProblems);
  if (first.exitCode === 2) {
    stopWatching();
    return 2;
  }
  articleFiles = first.articleFiles ?? new Map();
  for (const { target, isArticles } of unwatched) watchFolder(target, isArticles);
  pathPrefix = first.pathPrefix ?? '/';
  server = startServer(options.out, pathPrefix, options.port, options.host, formerPrefixes);
  finishBuilding();

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  stopWatching();
  await server.close();
  return 0;
}
