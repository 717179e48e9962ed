// Which files of the inbox are read: every .txt, through links to files too; and every one that is
// not (hidden, a broken link, inside a linked folder, an article in another format such as .md)
// is named in a warning, never dropped in silence. Only what is never content (.git and other hidden folders, macOS's `._NAME` companions,
// Emacs's `.#NAME` lock links) passes without a word.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { temporaryDir } from '../helpers/paths.ts';

const story = (headline: string) => `${headline}\n\nA first paragraph about ${headline.toLowerCase()}, long enough to read.\n`;

describe('listing the inbox', () => {
  it('reads linked files and warns about hidden sources, broken links and linked folders', async () => {
    const work = await temporaryDir('inbox-listing');
    const inbox = path.join(work, 'inbox');
    const elsewhere = path.join(work, 'elsewhere');
    await mkdir(path.join(inbox, 'desk', '.git'), { recursive: true });
    await mkdir(elsewhere);
    await writeFile(path.join(inbox, '2024-01-01-plain.txt'), story('A plain story'));
    await writeFile(path.join(elsewhere, 'linked.txt'), story('A linked story'));
    await symlink(path.join(elsewhere, 'linked.txt'), path.join(inbox, '2024-01-02-linked.txt'));
    await writeFile(path.join(inbox, 'desk', '.2024-01-03-hidden.txt'), story('A hidden story'));
    await writeFile(path.join(inbox, '.2024-01-03-hidden.json'), '{"title": "Hidden metadata"}\n');
    await symlink(path.join(work, 'gone.txt'), path.join(inbox, '2024-01-04-dangling.txt'));
    await symlink(elsewhere, path.join(inbox, 'linked-folder'));
    await symlink(inbox, path.join(inbox, 'desk', 'loop'));
    // Never content: no warning.
    await writeFile(path.join(inbox, 'desk', '.git', '2024-01-05-in-git.txt'), story('Inside a repository'));
    await writeFile(path.join(inbox, '._2024-01-01-plain.txt'), new Uint8Array([0, 5, 22, 7, 0, 2, 0, 0]));
    await symlink('user@host.1234:1700000000', path.join(inbox, '.#2024-01-01-plain.txt'));

    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);

    assert.deepEqual(result.sources.map((source) => [source.source, source.status]), [
      ['2024-01-01-plain.txt', 'written'],
      ['2024-01-02-linked.txt', 'written'],
    ]);
    const named = problems.problems.map((problem) => [problem.code, path.relative(inbox, problem.file), problem.severity]).sort();
    assert.deepEqual(named, [
      ['INBOX_BROKEN_LINK', '2024-01-04-dangling.txt', 'warning'],
      ['INBOX_HIDDEN_FILE', '.2024-01-03-hidden.json', 'warning'],
      ['INBOX_HIDDEN_FILE', 'desk/.2024-01-03-hidden.txt', 'warning'],
      ['INBOX_LINKED_FOLDER', 'desk/loop', 'warning'],
      ['INBOX_LINKED_FOLDER', 'linked-folder', 'warning'],
    ]);
    const hidden = problems.problems.filter((problem) => problem.code === 'INBOX_HIDDEN_FILE');
    assert.match(hidden.find((problem) => problem.file.endsWith('.txt'))!.message, /not published/);
    assert.match(hidden.find((problem) => problem.file.endsWith('.json'))!.message, /metadata is not read/);
    for (const problem of problems.problems) assert.ok(problem.hint.length > 0, `${problem.code} says how to fix it`);
  });

  it('names a loop of links as a loop, and a named pipe as no file, instead of passing over them or waiting on the pipe', async () => {
    const work = await temporaryDir('inbox-listing-loop');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-01-01-plain.txt'), story('A plain story'));
    await symlink('2024-01-03-b.txt', path.join(inbox, '2024-01-02-a.txt'));
    await symlink('2024-01-02-a.txt', path.join(inbox, '2024-01-03-b.txt'));
    execFileSync('mkfifo', [path.join(inbox, '2024-01-04-pipe.txt')]);
    await symlink('2024-01-04-pipe.txt', path.join(inbox, '2024-01-05-to-pipe.txt'));

    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);

    assert.deepEqual(result.sources.map((source) => [source.source, source.status]), [['2024-01-01-plain.txt', 'written']]);
    assert.deepEqual(
      problems.problems.map(({ code, file, message }) => [code, path.relative(inbox, file), message]),
      [
        ['INBOX_BROKEN_LINK', '2024-01-02-a.txt', 'is a symbolic link that leads back to itself through other links (a loop), so it is not published'],
        ['INBOX_BROKEN_LINK', '2024-01-03-b.txt', 'is a symbolic link that leads back to itself through other links (a loop), so it is not published'],
        ['INBOX_NOT_A_FILE', '2024-01-04-pipe.txt', 'is not a regular file but a named pipe, socket or device (or a link to one), so it is not published'],
        ['INBOX_NOT_A_FILE', '2024-01-05-to-pipe.txt', 'is not a regular file but a named pipe, socket or device (or a link to one), so it is not published'],
      ],
    );
  });

  it('names a file or folder whose name is not UTF-8, read as Windows-1252, as an error instead of calling it removed, and reads the rest', async (t) => {
    const work = await temporaryDir('inbox-listing-latin1');
    const inbox = path.join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(path.join(inbox, '2024-01-01-plain.txt'), story('A plain story'));
    const latin1 = (name: string) => Buffer.concat([Buffer.from(`${inbox}/`), Buffer.from(name, 'latin1')]);
    try {
      await writeFile(latin1('2024-01-02-caf\u00e9.txt'), story('A Latin-1 name'));
    } catch (error) {
      // File systems that store names as Unicode (APFS) refuse such a name.
      if ((error as NodeJS.ErrnoException).code === 'EILSEQ') return t.skip('this file system refuses names that are not UTF-8');
      throw error;
    }
    await mkdir(latin1('d\u00e9sk'));
    await writeFile(Buffer.concat([latin1('d\u00e9sk'), Buffer.from('/2024-01-03-inside.txt')]), story('Inside a Latin-1 folder'));
    await writeFile(latin1('\u00ff-picture.png'), 'not an article');

    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);

    assert.deepEqual(result.sources.map((source) => [source.source, source.status]), [['2024-01-01-plain.txt', 'written']]);
    assert.deepEqual(
      problems.problems.map(({ code, severity, file, message }) => [code, severity, path.relative(inbox, file), message]),
      [
        ['INBOX_NAME_NOT_UTF8', 'error', '2024-01-02-caf\uFFFD.txt', 'is a file whose name is not UTF-8 (read as Windows-1252 it is "2024-01-02-café.txt"), so it cannot be opened by name and it is not published'],
        ['INBOX_NAME_NOT_UTF8', 'error', 'd\uFFFDsk', 'is a folder whose name is not UTF-8 (read as Windows-1252 it is "désk"), so it cannot be opened by name and the files in it are not published'],
      ],
    );
  });

  it('names articles in another format (.md, .docx, .html…) and passes over other files without a word', async () => {
    const work = await temporaryDir('inbox-formats');
    const inbox = path.join(work, 'inbox');
    await mkdir(path.join(inbox, 'sport'), { recursive: true });
    await writeFile(path.join(inbox, '2024-01-01-plain.txt'), story('A plain story'));
    await writeFile(path.join(inbox, '2024-01-02-notes.md'), story('# A markdown story'));
    await writeFile(path.join(inbox, 'sport', '2024-01-03-match.DOCX'), new Uint8Array([0x50, 0x4b, 3, 4]));
    await writeFile(path.join(inbox, 'sport', 'page.html'), '<p>A saved page</p>');
    // Not an article: no warning.
    await writeFile(path.join(inbox, 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff]));

    const problems = new ProblemLog();
    const result = await ingest({ inboxDir: inbox, articlesDir: path.join(work, 'articles'), rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' }, problems);

    assert.deepEqual(result.sources.map((source) => source.source), ['2024-01-01-plain.txt']);
    assert.deepEqual(problems.problems.map((problem) => [problem.code, path.relative(inbox, problem.file), problem.severity]).sort(), [
      ['INBOX_OTHER_FORMAT', '2024-01-02-notes.md', 'warning'],
      ['INBOX_OTHER_FORMAT', 'sport/2024-01-03-match.DOCX', 'warning'],
      ['INBOX_OTHER_FORMAT', 'sport/page.html', 'warning'],
    ]);
    const markdown = problems.problems.find((problem) => problem.file.endsWith('.md'))!;
    assert.equal(markdown.message, 'is a .md file, not plain text (.txt), so it is not published');
    assert.match(markdown.hint, /save its text as a \.txt file/);
  });
});
