// One real build: a sidecar "url" that is not an http or https address (`javascript:…`) reaches
// neither the "Originally published" link nor the JSON-LD `isBasedOn` of the article page, and
// the build says which sidecar line it left out; a https address next to it is still linked.

import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { linksIn, visibleText } from '../helpers/html-text.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';
import { jsonLdIn, readSiteFile } from '../helpers/site-files.ts';

const BAD_URL = 'javascript:alert(1)';
const GOOD_URL = 'https://example.org/news/harbour';

describe('a build with a javascript: url in a sidecar', () => {
  let build: BuildRun;
  const pageOf = (source: string) => {
    const entry = build.report.articles.find((article) => article.source === source);
    assert.ok(entry, `the report lists ${source}`);
    return readSiteFile(build.outDir, path.join(entry.url, 'index.html'));
  };
  const basedOn = (html: string) => jsonLdIn(html).map((block) => block.isBasedOn).filter((value) => value !== undefined);

  before(async () => {
    const inbox = path.join(await temporaryDir('sidecar-url'), 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-07-04-t.txt'), 'Fireworks over the river\n\nThe display lasted twenty minutes.\n');
    await writeFile(path.join(inbox, '2024-07-05-h.txt'), 'Harbour wall repaired\n\nWork finished a week early.\n');
    await writeFile(
      path.join(inbox, 'meta.jsonl'),
      `${JSON.stringify({ file: '2024-07-04-t.txt', url: BAD_URL, source: 'Gazette' })}\n${JSON.stringify({ file: '2024-07-05-h.txt', url: GOOD_URL, source: 'Gazette' })}\n`,
    );
    build = await buildArchive(inbox);
  });

  it('builds, with a SIDECAR_BAD_URL warning on the meta.jsonl line', () => {
    assert.equal(build.exitCode, 0, build.stderr);
    const bad = build.report.problems.filter((problem) => problem.code === 'SIDECAR_BAD_URL');
    assert.equal(bad.length, 1, JSON.stringify(build.report.problems));
    assert.equal(path.basename(bad[0]!.file), 'meta.jsonl');
    assert.equal(bad[0]!.line, 1);
    assert.equal(bad[0]!.severity, 'warning');
    assert.ok(bad[0]!.message.includes(BAD_URL), bad[0]!.message);
  });

  it('puts the javascript: address in no link and no JSON-LD of the article page', async () => {
    const html = await pageOf('2024-07-04-t.txt');
    assert.deepEqual(linksIn(html).filter((link) => /^\s*javascript:/i.test(link)), []);
    assert.ok(!html.includes(BAD_URL), 'the address appears nowhere on the page');
    assert.ok(!visibleText(html).includes('Originally published'));
    assert.deepEqual(basedOn(html), []);
  });

  it('still links an https address under "Originally published" and in isBasedOn', async () => {
    const html = await pageOf('2024-07-05-h.txt');
    assert.ok(linksIn(html).includes(GOOD_URL));
    assert.ok(visibleText(html).includes('Originally published'));
    assert.deepEqual(basedOn(html), [GOOD_URL]);
  });
});
