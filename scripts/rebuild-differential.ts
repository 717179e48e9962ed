// The randomized differential check of rebuilds: a small archive of real articles (and a few
// hostile ones) is changed step by step by a seeded sequence of edits a user makes, and after each
// step the output rebuilt in place must be what a cold build of the same inbox and articles writes
// into a fresh folder: every file byte for byte outside pagefind/, the same pages indexed with the
// same text in the search bundles the search page lists, the same article files and the same
// problems. Not part of `npm test` (minutes per seed); docs/scaling.md says how to run it.
//
//   node --import tsx scripts/rebuild-differential.ts [--seeds 1-5] [--steps 16] [--articles 50]
//        [--corpus DIR] [--keep DIR] [--browser]
//
// Exit status 1 when any step differed; each difference is printed with the seed and step, so
// `--seeds N --steps K` replays it (the sequence depends only on the seed).

import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { createRandom, type Random } from '../src/bench/prng.ts';
import { siteDifferences } from '../tests/helpers/site-diff.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLI = path.join(PROJECT_ROOT, 'bin/broadsheet.js');

interface Options {
  seeds: number[];
  steps: number;
  articles: number;
  corpus: string;
  keep?: string;
  browser: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { seeds: [1], steps: 16, articles: 50, corpus: path.resolve(PROJECT_ROOT, '../shared/corpus/bbc'), browser: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--seeds') {
      const [from, to] = value().split('-').map(Number);
      options.seeds = Array.from({ length: (to ?? from!) - from! + 1 }, (_, k) => from! + k);
    } else if (flag === '--steps') options.steps = Number(value());
    else if (flag === '--articles') options.articles = Number(value());
    else if (flag === '--corpus') options.corpus = path.resolve(value());
    else if (flag === '--keep') options.keep = path.resolve(value());
    else if (flag === '--browser') options.browser = true;
    else throw new Error(`unknown flag ${flag}`);
  }
  return options;
}

// Small parts, so that a few dozen articles over four years make several parts and deltas.
const ENV = { BROADSHEET_SEARCH_PART_PAGES: '12', BROADSHEET_SEARCH_FIRST_WAVE: '10', BROADSHEET_PROGRESS: 'quiet' };

/** Text that looks like markup, templates, YAML or markdown, and must be shown as it is. */
const HOSTILE = [
  (n: number) => `<script>alert(${n})</script> Council <b>meets</b> again\n\nThe council said {{ 7 * 7 }} and {% raw %} were on the agenda, not ${'${'}process.exit()}.\n\n---\ntitle: injected\n---\n\n# Not a heading ${n}\n\n[click](javascript:alert(1)) and <img src=x onerror=alert(1)> stay text.\n`,
  (n: number) => `Harbour fees rise | {{ site.title }} ${n}\n\nA paragraph with *stars*, _underscores_, \`code\`, a pipe | table | row and &amp; an entity.\n\n> quoted line that is not a quote\n\n1. not a list ${n}\n`,
  (n: number) => `Zero\u200bwidth and \u202Eright-to-left\u202C headline ${n}\n\nControl\u0007 characters\u001b[31m in text, a tab\there, and a line\u2028separator.\n\nقال المجلس إن الميناء سيفتح في الربيع ${n}.\n`,
];

interface Source {
  /** Inbox path of the text file. */
  file: string;
  /** How its date is given. */
  dating: 'sidecar' | 'jsonl' | 'name' | 'mtime';
}

class Scenario {
  readonly inbox: string;
  readonly articles: string;
  readonly site: string;
  readonly config: string;
  readonly sources: Source[] = [];
  private unused: string[];
  private next = 0;
  settings = { title: 'Differential', baseUrl: 'https://archive.example', pathPrefix: '/', language: 'en', timeZone: 'UTC', pageSize: 4 };

  constructor(
    readonly work: string,
    readonly random: Random,
    corpusFiles: string[],
    readonly corpus: string,
  ) {
    this.inbox = path.join(work, 'inbox');
    this.articles = path.join(work, 'articles');
    this.site = path.join(work, 'site');
    this.config = path.join(work, 'broadsheet.config.json');
    this.unused = corpusFiles;
  }

