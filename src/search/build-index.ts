// The index stage: Pagefind's Node API over the rendered pages, in the build's own process.
// Pagefind's errors come back as values and become build problems.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { ProblemLog } from '../problems.ts';

export interface SearchIndexStats {
  /** Pages in the index (those with a data-pagefind-body), all languages together. */
  pages: number;
  /** Pages per language index. */
  languages: Record<string, number>;
  /** Bytes of the written bundle (index, fragments, UI). */
  bytes: number;
  files: number;
}

async function directorySize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

export async function buildSearchIndex(siteDir: string, problems: ProblemLog): Promise<SearchIndexStats | undefined> {
  const report = (where: string, errors: string[]) => {
    for (const error of errors) {
      problems.error({
        code: 'SEARCH_INDEX_FAILED',
        file: path.join(siteDir, 'pagefind'),
        message: `Pagefind could not ${where}: ${error}`,
        hint: 'The site is built but search may be incomplete; rerun the build, and report this if it persists.',
      });
    }
  };
  try {
    const created = await pagefind.createIndex({});
    if (!created.index) {
      report('start', created.errors);
      return undefined;
    }
    const { index } = created;
    const added = await index.addDirectory({ path: siteDir });
    report('index the pages', added.errors);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    report('write the index', written.errors);
    await index.deleteIndex();
    const bundle = path.join(siteDir, 'pagefind');
    // addDirectory counts every HTML file it read; the entry file counts what was indexed.
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages = Object.fromEntries(Object.entries(entry.languages).map(([language, info]) => [language, info.page_count]));
    const pages = Object.values(languages).reduce((sum, count) => sum + count, 0);
    return { pages, languages, ...(await directorySize(bundle)) };
  } finally {
    await pagefind.close();
  }
}
