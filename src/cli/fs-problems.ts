// Turns a file-system failure while writing (permissions, read-only or full disk) into a build
// problem that names the folder and says what to do, instead of a stack trace.

import { constants } from 'node:fs';
import { access, mkdir, open, rm, rmdir, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemInput } from '../problems.ts';
import { displayPath } from '../fs-utils.ts';

const CAUSES: Record<string, { code: string; what: string; hint: string }> = {
  EACCES: { code: 'OUTPUT_NOT_WRITABLE', what: 'permission denied', hint: 'Give your user write permission on the folder, or choose another folder.' },
  EPERM: { code: 'OUTPUT_NOT_WRITABLE', what: 'operation not permitted', hint: 'Give your user write permission on the folder, or choose another folder.' },
  EROFS: { code: 'OUTPUT_NOT_WRITABLE', what: 'the file system is read-only', hint: 'Build into a folder on a writable disk.' },
  ENOSPC: { code: 'OUTPUT_DISK_FULL', what: 'no space left on the disk', hint: 'Free some disk space (the build needs room for the new site beside the old one) and build again.' },
  EDQUOT: { code: 'OUTPUT_DISK_FULL', what: 'disk quota exceeded', hint: 'Free some space in your quota and build again.' },
  ENOTDIR: { code: 'OUTPUT_NOT_WRITABLE', what: 'a file is in the way where a folder should be', hint: 'Remove or rename the file, or choose another folder.' },
  EISDIR: { code: 'OUTPUT_NOT_WRITABLE', what: 'a folder is in the way where a file should be', hint: 'Remove or rename the folder, or choose another folder.' },
};

/** The errno code somewhere in an error's cause chain (Eleventy wraps the original). */
export function errnoOf(error: unknown): { code: string; path?: string } | undefined {
  for (let current = error, depth = 0; current && depth < 10; depth++) {
    const { code, path, cause, originalError } = current as { code?: unknown; path?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof code === 'string' && code in CAUSES) return typeof path === 'string' ? { code, path } : { code };
    current = cause ?? originalError;
  }
  // Some wrappers keep only the message: "EACCES: permission denied, mkdir '…'".
  const message = error instanceof Error ? error.message : String(error);
  const match = /\b(E[A-Z]+): [^,]*, \w+ '([^']+)'/.exec(message);
  return match && match[1]! in CAUSES ? { code: match[1]!, path: match[2]! } : undefined;
}

/** The problem for a write failure in `folder`, or undefined when the error is something else. */
export function fileSystemProblem(error: unknown, folder: string, stage: string): ProblemInput | undefined {
  const errno = errnoOf(error);
  if (!errno) return undefined;
  const cause = CAUSES[errno.code]!;
  const at = errno.path ? ` (at ${displayPath(errno.path)})` : '';
  return {
    code: stage === 'ingest' ? cause.code.replace('OUTPUT', 'ARTICLES') : cause.code,
    file: displayPath(folder),
    message: `cannot be written during the ${stage} stage: ${cause.what}${at}; ${stage === 'ingest' ? 'every article file is either complete or untouched' : 'nothing was replaced, the previous site is left as it was'}`,
    hint: cause.hint,
  };
}

/**
 * True when the disk holding `folder` has (almost) no space left. Pagefind writes through its
 * own binary and reports a full disk only as truncated files, so a failure there is checked
 * against the disk itself.
 */
export async function isDiskFull(folder: string): Promise<boolean> {
  try {
    const stats = await statfs(folder);
    return stats.bavail * stats.bsize < 256 * 1024;
  } catch {
    return false;
  }
}

/** Like fileSystemProblem, but also recognises a full disk behind an error that does not say so. */
export async function writeFailureProblem(error: unknown, folder: string, stage: string, checkDisk: string): Promise<ProblemInput | undefined> {
  const direct = fileSystemProblem(error, folder, stage);
  if (direct) return direct;
  if (!(await isDiskFull(checkDisk))) return undefined;
  return fileSystemProblem(Object.assign(new Error('no space left'), { code: 'ENOSPC' }), folder, stage);
}

const within = (child: string, parent: string) => child === parent || child.startsWith(`${parent}${path.sep}`);

/**
 * The output folder is replaced as a whole at the end of a build, so it must not be, contain or
 * sit inside the inbox or the articles folder, nor contain the working directory.
 */