  randomDate(): string {
    const year = this.random.int(2019, 2022);
    const month = this.random.int(1, 12);
    const day = this.random.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(this.random.int(0, 23)).padStart(2, '0')}:${String(this.random.int(0, 59)).padStart(2, '0')}:00`;
  }

  async writeConfig(): Promise<void> {
    await writeFile(this.config, `${JSON.stringify(this.settings, null, 2)}\n`);
  }

  sidecarOf(source: Source): string {
    return path.join(this.inbox, source.file.replace(/\.txt$/, '.json'));
  }

  async readSidecar(source: Source): Promise<Record<string, unknown>> {
    const text = await readFile(this.sidecarOf(source), 'utf8').catch(() => undefined);
    try {
      return text === undefined ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      return {}; // broken by an earlier step: the edit writes it whole again
    }
  }

  async writeSidecar(source: Source, data: Record<string, unknown>): Promise<void> {
    await writeFile(this.sidecarOf(source), JSON.stringify(data));
  }

  /** Adds the next corpus article (or a hostile one) under a section folder, dated one of four ways. */
  async add(text?: string, base?: string): Promise<Source> {
    let body = text;
    let name = base;
    if (body === undefined) {
      const file = this.unused.shift();
      if (!file) return this.add(HOSTILE[this.next % HOSTILE.length]!(this.next), `hostile-${this.next}`);
      body = await readFile(path.join(this.corpus, file), 'utf8');
      name = file.replace(/\.txt$/, '');
    }
    this.next++;
    const section = this.random.pick(['business', 'sport', 'arts', 'news']);
    const dating = this.random.pick(['sidecar', 'sidecar', 'jsonl', 'name', 'mtime'] as const);
    const date = this.randomDate();
    const fileName = dating === 'name' ? `${date.slice(0, 10)}-${name}-${this.next}.txt` : `${name}-${this.next}.txt`;
    const source: Source = { file: `${section}/${fileName}`, dating };
    await mkdir(path.join(this.inbox, section), { recursive: true });
    await writeFile(path.join(this.inbox, source.file), body);
    if (dating === 'sidecar') await this.writeSidecar(source, { date });
    if (dating === 'jsonl') await this.appendJsonl(section, { file: fileName, date });
    if (dating === 'mtime') {
      const when = new Date(`${date}Z`);
      await utimes(path.join(this.inbox, source.file), when, when);
    }
    this.sources.push(source);
    return source;
  }

  async appendJsonl(section: string, line: object): Promise<void> {
    const file = path.join(this.inbox, section, 'meta.jsonl');
    const before = await readFile(file, 'utf8').catch(() => '');
    await writeFile(file, `${before}${JSON.stringify(line)}\n`);
  }

  pickSource(): Source | undefined {
    return this.sources.length === 0 ? undefined : this.random.pick(this.sources);
  }

  /** The article file ingest made of `source`, if any. */
  async articleOf(source: Source): Promise<string | undefined> {
    if (!existsSync(this.articles)) return undefined;
    for (const entry of await readdir(this.articles, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md')) continue;
      const file = path.join(entry.parentPath, entry.name);
      if ((await readFile(file, 'utf8')).includes(`"path":${JSON.stringify(source.file)}`)) return file;
      if ((await readFile(file, 'utf8')).includes(`path: ${source.file}`)) return file;
    }
    return undefined;
  }
}

type Step = (scenario: Scenario) => Promise<{ description: string; args?: string[]; kill?: number | 'commit' }>;

const lines = (text: string) => text.split('\n');

/** The changes a user makes between builds; each returns what it did. */
const STEPS: Record<string, Step> = {
  add: async (s) => ({ description: `add ${(await s.add()).file}` }),
  addHostile: async (s) => {
    const n = s.random.int(0, 999);
    return { description: `add hostile ${(await s.add(HOSTILE[n % HOSTILE.length]!(n), `hostile-${n}`)).file}` };
  },
  deleteSource: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to delete' };
    s.sources.splice(s.sources.indexOf(source), 1);
    await rm(path.join(s.inbox, source.file));
    await rm(s.sidecarOf(source), { force: true });
    return { description: `delete source ${source.file} (its article file stays)` };
  },
  deleteArticle: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to delete' };
    const article = await s.articleOf(source);
    s.sources.splice(s.sources.indexOf(source), 1);
    await rm(path.join(s.inbox, source.file));
    await rm(s.sidecarOf(source), { force: true });
    if (article) await rm(article);
    return { description: `delete source and article file of ${source.file}` };
  },
  rename: async (s) => {
    const source = s.pickSource();
    if (!source || source.dating === 'jsonl' || source.dating === 'name') return { description: 'nothing to rename' };
    const section = s.random.pick(['business', 'sport', 'arts', 'news']);
    const renamed = `${section}/renamed-${s.random.int(0, 9999)}-${path.basename(source.file)}`;
    await mkdir(path.join(s.inbox, section), { recursive: true });
    const oldSidecar = s.sidecarOf(source);
    const from = source.file;
    await rename(path.join(s.inbox, source.file), path.join(s.inbox, renamed));
    source.file = renamed;
    if (existsSync(oldSidecar)) await rename(oldSidecar, s.sidecarOf(source));
    return { description: `rename ${from} to ${renamed}` };
  },
  editHeadline: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to edit' };
    const file = path.join(s.inbox, source.file);
    const text = lines(await readFile(file, 'utf8'));
    text[0] = `${text[0]} (updated ${s.random.int(0, 99)})`;
    await writeFile(file, text.join('\n'));
    return { description: `edit headline of ${source.file}` };
  },
  editBody: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to edit' };
    const file = path.join(s.inbox, source.file);
    await writeFile(file, `${await readFile(file, 'utf8')}\nA late paragraph about the harbour tramway number ${s.random.int(0, 999)} was added.\n`);
    return { description: `append a paragraph to ${source.file}` };
  },
  editDate: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to edit' };
    const date = s.randomDate();
    if (source.dating === 'jsonl') await s.appendJsonl(path.dirname(source.file), { file: path.basename(source.file), date });
    else await s.writeSidecar(source, { ...(await s.readSidecar(source)), date });
    return { description: `date ${source.file} ${date}` };
  },
  editSection: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to edit' };
    const section = s.random.pick(['Business', 'World', 'Sport', 'Arts & Culture']);
    await s.writeSidecar(source, { ...(await s.readSidecar(source)), section });
    return { description: `section of ${source.file}: ${section}` };
  },
  editTags: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to edit' };
    const tags = [s.random.pick(['economy', 'football', 'film', 'Economy']), s.random.pick(['tramway', 'harbour', 'weather'])];
    await s.writeSidecar(source, { ...(await s.readSidecar(source)), tags });
    return { description: `tags of ${source.file}: ${tags.join(', ')}` };
  },
  handEdit: async (s) => {
    const source = s.pickSource();
    const article = source && (await s.articleOf(source));
    if (!article) return { description: 'nothing to hand-edit' };
    const text = await readFile(article, 'utf8');
    const kind = s.random.int(0, 2);
    const edits = [
      () => `${text}\nAn editor's note added by hand.\n`,
      () => text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.startsWith('"') ? title.replace(/"$/, ' (edited)"') : `${title} (edited)`}`),
      () => text.replace(/^tags: \[\]$/m, 'tags:\n  - hand-picked'),
    ];
    await writeFile(article, edits[kind]!());
    return { description: `hand-edit (${['body', 'title', 'tags'][kind]}) ${path.relative(s.articles, article)}` };
  },
  duplicate: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to duplicate' };
    const copy: Source = { file: source.file.replace(/\.txt$/, `-copy${s.random.int(0, 999)}.txt`), dating: 'sidecar' };
    await cp(path.join(s.inbox, source.file), path.join(s.inbox, copy.file));
    await s.writeSidecar(copy, { ...(await s.readSidecar(source)), date: s.randomDate() });
    s.sources.push(copy);
    return { description: `duplicate ${source.file} as ${copy.file}` };
  },
  collide: async (s) => {
    if (s.sources.length < 2) return { description: 'nothing to collide' };
    const a = s.random.pick(s.sources);
    const b = s.random.pick(s.sources.filter((other) => other !== a));
    const headline = lines(await readFile(path.join(s.inbox, a.file), 'utf8'))[0]!;
    const file = path.join(s.inbox, b.file);
    const text = lines(await readFile(file, 'utf8'));
    text[0] = headline;
    await writeFile(file, text.join('\n'));
    return { description: `give ${b.file} the headline of ${a.file}` };
  },
  touch: async (s) => {
    const source = s.pickSource();
    if (!source || source.dating === 'mtime') return { description: 'nothing to touch' };
    const now = new Date();
    await utimes(path.join(s.inbox, source.file), now, now);
    return { description: `touch ${source.file}` };
  },
  timeZone: async (s) => {
    s.settings.timeZone = s.random.pick(['UTC', 'Europe/London', 'Pacific/Auckland', 'America/Los_Angeles']);
    await s.writeConfig();
    return { description: `time zone ${s.settings.timeZone}` };
  },
  title: async (s) => {
    s.settings.title = `Differential ${s.random.int(0, 99)}`;
    await s.writeConfig();
    return { description: `title ${s.settings.title}` };
  },
  pathPrefix: async (s) => {
    s.settings.pathPrefix = s.random.pick(['/', '/archive/', '/news/old/']);
    await s.writeConfig();
    return { description: `path prefix ${s.settings.pathPrefix}` };
  },
  pageSize: async (s) => {
    s.settings.pageSize = s.random.pick([2, 4, 5]);
    await s.writeConfig();
    return { description: `page size ${s.settings.pageSize}` };
  },
  breakSidecar: async (s) => {
    const source = s.pickSource();
    if (!source || source.dating === 'jsonl') return { description: 'no sidecar to break' };
    await writeFile(s.sidecarOf(source), '{"date": "2021-02-30", "title": ');
    return { description: `break the sidecar of ${source.file}` };
  },
  futureDate: async (s) => {
    const source = s.pickSource();
    if (!source || source.dating === 'jsonl') return { description: 'nothing to date' };
    await s.writeSidecar(source, { ...(await s.readSidecar(source)), date: '2031-05-01T10:00:00' });
    return { description: `date ${source.file} in the future` };
  },
  breakArticle: async (s) => {
    const source = s.pickSource();
    const article = source && (await s.articleOf(source));
    if (!article) return { description: 'no article file to break' };
    const text = await readFile(article, 'utf8');
    await writeFile(article, text.replace(/^date: .*$/m, s.random.pick(['date: "not a date"', 'date: [unclosed', 'title: twice'])));
    return { description: `break the frontmatter of ${path.relative(s.articles, article)}` };
  },
  emptySource: async (s) => {
    const source = s.pickSource();
    if (!source) return { description: 'nothing to empty' };
    await writeFile(path.join(s.inbox, source.file), s.random.pick(['', '\n\n', '\uFEFF', 'Only a headline']));
    return { description: `empty (or nearly) ${source.file}` };
  },
  dropCaches: async (s) => {
    await rm(path.join(s.articles, '.broadsheet'), { recursive: true, force: true });
    return { description: 'delete the articles folder’s caches' };
  },
  removeSidecar: async (s) => {
    const source = s.pickSource();
    if (!source || !existsSync(s.sidecarOf(source))) return { description: 'no sidecar to remove' };
    await rm(s.sidecarOf(source));
    return { description: `remove the sidecar of ${source.file}` };
  },
  renameFolder: async (s) => {
    const folders = [...new Set(s.sources.map((source) => source.file.split('/')[0]!))];
    if (folders.length === 0) return { description: 'no folder to rename' };
    const from = s.random.pick(folders);
    const to = s.random.pick([`${from}-desk`, '2021', `Über ${from}`, from.toUpperCase()]);
    if (to === from || existsSync(path.join(s.inbox, to))) return { description: `no rename of ${from}` };
    await rename(path.join(s.inbox, from), path.join(s.inbox, to));
    for (const source of s.sources) if (source.file.startsWith(`${from}/`)) source.file = `${to}${source.file.slice(from.length)}`;
    return { description: `rename folder ${from} to ${to}` };
  },
  decomposedName: async (s) => {
    const text = await readFile(path.join(s.corpus, s.random.pick(['sport-001.txt', 'business-002.txt', 'entertainment-003.txt'])), 'utf8').catch(() => 'Café owners protest\n\nThe café owners met.\n');
    const source: Source = { file: `news/Cafe\u0301-${s.random.int(0, 999)}.txt`, dating: 'sidecar' };
    await mkdir(path.join(s.inbox, 'news'), { recursive: true });
    await writeFile(path.join(s.inbox, source.file), text);
    await s.writeSidecar(source, { date: s.randomDate() });
    s.sources.push(source);
    return { description: `add ${JSON.stringify(source.file)} (a decomposed name)` };
  },
  entities: async (s) => {
    // The aliases file beside the configuration (its default place).
    const block = [s.random.pick(['United States', 'London', 'Chelsea', 'Arsenal', 'Federal Reserve', 'Europe'])];
    const aliases = s.random.next() < 0.5 ? { 'Tony Blair': ['Blair', 'Mr Blair'] } : { 'Manchester United': ['Man Utd', 'United'] };
    await writeFile(path.join(s.work, 'entities.json'), JSON.stringify({ aliases, kinds: {}, block }));
    return { description: `entities: block ${block[0]}, aliases of ${Object.keys(aliases)[0]}` };
  },
  kill: async (s) => ({ description: `add ${(await s.add()).file}, kill the build midway`, kill: s.random.int(200, 1500) }),
  killInCommit: async (s) => {
    const source = s.pickSource();
    if (source) await writeFile(path.join(s.inbox, source.file), `${await readFile(path.join(s.inbox, source.file), 'utf8')}\nOne more line before the kill.\n`);
    return { description: `edit ${source?.file ?? 'nothing'}, kill the build as it commits`, kill: 'commit' as const };
  },
  force: async () => ({ description: 'rebuild with --force', args: ['--force'] }),
  nothing: async () => ({ description: 'rebuild with nothing changed' }),
};

