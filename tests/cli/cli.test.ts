// The command-line contract other scripts rely on: help, exit statuses 0/1/2, flags passed
// through npm, and the report.

import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT, temporaryDir } from '../helpers/paths.ts';
import { buildArchive, runCli } from '../helpers/run-build.ts';

async function inboxWith(files: Record<string, string>): Promise<string> {
  const inbox = path.join(await temporaryDir('inbox'), 'inbox');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(inbox, name)), { recursive: true });
    await writeFile(path.join(inbox, name), text);
  }
  return inbox;
}

const DATED = { 'meta.jsonl': '{"file": "a.txt", "date": "2024-03-01"}\n', 'a.txt': 'A clean headline\n\nA first paragraph of text.\n' };

describe('broadsheet command line', () => {
  it('prints help for each command and exits 0', async () => {
    for (const command of [['build', '--help'], ['serve', '--help'], ['--help']]) {
      const run = await runCli(command);
      assert.equal(run.exitCode, 0, command.join(' '));
      assert.match(run.stdout, /Usage: broadsheet/);
    }
    const build = await runCli(['build', '--help']);
    for (const flag of ['--inbox', '--articles', '--out', '--base-url', '--path-prefix', '--strict', '--report']) {
      assert.ok(build.stdout.includes(flag), `build --help mentions ${flag}`);
    }
  });

  it('exits 2 without building on an unknown flag, naming it', async () => {
    const run = await runCli(['build', '--no-such-flag']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /no-such-flag/);
  });

  it('exits 2 without building when a flag that takes one value is given twice, naming the flag and both values', async () => {
    const work = await temporaryDir('repeated-flag');
    const [first, second] = [path.join(work, 'a'), path.join(work, 'b')];
    const cases: Array<{ args: string[]; flag: string; values: string[] }> = [
      { args: ['build', '--inbox', (await inboxWith(DATED)), '--articles', path.join(work, 'articles'), '--out', first, `--out=${second}`], flag: '--out', values: [first, second] },
      { args: ['build', '--shard', '2015', '--shard', '2016', '--strict', '--strict'], flag: '--shard', values: ['2015', '2016'] },
      { args: ['serve', '--port', '8081', '--port', '8082'], flag: '--port', values: ['8081', '8082'] },
      { args: ['bench', '--keep', first, '--quiet', '--keep', second], flag: '--keep', values: [first, second] },
    ];
    for (const { args, flag, values } of cases) {
      const run = await runCli(args, { timeoutMs: 30_000 });
      assert.equal(run.exitCode, 2, `${args.join(' ')}\n${run.stderr}`);
      assert.ok(
        run.stderr.includes(`${flag} was given 2 times (${values.map((value) => JSON.stringify(value)).join(', ')}), but it takes one value: give ${flag} once, with the value you mean`),
        run.stderr,
      );
    }
    assert.equal(existsSync(first) || existsSync(second) || existsSync(path.join(work, 'articles')), false, 'nothing built');
  });

  it('exits 2 without building when a flag is given an empty value, which would name the current folder', async () => {
    // `--articles "$ARTICLES"` with the variable unset: the archive was written among the current folder's files.
    const cwd = await temporaryDir('empty-flag');
    await writeFile(path.join(cwd, 'notes.txt'), 'mine\n');
    const inbox = await inboxWith(DATED);
    const elsewhere = (name: string) => path.join(cwd, '..', `${path.basename(cwd)}-${name}`);
    const cases: Array<{ args: string[]; flag: string }> = [
      { args: ['build', '--inbox', inbox, '--articles', '', '--out', elsewhere('site')], flag: '--articles' },
      { args: ['build', '--inbox', inbox, '--articles', elsewhere('articles'), '--out='], flag: '--out' },
      { args: ['build', '--inbox', inbox, '--articles', elsewhere('articles'), '--out', elsewhere('site'), '--report', ''], flag: '--report' },
      { args: ['serve', '--inbox', inbox, '--articles', elsewhere('articles'), '--out', elsewhere('site'), '--port='], flag: '--port' },
      { args: ['bench', '--articles', '5', '--json', ''], flag: '--json' },
    ];
    for (const { args, flag } of cases) {
      const run = await runCli(args, { cwd, timeoutMs: 30_000 });
      assert.equal(run.exitCode, 2, `${args.join(' ')}\n${run.stderr}`);
      assert.ok(run.stderr.includes(`${flag} was given an empty value: give it a value (see --help), or leave the flag out for its default`), run.stderr);
    }
    assert.deepEqual(await readdir(cwd), ['notes.txt']);
    assert.equal(existsSync(elsewhere('articles')) || existsSync(elsewhere('site')), false, 'nothing built');
  });

  it('exits 2 on an unknown command', async () => {
    const run = await runCli(['publish']);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /unknown command "publish"/);
  });

  it('exits 2 on a bad configuration file, naming the file and the setting', async () => {
    const dir = await temporaryDir('config');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ timeZone: 'Mars/Olympus_Mons' }));
    const out = path.join(dir, 'site');
    const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /broadsheet\.config\.json.*"timeZone" must be an IANA time zone/);
  });

  it('exits 2 on a configuration or aliases file that is not JSON, naming the line and column of the mistake', async () => {
    const dir = await temporaryDir('config-syntax');
    const config = path.join(dir, 'broadsheet.config.json');
    const entities = path.join(dir, 'entities.json');
    const cases: Array<[string, string, string]> = [
      // A comma after the last setting: the mistake is the closing brace on line 4.
      [config, '{\n  "title": "Gazette",\n  "pageSize": 3,\n}\n', `${config}:4  error: is not valid JSON at column 1 (`],
      // A name without its closing quote ends at the quote before US (column 22), where a colon must follow.
      [entities, '{\n  "aliases": {\n    "United States: ["US"]\n  }\n}\n', `${entities}:3  error: is not valid JSON at column 23 (`],
    ];
    for (const [file, text, expected] of cases) {
      await writeFile(config, '{}\n');
      await writeFile(file, text);
      const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.startsWith(expected), run.stderr);
      await rm(entities, { force: true });
    }
  });

  it('names the line of a bad or unknown setting in the configuration file', async () => {
    const dir = await temporaryDir('config-line');
    const config = path.join(dir, 'broadsheet.config.json');
    const cases: Array<[string[], string]> = [
      // The description names the setting too, inside its string: the line is the setting's own.
      [['{', '  "description": "Lists hold \\"pageSize\\": 20 articles",', '  "title": "Gazette",', '  "pageSize": "twenty"', '}'], `${config}:4  error: "pageSize" must be a whole number from 1 to 1000 (CONFIG_INVALID)\n`],
      [['{', '  "title": "Gazette",', '', '  "pagesize": 20', '}'], `${config}:4  error: unknown setting "pagesize" (CONFIG_INVALID)\n`],
      [['{"title": "Gazette", "timeZone": "Europe/Londn"}'], `${config}:1  error: "timeZone" must be an IANA time zone`],
    ];
    for (const [lines, expected] of cases) {
      await writeFile(config, `${lines.join('\n')}\n`);
      const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.startsWith(expected), run.stderr);
    }
  });

  it('refuses a setting given twice with different values, at its second line, naming both; comments and equal values may repeat', async () => {
    // JSON.parse kept the last "title" without a word.
    const dir = await temporaryDir('config-twice');
    const config = path.join(dir, 'broadsheet.config.json');
    const inbox = await inboxWith(DATED);
    const build = async (lines: string[]) => {
      await writeFile(config, `${lines.join('\n')}\n`);
      return runCli(['build', '--quiet', '--config', config, '--inbox', inbox, '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
    };
    const twice = await build(['{', '  "title": "Gazette",', '  "pageSize": 10,', '  "title": "The Gazette"', '}']);
    assert.equal(twice.exitCode, 2, twice.stderr);
    assert.ok(twice.stderr.startsWith(`${config}:4  error: gives "title" twice, with different values: "Gazette" on line 2, then "The Gazette"; nothing was built (CONFIG_INVALID)\n    Keep the "title" you mean and delete the other.\n`), twice.stderr);
    const comments = await build(['{', '  "//": "Our archive",', '  "title": "Gazette",', '  "//": "Ten a page",', '  "pageSize": 10,', '  "pageSize": 10', '}']);
    assert.equal(comments.exitCode, 0, comments.stderr);
  });

  it('names the line of a bad entry in the aliases file, under the key it belongs to', async () => {
    const dir = await temporaryDir('entities-line');
    const config = path.join(dir, 'broadsheet.config.json');
    const entities = path.join(dir, 'entities.json');
    await writeFile(config, '{}\n');
    const cases: Array<[string[], string]> = [
      // "US" is a key under "kinds" first and a bad one under "aliases" on line 6.
      [['{', '  "kinds": {"US": "place"},', '  "aliases": {', '    "United Kingdom": ["UK"],', '', '    "US": "United States"', '  }', '}'], `${entities}:6  error: "aliases"."US" must be a list of names (CONFIG_INVALID)\n`],
      [['{', '  "// blocks": "a comment",', '  "blocks": ["Shock Report"]', '}'], `${entities}:3  error: unknown key "blocks" (CONFIG_INVALID)\n`],
    ];
    for (const [lines, expected] of cases) {
      await writeFile(entities, `${lines.join('\n')}\n`);
      const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.startsWith(expected), run.stderr);
    }
  });

  it('exits 2 without building when the base URL holds a user name or password, which every page would publish, and does not print it', async () => {
    const dir = await temporaryDir('base-url-credentials');
    const out = path.join(dir, 'site');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ baseUrl: 'https://deploy:s3cret@news.example.org' }));
    for (const [source, name] of [[['--base-url', 'https://deploy:s3cret@news.example.org'], '--base-url'], [['--config', config], '"baseUrl"']] as const) {
      const run = await runCli(['build', ...source, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.includes(`${name} must have no user name or password: every page, feed and the sitemap would publish them (CONFIG_INVALID)`), run.stderr);
      assert.doesNotMatch(run.stderr + run.stdout, /s3cret/);
      assert.equal(existsSync(out), false);
    }
  });

  it('exits 2 on a bad --path-prefix or --base-url, naming the flag rather than the setting it overrides', async () => {
    const dir = await temporaryDir('bad-flags');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, '{}\n');
    const cases: Array<[string[], string]> = [
      [['--path-prefix', 'archive'], 'the command line  error: --path-prefix must start and end with "/"'],
      [['--base-url', 'https://news.example.org/archive/'], 'the command line  error: --base-url must have no path, query or fragment: put the path in --path-prefix (CONFIG_INVALID)\n    Fix --base-url, or leave it out to use "baseUrl" from the configuration file.\n'],
    ];
    for (const [flags, expected] of cases) {
      const run = await runCli(['build', ...flags, '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.startsWith(expected), run.stderr);
    }
  });

  it('exits 2 without building when the file named by --config does not exist, naming it', async () => {
    const dir = await temporaryDir('config-missing');
    const config = path.join(dir, 'broadsheet.confg.json');
    const out = path.join(dir, 'site');
    const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
    assert.equal(run.exitCode, 2, run.stderr);
    assert.ok(run.stderr.startsWith(`${config}  error: does not exist (named by --config); nothing was built (CONFIG_INVALID)\n`), run.stderr);
    await assert.rejects(readFile(path.join(out, 'index.html')), { code: 'ENOENT' });
  });

  it('warns, naming the configuration and the file, when the aliases file the configuration names does not exist, and builds the rest', async () => {
    const dir = await temporaryDir('entities-missing');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ entitiesFile: 'aliasses.json' }));
    const out = path.join(dir, 'site');
    const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
    assert.equal(run.exitCode, 0, run.stderr);
    const warning = `${config}  warning: "entitiesFile" names ${path.join(dir, 'aliasses.json')}, which does not exist; only the built-in aliases are used (ENTITIES_FILE_MISSING)\n`;
    assert.ok(run.stderr.includes(warning), run.stderr);
    assert.ok(existsSync(path.join(out, 'index.html')));
    const strict = await runCli(['build', '--strict', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
    assert.equal(strict.exitCode, 1, strict.stderr);
  });

  it('builds with the default settings from an empty configuration or aliases file, with a warning naming each', async () => {
    for (const empty of ['', '\n  \n', '\uFEFF']) {
      const dir = await temporaryDir('config-empty');
      const config = path.join(dir, 'broadsheet.config.json');
      await writeFile(config, empty);
      await writeFile(path.join(dir, 'entities.json'), empty);
      const out = path.join(dir, 'site');
      const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
      assert.equal(run.exitCode, 0, run.stderr);
      assert.ok(run.stderr.includes(`${config}  warning: is empty: it gives no settings, so the defaults are used (CONFIG_EMPTY)\n`), run.stderr);
      assert.ok(run.stderr.includes(`${path.join(dir, 'entities.json')}  warning: is empty: it gives no aliases, kinds or block list, so only the built-in ones are used (CONFIG_EMPTY)\n`), run.stderr);
      assert.match(await readFile(path.join(out, 'index.html'), 'utf8'), /<title>Broadsheet<\/title>/, 'the default title');
    }
  });

  it('reads a configuration file that starts with a byte-order mark, as Notepad saves one', async () => {
    const dir = await temporaryDir('config-bom');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, '\uFEFF{"title": "Harbour Gazette archive"}\n');
    const out = path.join(dir, 'site');
    const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', out]);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(await readFile(path.join(out, 'index.html'), 'utf8'), /<title>Harbour Gazette archive<\/title>/);
  });

  it('builds without an aliases file when the configuration names none', async () => {
    const dir = await temporaryDir('entities-default');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ title: 'No aliases' }));
    const run = await runCli(['build', '--config', config, '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site')]);
    assert.equal(run.exitCode, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /ENTITIES_FILE_MISSING/);
  });

  it("gives each article's url in the --report under the path prefix, as a reader opens it (the configuration's or --path-prefix)", async () => {
    const dir = await temporaryDir('report-prefix');
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, '{ "pathPrefix": "/news/" }\n');
    const inbox = await inboxWith(DATED);
    for (const [extra, prefix] of [[[], '/news/'], [['--path-prefix', '/archive/'], '/archive/']] as const) {
      const build = await buildArchive(inbox, ['--config', config, ...extra]);
      assert.equal(build.exitCode, 0, build.stderr);
      assert.deepEqual(build.report.articles.map((article) => article.url), [`${prefix}2024/a-clean-headline/`]);
      assert.ok(existsSync(path.join(build.outDir, '2024/a-clean-headline/index.html')), 'the page is in the output folder, which the prefix is not part of');
    }
  });

  it('writes the --report even when a bad configuration or overlapping folders stop the build, listing the problem', async () => {
    const dir = await temporaryDir('report-refused');
    const inbox = await inboxWith(DATED);
    const config = path.join(dir, 'broadsheet.config.json');
    await writeFile(config, JSON.stringify({ pageSize: 'twenty' }));
    for (const [args, code] of [
      [['--config', config, '--out', path.join(dir, 'site')], 'CONFIG_INVALID'],
      [['--out', inbox], 'OUTPUT_OVERLAPS_INPUT'],
    ] as const) {
      const report = path.join(dir, `${code}.json`);
      const run = await runCli(['build', '--inbox', inbox, '--articles', path.join(dir, 'articles'), '--report', report, '--quiet', ...args]);
      assert.equal(run.exitCode, 2, run.stderr);
      const written = JSON.parse(await readFile(report, 'utf8')) as { problems: Array<{ code: string }> };
      assert.deepEqual(written.problems.map((problem) => problem.code), [code]);
    }
  });

  it('exits 2 on a bad --path-prefix', async () => {
    const dir = await temporaryDir('prefix');
    const run = await runCli(['build', '--path-prefix', 'no-slashes', '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 's')]);
    assert.equal(run.exitCode, 2);
    assert.match(run.stderr, /pathPrefix/);
  });

  it('exits 2 when --inbox names a file, saying the inbox is a folder, and makes no articles folder', async () => {
    const dir = await temporaryDir('inbox-file');
    const file = path.join(dir, 'a.txt');
    await writeFile(file, DATED['a.txt']);
    const run = await buildArchive(file, [], { articlesDir: path.join(dir, 'articles'), outDir: path.join(dir, 'site') });
    assert.equal(run.exitCode, 2, run.stderr);
    assert.deepEqual(run.report.problems.map((problem) => [problem.code, problem.file]), [['INBOX_NOT_A_FOLDER', file]]);
    assert.match(run.stderr, /a\.txt {2}error: is a file, not a folder/);
    await assert.rejects(readFile(path.join(dir, 'articles', 'a.md')), { code: 'ENOENT' });
  });

  it('exits 2 before building when --report is inside the inbox, articles or output folder, and leaves the source as it was', async () => {
    const dir = await temporaryDir('report-inside');
    const inbox = await inboxWith(DATED);
    const [articles, out] = [path.join(dir, 'articles'), path.join(dir, 'site')];
    for (const [report, folder] of [[path.join(inbox, 'a.txt'), 'inbox'], [path.join(articles, 'report.json'), 'articles'], [path.join(out, 'report.json'), 'output']] as const) {
      const run = await runCli(['build', '--inbox', inbox, '--articles', articles, '--out', out, '--report', report, '--quiet']);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.match(run.stderr, new RegExp(`error: cannot be written as the build report \\(--report\\): it is inside the ${folder} folder .*\\(REPORT_NOT_WRITABLE\\)`));
    }
    assert.equal(await readFile(path.join(inbox, 'a.txt'), 'utf8'), DATED['a.txt']);
  });

  it('exits 2 before building when --report cannot be written (a folder, or a file in the way), naming it, with no stack trace', async () => {
    const dir = await temporaryDir('report-location');
    const inbox = await inboxWith(DATED);
    await mkdir(path.join(dir, 'reports'));
    await writeFile(path.join(dir, 'plain-file'), 'not a folder\n');
    for (const [report, what] of [['reports', 'it is a folder'], [path.join('plain-file', 'report.json'), 'plain-file is a file, not a folder']] as const) {
      const out = path.join(dir, 'site');
      const run = await runCli(['build', '--inbox', inbox, '--articles', path.join(dir, 'articles'), '--out', out, '--report', path.join(dir, report), '--quiet']);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.includes(`${path.join(dir, report)}  error: cannot be written as the build report (--report): ${what.replace('plain-file', path.join(dir, 'plain-file'))}; nothing was built (REPORT_NOT_WRITABLE)`), run.stderr);
      assert.doesNotMatch(run.stderr, /\n\s+at /);
      await assert.rejects(readFile(path.join(out, 'index.html')), { code: 'ENOENT' });
    }
  });

  it('exits 2 at once, naming the path, when --report, --out or bench --json is on a file system that takes no new files (/proc)', { skip: existsSync('/proc/self') ? false : 'no /proc' }, async () => {
    const dir = await temporaryDir('pseudo-fs');
    const inbox = await inboxWith(DATED);
    const build = ['build', '--inbox', inbox, '--articles', path.join(dir, 'articles'), '--quiet'];
    // Node 20's recursive mkdir spins for ever on /proc/x; a run that hangs is killed at 20 s.
    for (const [args, expected] of [
      [[...build, '--out', path.join(dir, 'site'), '--report', '/proc/broadsheet-x'], '/proc/broadsheet-x  error: cannot be written as the build report (--report): /proc/broadsheet-x could not be created (ENOENT); nothing was built (REPORT_NOT_WRITABLE)'],
      [[...build, '--out', path.join(dir, 'site'), '--report', '/proc/broadsheet-x/report.json'], '/proc/broadsheet-x/report.json  error: cannot be written as the build report (--report): /proc/broadsheet-x could not be created (ENOENT); nothing was built (REPORT_NOT_WRITABLE)'],
      [[...build, '--out', '/proc/broadsheet-x/site'], '/proc/broadsheet-x/site.lock  error: cannot create the build\'s lock file beside the output folder (ENOENT) (OUTPUT_NOT_WRITABLE)'],
      [['bench', '--articles', '5', '--json', '/proc/broadsheet-x/bench.json'], 'broadsheet: --json /proc/broadsheet-x/bench.json: cannot be written (ENOENT)'],
    ] as const) {
      const run = await runCli([...args], { timeoutMs: 20_000 });
      assert.equal(run.exitCode, 2, `${args.join(' ')}\n${run.stderr}`);
      assert.ok(run.stderr.includes(expected), run.stderr);
    }
    await assert.rejects(readFile(path.join(dir, 'site', 'index.html')), { code: 'ENOENT' });
  });

  it('says a --report folder on a read-only file system is read-only, not a matter of permissions', async (t) => {
    const dir = await temporaryDir('report-read-only');
    const mounted = path.join(dir, 'read-only');
    await mkdir(mounted);
    // A read-only file system of its own needs root (mount); elsewhere there is none to try.
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', mounted], { stdio: 'ignore' });
    } catch {
      t.skip('cannot mount a read-only file system here (needs root)');
      return;
    }
    try {
      const report = path.join(mounted, 'report.json');
      const run = await runCli(['build', '--inbox', await inboxWith(DATED), '--articles', path.join(dir, 'a'), '--out', path.join(dir, 'site'), '--report', report, '--quiet']);
      assert.equal(run.exitCode, 2, run.stderr);
      assert.ok(run.stderr.includes(`${report}  error: cannot be written as the build report (--report): the file system is read-only in ${mounted}; nothing was built (REPORT_NOT_WRITABLE)`), run.stderr);
    } finally {
      execFileSync('umount', [mounted]);
    }
  });

  it('prints each problem on its own two lines, with control characters in file names and headlines escaped', async () => {
    const inbox = await inboxWith({
      'new\nline.txt': '',
      'evil\u001b[2J\u001b[31m.txt': 'A headline\n\nSome text.\n',
      'copy\r.txt': 'A copied \u001b]0;title\u0007headline\n\nSome text.\n',
    });
    const run = await runCli(['build', '--inbox', inbox, '--articles', path.join(path.dirname(inbox), 'articles'), '--out', path.join(path.dirname(inbox), 'site'), '--quiet', '--all-problems']);
    // eslint-disable-next-line no-control-regex -- the control characters are what is looked for
    assert.doesNotMatch(run.stderr, /[\u0000-\u0009\u000b-\u001f\u007f]/, 'no control character but the newlines between lines');
    const lines = run.stderr.trimEnd().split('\n');
    for (let i = 0; i < lines.length; i += 2) {
      assert.match(lines[i]!, /^\S.* {2}(error|warning): .*\([A-Z_0-9]+\)$/, lines[i]);
      assert.match(lines[i + 1]!, /^ {4}\S/, lines[i + 1]);
    }
    assert.match(run.stderr, /inbox\/new\\nline\.txt {2}error: is empty/);
    assert.match(run.stderr, /inbox\/evil\\x1b\[2J\\x1b\[31m\.txt {2}/);
  });

  it('marks a file name not in NFC where it prints problems, and gives the --report its path as it is on disk', async () => {
    // `café.txt` typed and as macOS copies it (e + U+0301), with the same text: one is a duplicate.
    const decomposed = 'cafe\u0301.txt';
    const inbox = await inboxWith({ 'caf\u00e9.txt': 'Harbour works begin\n\nThe council agreed the budget.\n', [decomposed]: 'Harbour works begin\n\nThe council agreed the budget.\n' });
    const report = path.join(path.dirname(inbox), 'report.json');
    const run = await runCli(['build', '--inbox', inbox, '--articles', path.join(path.dirname(inbox), 'articles'), '--out', path.join(path.dirname(inbox), 'site'), '--quiet', '--report', report]);
    assert.ok(run.stderr.includes(`${decomposed} (decomposed Unicode, NFD)`), run.stderr);
    const { problems } = JSON.parse(await readFile(report, 'utf8')) as { problems: Array<{ code: string; file: string }> };
    const duplicate = problems.find((problem) => problem.code === 'DUPLICATE_ARTICLE');
    assert.ok(duplicate, JSON.stringify(problems));
    for (const problem of problems) assert.ok(existsSync(path.resolve(PROJECT_ROOT, problem.file)), `${problem.code}: ${problem.file} is a file on disk`);
  });

  it('bench exits 2 at once on a --corpus that is missing or is a file, naming it', async () => {
    const dir = await temporaryDir('bench-corpus');
    const file = path.join(dir, 'notes.txt');
    await writeFile(file, 'not a folder\n');
    const missing = await runCli(['bench', '--corpus', path.join(dir, 'nowhere')]);
    assert.equal(missing.exitCode, 2, missing.stderr);
    assert.match(missing.stderr, /--corpus .*nowhere: there is no such folder/);
    const notFolder = await runCli(['bench', '--corpus', file]);
    assert.equal(notFolder.exitCode, 2, notFolder.stderr);
    assert.match(notFolder.stderr, /--corpus .*notes\.txt: is a file, not a folder/);
    assert.doesNotMatch(missing.stderr + notFolder.stderr, /\n {4}at /, 'no stack trace');
  });

  it('exits 0 on a clean inbox', async () => {
    const build = await buildArchive(await inboxWith(DATED));
    assert.equal(build.exitCode, 0, build.stderr);
    assert.deepEqual(build.report.problems, []);
  });

  it('exits 1 when an input has an error, and still builds the rest', async () => {
    const build = await buildArchive(await inboxWith({ ...DATED, 'empty.txt': '' }));
    assert.equal(build.exitCode, 1);
    assert.equal(build.report.articles.length, 1);
    assert.deepEqual(
      build.report.problems.map(({ code, file, severity }) => ({ code, file: path.basename(file), severity })),
      [{ code: 'ARTICLE_EMPTY', file: 'empty.txt', severity: 'error' }],
    );
    assert.match(build.stderr, /empty\.txt {2}error: .* \(ARTICLE_EMPTY\)\n {4}\S/);
  });

  it('exits 0 with warnings, and 1 with the same warnings under --strict', async () => {
    const inbox = await inboxWith({ 'undated.txt': 'A headline with no date\n\nSome text.\n' });
    const relaxed = await buildArchive(inbox);
    assert.equal(relaxed.exitCode, 0);
    assert.deepEqual(relaxed.report.problems.map((problem) => problem.code), ['DATE_FROM_FILE_TIME']);
    const strict = await buildArchive(inbox, ['--strict']);
    assert.equal(strict.exitCode, 1);
  });

  it('counts, rather than prints, the problems of one kind past the first ten, unless --all-problems', async () => {
    // Fourteen undated articles: one warning each of the same kind; one empty file: an error of another.
    const undated = Object.fromEntries(Array.from({ length: 14 }, (_, n) => [`undated-${String(n).padStart(2, '0')}.txt`, `Headline number ${n}\n\nSome text of article ${n}.\n`]));
    const inbox = await inboxWith({ ...undated, 'empty.txt': '' });
    const digest = await buildArchive(inbox);
    assert.equal(digest.report.problems.length, 15, 'the report keeps every problem');
    const printed = (stderr: string, code: string) => stderr.split('\n').filter((line) => line.endsWith(`(${code})`)).length;
    assert.equal(printed(digest.stderr, 'DATE_FROM_FILE_TIME'), 10);
    assert.equal(printed(digest.stderr, 'ARTICLE_EMPTY'), 1);
    assert.match(digest.stderr, /\.\.\. and 4 more DATE_FROM_FILE_TIME warnings, not shown \(--report FILE lists every problem; --all-problems prints them all\)\n {4}\S/);
    assert.match(digest.stderr, /undated-09\.txt {2}warning/);
    assert.doesNotMatch(digest.stderr, /undated-1[0-3]\.txt/);
    const all = await buildArchive(inbox, ['--all-problems']);
    assert.equal(printed(all.stderr, 'DATE_FROM_FILE_TIME'), 14);
    assert.doesNotMatch(all.stderr, /not shown/);
  });

  it('passes flags through "npm run build --" to the build', async () => {
    const dir = await temporaryDir('npm');
    const report = path.join(dir, 'report.json');
    const inbox = await inboxWith(DATED);
    const exitCode = await new Promise<number>((resolve) =>
      execFile(
        'npm',
        ['run', 'build', '--', '--inbox', inbox, '--articles', path.join(dir, 'a'), '--out', path.join(dir, 's'), '--report', report, '--quiet'],
        { cwd: PROJECT_ROOT },
        (error) => resolve(error ? Number(error.code) : 0),
      ),
    );
    assert.equal(exitCode, 0);
    const written = JSON.parse(await readFile(report, 'utf8')) as { articles: Array<{ title: string }> };
    assert.deepEqual(written.articles.map((article) => article.title), ['A clean headline']);
  });
});
