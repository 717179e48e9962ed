// Command-line parsing for `broadsheet build|serve`: flags, defaults and --help texts.

import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME } from '../config/site-config.ts';
import { parseShard, type Shard } from '../site/shard.ts';

export interface BuildOptions {
  inbox: string;
  articles: string;
  out: string;
  config: string;
  /** The configuration file was named (--config): it must exist, where the default may not. */
  configNamed?: boolean;
  baseUrl?: string;
  pathPrefix?: string;
  strict: boolean;
  force: boolean;
  quiet: boolean;
  /** Print every problem; by default, past a few of one kind the rest are only counted. */
  allProblems: boolean;
  report?: string;
  /** Build only this shard of the archive (a year, or the rest of the site). */
  shard?: Shard;
}

export interface ServeOptions extends BuildOptions {
  port: number;
  /** The address to listen on: 127.0.0.1 (this machine only) unless `--host` says otherwise. */
  host: string;
}

/** Where `serve` listens by default: this machine only, as a preview of unpublished articles should. */
export const LOOPBACK = '127.0.0.1';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const BUILD_FLAGS = {
  inbox: { type: 'string', default: 'content/inbox' },
  articles: { type: 'string', default: 'content/articles' },
  out: { type: 'string', default: '_site' },
  config: { type: 'string' },
  'base-url': { type: 'string' },
  'path-prefix': { type: 'string' },
  strict: { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  'all-problems': { type: 'boolean', default: false },
  report: { type: 'string' },
  shard: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

export const BUILD_HELP = `Usage: broadsheet build [options]

Ingests the inbox into article files, renders the site with Eleventy and indexes it with Pagefind.

Options:
  --inbox DIR          raw .txt articles (and meta.jsonl / NAME.json sidecars)  [content/inbox]
  --articles DIR       the archive's markdown article files                      [content/articles]
  --out DIR            where the built site goes                                  [_site]
  --config FILE        site settings                                              [broadsheet.config.json]
  --base-url URL       deployed origin, e.g. https://example.org (overrides the config file)
  --path-prefix /sub/  URL path the site lives under (overrides the config file)
  --strict             warnings fail the build too (exit status 1)
  --force              regenerate article files even where they were edited by hand,
                       and render, write and index every page (not only what changed)
  --report FILE        write a JSON report: articles, problems, time per stage
  --shard YEAR|site    build one shard: the pages and search index of one year, or the rest
                       of the site (home, lists, search page, assets); see docs/scaling.md
  --quiet              print only problems (no progress display)
  --all-problems       print every problem; by default, after 10 of one kind the rest are
                       counted in one line (--report FILE lists them all either way)
  --help               show this text

Exit status: 0 built cleanly; 1 built, but some inputs had errors (or warnings with --strict);
2 nothing built (bad flags or configuration).
`;

export const SERVE_HELP = `Usage: broadsheet serve [options]

Builds the site, serves it at http://localhost:8080 and rebuilds when the inbox, the articles,
the configuration or the aliases file (entities.json) change. Takes the options of "broadsheet build"
(but --shard: it serves the whole site), and:

  --port N             port to listen on (one in use is refused)                  [8080]
  --host ADDRESS       address to listen on: 127.0.0.1 is this machine only; 0.0.0.0 (or ::)
                       is every network interface, for a phone or another computer to reach
                       the preview (anyone on the network can then read it)       [127.0.0.1]
`;

export const MAIN_HELP = `Usage: broadsheet <command> [options]

Commands:
  build    ingest, render and index the archive (broadsheet build --help)
  serve    build, serve on localhost and rebuild on changes (broadsheet serve --help)
  bench    time cold and incremental builds of a synthetic archive (broadsheet bench --help)
`;

function toBuildOptions(values: Record<string, unknown>): BuildOptions {
  const options: BuildOptions = {
    inbox: values.inbox as string,
    articles: values.articles as string,
    out: values.out as string,
    config: (values.config as string | undefined) ?? CONFIG_FILE_NAME,
    strict: values.strict as boolean,
    force: values.force as boolean,
    quiet: values.quiet as boolean,
    allProblems: values['all-problems'] as boolean,
  };
  if (values.config !== undefined) options.configNamed = true;
  if (values['base-url'] !== undefined) options.baseUrl = values['base-url'] as string;
  if (values['path-prefix'] !== undefined) options.pathPrefix = values['path-prefix'] as string;
  if (values.report !== undefined) options.report = values.report as string;
  if (values.shard !== undefined) {
    const shard = parseShard(values.shard as string);
    if (!shard) throw new UsageError(`--shard must be a year (e.g. 2015) or "site", not "${String(values.shard)}"`);
    options.shard = shard;
  }
  return options;
}

type FlagSpecs = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

/**
 * `--articles -5` as `--articles=-5`, so that the flag's own check names the value: parseArgs
 * takes a value starting with a dash for a forgotten value, and says nothing of numbers.
 */
function joinNegativeValues(argv: string[], flags: FlagSpecs): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [arg, next] = [argv[i]!, argv[i + 1]];
    const takesValue = arg.startsWith('--') && flags[arg.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  return args;
}

/**
 * The flags' values. A flag that takes a value is refused when given more than once: parseArgs
 * keeps the last, so `--out a --out b` would build into `b` without a word about `a` (a flag
 * repeated by mistake, or one a script adds and the user's command repeats). A switch given
 * twice means what it means once. An empty value is refused too: `--articles "$DIR"` with `DIR`
 * unset would name the current folder, and ingest would write the archive among its files.
 */
export function parseFlags(argv: string[], flags: FlagSpecs): Record<string, unknown> {
  const args = joinNegativeValues(argv, flags);
  let parsed;
  try {
    parsed = parseArgs({ args, options: flags, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const given = new Map<string, string[]>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.value.trim() === '') throw new UsageError(`--${token.name} was given an empty value${token.value === '' ? '' : ` (${JSON.stringify(token.value)})`}: give it a value (see --help), or leave the flag out for its default`);
    given.set(token.name, [...(given.get(token.name) ?? []), token.value]);
  }
  for (const [name, values] of given) {
    if (values.length > 1) {
      throw new UsageError(`--${name} was given ${values.length} times (${values.map((value) => JSON.stringify(value)).join(', ')}), but it takes one value: give --${name} once, with the value you mean`);
    }
  }
  return parsed.values as Record<string, unknown>;
}

export function parseBuildArgs(argv: string[]): BuildOptions | 'help' {
  const values = parseFlags(argv, BUILD_FLAGS);
  return values.help ? 'help' : toBuildOptions(values);
}

export function parseServeArgs(argv: string[]): ServeOptions | 'help' {
  const values = parseFlags(argv, { ...BUILD_FLAGS, port: { type: 'string', default: '8080' }, host: { type: 'string', default: LOOPBACK } });
  if (values.help) return 'help';
  // A shard is one part of the site, made to be deployed beside the others: served alone, its
  // links to the other parts' pages are missing.
  if (values.shard !== undefined) {
    throw new UsageError(`--shard ${String(values.shard)}: serve previews the whole site, and a shard alone links to pages it does not have; leave --shard out, or build the shard with "broadsheet build --shard"`);
  }
  // Digits only: Number() reads "" as 0 (any free port), "0x1F90" as 8080 and "1e3" as 1000.
  const port = /^\d{1,5}$/.test(String(values.port)) ? Number(values.port) : NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port must be a port number from 0 to 65535, not "${String(values.port)}"`);
  const host = String(values.host);
  // An address, not a name: "localhost" may resolve to ::1 alone, which 127.0.0.1 then misses.
  if (isIP(host) === 0) throw new UsageError(`--host must be an IP address to listen on, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface), not "${host}"`);
  return { ...toBuildOptions(values), port, host };
}