const WEIGHTS: Array<[string, number]> = [
  ['add', 4], ['addHostile', 1], ['deleteSource', 2], ['deleteArticle', 2], ['rename', 2], ['editHeadline', 2], ['editBody', 2],
  ['editDate', 3], ['editSection', 2], ['editTags', 2], ['handEdit', 2], ['duplicate', 1], ['collide', 1], ['touch', 2],
  ['timeZone', 1], ['title', 1], ['kill', 2], ['killInCommit', 2], ['force', 1], ['nothing', 1], ['pathPrefix', 1], ['pageSize', 1], ['breakSidecar', 1],
  ['futureDate', 1], ['breakArticle', 1], ['emptySource', 1], ['dropCaches', 1], ['removeSidecar', 1], ['renameFolder', 1], ['decomposedName', 1], ['entities', 1],
];

function pickStep(random: Random): string {
  const total = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let at = random.next() * total;
  for (const [name, weight] of WEIGHTS) {
    at -= weight;
    if (at < 0) return name;
  }
  return WEIGHTS[0]![0];
}

interface Run {
  exitCode: number | null;
  stderr: string;
  report?: Report;
}

interface Report {
  problems: Array<Record<string, unknown>>;
  output: { incremental: boolean } | null;
  articles: Array<Record<string, unknown>>;
  sources?: Array<{ source: string; status: string }>;
  pages: number;
  searchParts: unknown[];
}

