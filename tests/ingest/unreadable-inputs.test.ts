// Inputs the build's user may not read: a source, a folder of sources, a sidecar. Each is named in
// a problem that says what to do, and the rest of the inbox is built (exit status 1), instead of
// the whole build stopping with a message about the articles folder not being writable. An article
// file it cannot read stops the build (it cannot tell which source made it), saying so.

import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { BuildReport } from '../helpers/run-build.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { runAsUnprivileged, unprivilegedSkipReason } from '../helpers/unprivileged.ts';

const story = (headline: string) => `${headline}\n\nA first paragraph about ${headline.toLowerCase()}, long enough to read.\n`;

describe('inputs that cannot be read', { skip: unprivilegedSkipReason() }, () => {
  it('are each named in a problem, and the rest of the inbox is built', async () => {
    const work = await temporaryDir('unreadable-inputs');
    const inbox = path.join(work, 'inbox');
    await mkdir(path.join(inbox, 'locked'), { recursive: true });
    await writeFile(path.join(inbox, '2024-01-01-good.txt'), story('A readable story'));
    await writeFile(path.join(inbox, '2024-01-02-secret.txt'), story('A story nobody may read'));
    await writeFile(path.join(inbox, 'locked', '2024-01-03-inside.txt'), story('A story in a locked folder'));
    await writeFile(path.join(inbox, 'meta.jsonl'), '{"file": "2024-01-01-good.txt", "title": "From the sidecar"}\n');
    await chmod(work, 0o777);
    await chmod(inbox, 0o777);
    await chmod(path.join(inbox, '2024-01-02-secret.txt'), 0o000);
    await chmod(path.join(inbox, 'locked'), 0o000);
    await chmod(path.join(inbox, 'meta.jsonl'), 0o000);
    const report = path.join(work, 'report.json');

    const result = await runAsUnprivileged(['build', '--inbox', inbox, '--articles', path.join(work, 'articles'), '--out', path.join(work, 'site'), '--report', report, '--quiet']);
    await chmod(path.join(inbox, 'locked'), 0o755);

    assert.equal(result.exitCode, 1, result.stderr);
    assert.doesNotMatch(result.stderr, /NOT_WRITABLE|\n\s+at /);
    const built = JSON.parse(await readFile(report, 'utf8')) as BuildReport;
    assert.deepEqual(built.articles.map((article) => [article.source, article.title]), [['2024-01-01-good.txt', 'A readable story']]);
    const named = built.problems.map((problem) => [problem.code, path.relative(inbox, problem.file), problem.severity]);
    assert.deepEqual(named, [
      ['SOURCE_UNREADABLE', '2024-01-02-secret.txt', 'error'],
      ['INBOX_UNREADABLE_FOLDER', 'locked', 'error'],
      ['SIDECAR_UNREADABLE', 'meta.jsonl', 'warning'],
    ]);
    for (const problem of built.problems) {
      assert.match(problem.message, /permission denied/);
      assert.match(problem.hint, /chmod/);
    }
    assert.match(result.stderr, /inbox\/2024-01-02-secret\.txt {2}error: cannot be read \(permission denied\); it is left out/);
  });

  it('stops on an article file it cannot read, naming it, rather than guess which source made it', async () => {
    const work = await temporaryDir('unreadable-article');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox, { recursive: true });
    await writeFile(path.join(inbox, '2024-01-01-good.txt'), story('A readable story'));
    await chmod(work, 0o777);
    await chmod(inbox, 0o777);
    const articles = path.join(work, 'articles');
    const args = ['build', '--inbox', inbox, '--articles', articles, '--out', path.join(work, 'site'), '--quiet'];
    assert.equal((await runAsUnprivileged(args)).exitCode, 0);
    const article = path.join(articles, '2024', 'a-readable-story.md');
    await chmod(article, 0o000);
    // Without the article-file cache, the file must be read to know which source it belongs to.
    await rm(path.join(articles, '.broadsheet'), { recursive: true, force: true });

    const result = await runAsUnprivileged(args);
    await chmod(article, 0o644);
    assert.equal(result.exitCode, 2, result.stderr);
    assert.doesNotMatch(result.stderr, /NOT_WRITABLE|cannot be written|\n\s+at /);
    assert.match(result.stderr, /a-readable-story\.md {2}error: cannot be read \(permission denied\); nothing was built, since without it ingest cannot tell which source it was made from.*\(ARTICLE_UNREADABLE\)/);
    assert.match(result.stderr, /chmod a\+r/);
  });
});
