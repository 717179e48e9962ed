// What every page of the site depends on besides its own inputs: Broadsheet's code (templates,
// styles, scripts, dependencies), the runtime that formats its dates (Node, ICU, time zones), the
// configuration and entity rules, and where the primary search bundle is (every article page names it). When this differs from the previous site's,
// an incremental build is not possible and every page is rendered and written afresh.

import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CODE_FOLDERS = ['src', 'layouts', 'assets'];
const CODE_FILES = ['.eleventy.ts', 'package-lock.json'];

let codeHash: Promise<string> | undefined;

/** A hash of Broadsheet's own code and locked dependencies (computed once per process). */
export function codeFingerprint(): Promise<string> {
  codeHash ??= (async () => {
    const files = [...CODE_FILES];
    for (const folder of CODE_FOLDERS) {
      const entries = await readdir(path.join(PROJECT_ROOT, folder), { withFileTypes: true, recursive: true });
      for (const entry of entries) if (entry.isFile()) files.push(path.relative(PROJECT_ROOT, path.join(entry.parentPath, entry.name)));
    }
    const hash = createHash('sha1');
    for (const file of files.sort()) {
      const content = await readFile(path.join(PROJECT_ROOT, file)).catch(() => Buffer.alloc(0));
      hash.update(`${file.split(path.sep).join('/')}\0${content.length}\0`).update(content);
    }
    return hash.digest('hex');
  })();
  return codeHash;
}

/**
 * The versions of the data Node renders text with besides Broadsheet's code: ICU and CLDR write
 * every date and time (since ICU 72 a narrow no-break space before "AM"), the time-zone data gives
 * past offsets, and Unicode's version decides what a `\p{…}` pattern matches. A Node upgrade that
 * changes them must render every page again, or kept pages would show the old forms beside new
 * ones; one that does not (most patch releases) keeps the rebuild incremental.
 */
export function runtimeVersions(): Record<string, string | undefined> {
  const { icu, unicode, cldr, tz } = process.versions;
  return { icu, unicode, cldr, tz };
}

/** The fingerprint every page shares; `settings` is anything serialisable (configuration, rules). */
export async function siteFingerprint(settings: unknown): Promise<string> {
  return createHash('sha1')
    .update(await codeFingerprint())
    .update(JSON.stringify(runtimeVersions()))
    .update(JSON.stringify(settings))
    .digest('hex');
}