/**
 * Runs the CLI. `kill`: SIGKILL after that many milliseconds, or, with `'commit'`, as soon as the
 * build starts putting its site in place (its commit journal or the retired site appears).
 */
function runBuild(s: Scenario, dirs: { articles: string; out: string; report: string }, args: string[] = [], kill?: number | 'commit'): Promise<Run> {
  const killAfterMs = kill;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'build', '--inbox', s.inbox, '--articles', dirs.articles, '--out', dirs.out, '--config', s.config, '--report', dirs.report, '--quiet', ...args], {
      env: { ...process.env, ...ENV },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const outName = path.basename(dirs.out);
    const committing = () => readdirSync(path.dirname(dirs.out)).some((name) => name.startsWith(`.${outName}.commit-`) || name.startsWith(`.${outName}.old-`));
    const timer =
      kill === undefined
        ? undefined
        : kill === 'commit'
          ? setInterval(() => committing() && child.kill('SIGKILL'), 1)
          : setTimeout(() => child.kill('SIGKILL'), kill);
    child.on('close', async (code) => {
      if (timer) clearInterval(timer);
      const report = killAfterMs === undefined ? await readFile(dirs.report, 'utf8').then((text) => JSON.parse(text) as Report, () => undefined) : undefined;
      resolve({ exitCode: code, stderr, ...(report ? { report } : {}) });
    });
  });
}

