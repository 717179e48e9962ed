// Where the project, its sample inbox and the shared corpora are, for tests.

import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SAMPLE_INBOX = path.join(PROJECT_ROOT, 'content/inbox');
export const CLI = path.join(PROJECT_ROOT, 'bin/broadsheet.js');
export const SHARED_DIR = path.resolve(PROJECT_ROOT, '../shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

/** Skip reason when ../shared/corpus is absent (a user's fresh clone), else undefined. */
export function corpusSkipReason(): string | false {
  return existsSync(CORPUS_DIR)
    ? false
    : `../shared/corpus is not beside this checkout (${CORPUS_DIR}); corpus tests need it and are skipped`;
}

const created: string[] = [];
// Each test file runs in its own process: its folders go when it exits, so a suite run leaves
// nothing behind. BROADSHEET_KEEP_TEST_DIRS=1 keeps them to look at after a failure.
process.once('exit', () => {
  if (process.env.BROADSHEET_KEEP_TEST_DIRS === '1') return;
  for (const dir of created) rmSync(dir, { recursive: true, force: true, maxRetries: 2 });
});

/** A new empty folder under the system's temporary folder, removed when the test process exits. */
export async function temporaryDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `broadsheet-${prefix}-`));
  created.push(dir);
  return dir;
}