export function outputOverlapProblem(outDir: string, inputs: Array<{ name: string; dir: string }>, cwd = process.cwd()): ProblemInput | undefined {
  for (const input of inputs) {
    if (within(input.dir, outDir) || within(outDir, input.dir)) {
      return {
        code: 'OUTPUT_OVERLAPS_INPUT',
        file: displayPath(outDir),
        message: `overlaps the ${input.name} folder (${displayPath(input.dir)}); building would replace or mix with it, so nothing was built`,
        hint: 'Choose an output folder (--out) outside the inbox and articles folders, e.g. _site.',
      };
    }
  }
  if (within(cwd, outDir)) {
    return {
      code: 'OUTPUT_OVERLAPS_INPUT',
      file: displayPath(outDir),
      message: 'contains the current folder; building would replace it, so nothing was built',
      hint: 'Choose an output folder (--out) that is a new folder of its own, e.g. _site.',
    };
  }
  return undefined;
}

/**
 * The articles folder is the archive and outlives the inbox, which may be emptied after a build
 * (README): so it must not be the inbox or sit inside it.
 */
export function articlesInInboxProblem(articlesDir: string, inboxDir: string): ProblemInput | undefined {
  if (!within(articlesDir, inboxDir)) return undefined;
  return {
    code: 'ARTICLES_INSIDE_INBOX',
    file: displayPath(articlesDir),
    message: `${articlesDir === inboxDir ? 'is' : 'is inside'} the inbox (${displayPath(inboxDir)}); the archive would go with the inbox when it is emptied, so nothing was built`,
    hint: 'Choose an articles folder (--articles) outside the inbox, e.g. content/articles beside content/inbox.',
  };
}

const REPORT_HINT = 'Pass --report a file outside the inbox, articles and output folders, in a folder you can write, e.g. --report report.json.';

/**
 * Why the build report could not be written to `file`, checked before a build, so that a long
 * build does not end in a stack trace: a folder where the file should be, a folder that cannot be
 * written, a file in the way of a folder. Undefined when it looks writable.
 */
export async function reportLocationProblem(file: string, folders: Array<{ name: string; dir: string }> = []): Promise<ProblemInput | undefined> {
  const resolved = path.resolve(file);
  const problem = (what: string): ProblemInput => ({
    code: 'REPORT_NOT_WRITABLE',
    file: displayPath(resolved),
    message: `cannot be written as the build report (--report): ${what}; nothing was built`,
    hint: REPORT_HINT,
  });
  // Written over a source or an article file, the report would replace an article with itself
  // (and in the inbox be read as one next time); in the output folder it is not the build's.
  for (const folder of folders) {
    if (within(resolved, folder.dir)) return problem(`it is inside the ${folder.name} folder (${displayPath(folder.dir)})`);
  }
  const info = await stat(resolved).catch(() => undefined);
  if (info?.isDirectory()) return problem('it is a folder');
  // Why a folder or file cannot be written: a read-only file system is not a matter of permissions.
  const denied = (error: unknown) => ((error as NodeJS.ErrnoException).code === 'EROFS' ? 'the file system is read-only' : 'permission denied');
  if (info) {
    const refused = await access(resolved, constants.W_OK).then(() => undefined, denied);
    return refused === undefined ? undefined : problem(refused);
  }
  // A new file: the nearest folder that exists must let us create what is missing below it.
  let parent = path.dirname(resolved);
  for (;;) {
    const parentInfo = await stat(parent).catch(() => undefined);
    if (parentInfo) {
      if (!parentInfo.isDirectory()) return problem(`${displayPath(parent)} is a file, not a folder`);
      const refused = await access(parent, constants.W_OK | constants.X_OK).then(() => undefined, denied);
      if (refused !== undefined) return problem(`${refused} in ${displayPath(parent)}`);
      break;
    }
    if (path.dirname(parent) === parent) break;
    parent = path.dirname(parent);
  }
  // Permissions do not tell everything (root may write anywhere; /proc and /sys take no new
  // files): the file is made once, and removed with the folders made for it.
  const made: string[] = [];
  try {
    for (let folder = path.dirname(resolved); folder !== parent && folder !== path.dirname(folder); folder = path.dirname(folder)) made.unshift(folder);
    for (const folder of made) await mkdir(folder);
    await (await open(resolved, 'wx')).close();
    await rm(resolved, { force: true });
    return undefined;
  } catch (error) {
    const { code, path: at } = error as NodeJS.ErrnoException;
    return problem(`${at ? displayPath(at) : 'it'} could not be created${code ? ` (${code})` : ''}`);
  } finally {
    for (const folder of made.reverse()) await rmdir(folder).catch(() => undefined);
  }
}

/** The problem for a report that could not be written after the build (the disk filled, say). */
export function reportWriteProblem(error: unknown, file: string): ProblemInput {
  const code = (error as NodeJS.ErrnoException).code;
  return {
    code: 'REPORT_NOT_WRITABLE',
    file: displayPath(path.resolve(file)),
    message: `could not be written as the build report (--report)${code ? ` (${code})` : ''}; the site was built`,
    hint: REPORT_HINT,
  };
}