/** Every file under `dir` but the caches in `.broadsheet/`, by relative path. */
async function folderFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative.startsWith('.broadsheet/')) continue;
    files.set(relative, await readFile(path.join(dir, relative)));
  }
  return files;
}

function mapDifferences(a: Map<string, Buffer | string>, b: Map<string, Buffer | string>): string[] {
  const out: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) out.push(`only rebuilt: ${key}`);
  for (const key of b.keys()) if (!a.has(key)) out.push(`only cold: ${key}`);
  for (const [key, value] of a) {
    const other = b.get(key);
    if (other !== undefined && (typeof value === 'string' ? value !== other : !value.equals(other as Buffer))) out.push(`differs: ${key}`);
  }
  return out;
}

interface SearchPartEntry {
  bundle: string;
}

async function listedSearchParts(site: string): Promise<Array<SearchPartEntry & { articles: number; wave: number }>> {
  const html = await readFile(path.join(site, 'search/index.html'), 'utf8');
  const listed = /data-search-parts="([^"]*)"/.exec(html)?.[1];
  // Bundles are listed under the path prefix (data-base-url); files are found without it.
  const prefix = /data-base-url="([^"]*)"/.exec(html)?.[1] ?? '/';
  const parts = JSON.parse((listed ?? '[]').replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as Array<SearchPartEntry & { articles: number; wave: number }>;
  return parts.map((part) => ({ ...part, bundle: part.bundle.startsWith(prefix) ? `/${part.bundle.slice(prefix.length)}` : part.bundle }));
}

/**
 * The search page's list of parts with each delta bundle counted in its part: what a cold build
 * of the same pages lists (its years, article counts and the wave a search merges it in).
 */
async function foldedSearchParts(site: string): Promise<string> {
  const folded: Array<SearchPartEntry & { articles: number; wave: number; deltaWave?: number }> = [];
  for (const part of await listedSearchParts(site)) {
    const owner = folded.at(-1);
    if (part.bundle.endsWith('-added/') && owner) {
      owner.articles += part.articles;
      if (part.wave !== owner.wave) owner.deltaWave = part.wave;
    } else folded.push({ ...part });
  }
  return JSON.stringify(folded);
}

/**
 * What the search index holds, as a reader's searches see it: every page of every bundle the
 * search page lists, by URL, with the text, metadata and filters of its Pagefind fragment; and
 * bundle folders on disk that the page does not list.
 */
export async function indexedPages(site: string): Promise<{ pages: Map<string, string>; unlisted: string[]; problems: string[] }> {
  const pages = new Map<string, string>();
  const problems: string[] = [];
  const parts = await listedSearchParts(site);
  const bundles = new Set(parts.map((part) => part.bundle.replace(/^\/|\/$/g, '')));
  for (const bundle of bundles) {
    const fragments = path.join(site, bundle, 'fragment');
    if (!existsSync(fragments)) {
      problems.push(`listed bundle ${bundle} has no fragments`);
      continue;
    }
    for (const name of await readdir(fragments)) {
      const text = gunzipSync(await readFile(path.join(fragments, name))).toString('utf8').replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(text) as { url: string; content: string; meta: unknown; filters: unknown; sort: unknown; language?: string };
      const url = fragment.url.replace(/\?.*$/, '');
      if (pages.has(url)) problems.push(`${url} is indexed twice (again in ${bundle})`);
      pages.set(url, JSON.stringify([fragment.content, fragment.meta, fragment.filters, fragment.sort, fragment.language]));
    }
  }
  const unlisted: string[] = [];
  const pagefind = path.join(site, 'pagefind');
  if (existsSync(pagefind)) {
    for (const entry of await readdir(pagefind, { withFileTypes: true })) {
      if (entry.isDirectory() && /^\d+(-added)?$/.test(entry.name) && !bundles.has(`pagefind/${entry.name}`)) unlisted.push(`pagefind/${entry.name}`);
    }
  }
  return { pages, unlisted, problems };
}

/** Problems as a set of lines, the two builds' folder names replaced by placeholders. */
function problemLines(report: Report | undefined, replace: Array<[string, string]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const problem of report?.problems ?? []) {
    let line = JSON.stringify(problem);
    for (const [from, to] of replace) line = line.split(from).join(to);
    out.set(line, line);
  }
  return out;
}

async function checkStep(s: Scenario, label: string, rebuilt: Run, browser: boolean): Promise<string[]> {
  const differences: string[] = [];
  const coldWork = await mkdtemp(path.join(s.work, 'cold-'));
  const coldArticles = path.join(coldWork, 'articles');
  // The same article files (slugs, hand edits, term URLs are the archive's history), without the caches.
  if (existsSync(s.articles)) await cp(s.articles, coldArticles, { recursive: true, filter: (from) => !from.split(path.sep).includes('.broadsheet') && !from.endsWith('.lock') });
  const coldOut = path.join(coldWork, 'site');
  const cold = await runBuild(s, { articles: coldArticles, out: coldOut, report: path.join(coldWork, 'report.json') });
  if (rebuilt.exitCode !== cold.exitCode) differences.push(`exit status ${rebuilt.exitCode} rebuilt, ${cold.exitCode} cold\n${rebuilt.stderr.slice(0, 2000)}`);
  if (!existsSync(s.site) || !existsSync(coldOut)) {
    differences.push(`no site: rebuilt ${existsSync(s.site)}, cold ${existsSync(coldOut)}\n${rebuilt.stderr.slice(0, 2000)}\n${cold.stderr.slice(0, 2000)}`);
    return differences;
  }
  const site = await siteDifferences(s.site, coldOut);
  for (const file of site.onlyRebuilt) differences.push(`site: only rebuilt has ${file}`);
  for (const file of site.onlyCold) differences.push(`site: only cold has ${file}`);
  for (const file of site.differing) differences.push(`site: ${file} differs`);
  for (const line of mapDifferences(await folderFiles(s.articles), await folderFiles(coldArticles))) differences.push(`articles: ${line}`);
  const rebuiltProblems = problemLines(rebuilt.report, [[s.articles, '<articles>'], [path.relative(PROJECT_ROOT, s.articles), '<articles>'], [s.site, '<out>']]);
  // A URL given to a colliding headline in this build is reported by this build only: the cold
  // build reads it from the article file this build wrote.
  const written = new Set((rebuilt.report?.sources ?? []).filter((source) => source.status === 'written').map((source) => path.join(s.inbox, source.source)));
  for (const [line] of rebuiltProblems) {
    const problem = JSON.parse(line) as { code: string; file: string };
    if (problem.code === 'SLUG_COLLISION' && written.has(problem.file)) rebuiltProblems.delete(line);
  }
  const coldProblems = problemLines(cold.report, [[coldArticles, '<articles>'], [path.relative(PROJECT_ROOT, coldArticles), '<articles>'], [coldOut, '<out>']]);
  for (const line of mapDifferences(rebuiltProblems, coldProblems)) differences.push(`problems: ${line}`);
  // The report's account of the site: its articles (source, file, URL, title, date), pages and parts.
  const account = (report: Report | undefined, articles: string) =>
    JSON.stringify([report?.articles, report?.pages, report?.searchParts]).split(articles).join('<articles>');
  if (account(rebuilt.report, s.articles) !== account(cold.report, coldArticles)) differences.push(`report: articles, pages or search parts differ (${rebuilt.report?.pages} and ${cold.report?.pages} pages)`);
  const [listA, listB] = await Promise.all([foldedSearchParts(s.site), foldedSearchParts(coldOut)]);
  if (listA !== listB) differences.push(`search page: parts (deltas folded into their parts) differ:\n rebuilt ${listA}\n cold    ${listB}`);
  const [a, b] = await Promise.all([indexedPages(s.site), indexedPages(coldOut)]);
  for (const problem of a.problems) differences.push(`search (rebuilt): ${problem}`);
  for (const problem of b.problems) differences.push(`search (cold): ${problem}`);
  for (const bundle of a.unlisted) differences.push(`search: rebuilt keeps bundle ${bundle}, which the search page does not list`);
  for (const line of mapDifferences(a.pages, b.pages)) differences.push(`search: ${line}`);
  if (browser && differences.length === 0) differences.push(...(await compareSearches(s.site, coldOut, [...b.pages.keys()])));
  if (differences.length === 0) await rm(coldWork, { recursive: true, force: true });
  else differences.unshift(`${label}: cold build kept in ${coldWork}`);
  return differences;
}

/** A few searches in Chromium on both sites: the same totals and the same results, in order. */
export async function compareSearches(rebuilt: string, cold: string, urls: string[]): Promise<string[]> {
  const { serveInBrowser, closeServed } = await import('../tests/helpers/browser.ts');
  const { openWatchedPage } = await import('../tests/helpers/browser.ts');
  const { searchInPage, searchReady } = await import('../tests/search/search-in-page.ts');
  const queries = ['harbour', 'tramway', 'government', 'said', 'council', 'الميناء', 'film', 'economy growth'];
  const results: string[] = [];
  for (const dir of [rebuilt, cold]) {
    // Served under the site's path prefix, as the page addresses its scripts and index from it.
    const prefix = /data-base-url="([^"]*)"/.exec(await readFile(path.join(dir, 'search/index.html'), 'utf8'))?.[1] ?? '/';
    const { server, browser } = await serveInBrowser(dir, prefix);
    try {
      const watched = await openWatchedPage(browser, server.origin);
      await watched.page.goto(`${server.origin}${prefix}search/`);
      await searchReady(watched.page);
      const found = await searchInPage(watched.page, queries, 1000, {}, true);
      results.push(JSON.stringify(found.map(({ query, total, urls: hits }) => ({ query, total, hits }))));
      if (watched.consoleMessages.length > 0) results.push(`console: ${watched.consoleMessages.join(' | ')}`);
    } finally {
      await closeServed(browser, server);
    }
  }
  void urls;
  return results[0] === results[1] ? [] : [`browser searches differ:\n rebuilt ${results[0]}\n cold    ${results[1]}`];
}

async function runSeed(seed: number, options: Options, corpusFiles: string[]): Promise<string[]> {
  const random = createRandom(`rebuild-differential-${seed}`);
  const work = options.keep ? path.join(options.keep, `seed-${seed}`) : await mkdtemp(path.join(os.tmpdir(), `broadsheet-differential-${seed}-`));
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  const files = [...corpusFiles];
  // A seeded shuffle: each seed takes other articles.
  for (let i = files.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [files[i], files[j]] = [files[j]!, files[i]!];
  }
  const s = new Scenario(work, random, files.slice(0, options.articles * 2), options.corpus);
  await s.writeConfig();
  for (let i = 0; i < options.articles; i++) await s.add();
  for (let i = 0; i < 3; i++) await s.add(HOSTILE[i]!(i), `hostile-${i}`);
  const failures: string[] = [];
  const report = path.join(work, 'report.json');
  const first = await runBuild(s, { articles: s.articles, out: s.site, report });
  failures.push(...(await checkStep(s, `seed ${seed} step 0 (first build)`, first, false)));
  for (let step = 1; step <= options.steps && failures.length === 0; step++) {
    // One to three changes between builds, as a user drops in files and edits others.
    const changes = [];
    for (let n = random.int(1, 3); n > 0; n--) changes.push(await STEPS[pickStep(random)]!(s));
    const change = {
      description: changes.map((one) => one.description).join('; '),
      args: changes.flatMap((one) => one.args ?? []).filter((arg, i, all) => all.indexOf(arg) === i),
      kill: changes.find((one) => one.kill !== undefined)?.kill,
    };
    if (change.kill !== undefined) {
      // Killed at a random moment of its run, or as it commits, then built again as a user would.
      await runBuild(s, { articles: s.articles, out: s.site, report }, [], change.kill);
    }
    const started = performance.now();
    const run = await runBuild(s, { articles: s.articles, out: s.site, report }, change.args);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const label = `seed ${seed} step ${step} (${change.description})`;
    const found = await checkStep(s, label, run, options.browser && step === options.steps);
    console.log(`${found.length === 0 ? 'ok  ' : 'DIFF'} ${label}: rebuilt in ${seconds} s, incremental ${run.report?.output?.incremental ?? '?'}`);
    failures.push(...found);
  }
  if (failures.length === 0 && !options.keep) await rm(work, { recursive: true, force: true });
  return failures;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(options.corpus)) {
    console.error(`${options.corpus} not found: pass --corpus DIR (a folder of .txt articles)`);
    return 2;
  }
  const corpusFiles = (await readdir(options.corpus)).filter((name) => name.endsWith('.txt')).sort();
  let failed = 0;
  for (const seed of options.seeds) {
    const started = performance.now();
    const failures = await runSeed(seed, options, corpusFiles);
    console.log(`seed ${seed}: ${failures.length === 0 ? 'same as cold builds' : `${failures.length} differences`} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    for (const failure of failures) console.log(`  ${failure}`);
    if (failures.length > 0) failed++;
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await main();
