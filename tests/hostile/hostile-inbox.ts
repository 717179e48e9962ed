// Writes the hostile cases to disk as one inbox (a folder per case) and one articles folder
// holding the hand-edited files, so the whole suite runs through a single real build.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { temporaryDir } from '../helpers/paths.ts';
import { PWNED_MARKER, type HostileCase } from './cases.ts';

export interface HostileWorkspace {
  work: string;
  inbox: string;
  articles: string;
  cases: HostileCase[];
}

export async function writeHostileWorkspace(cases: HostileCase[]): Promise<HostileWorkspace> {
  const work = await temporaryDir('hostile');
  const inbox = path.join(work, 'inbox');
  const articles = path.join(work, 'articles');
  for (const entry of cases) {
    for (const [name, content] of Object.entries(entry.inbox ?? {})) {
      const file = path.join(inbox, entry.name, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, typeof content === 'function' ? content() : content);
    }
    for (const [name, content] of Object.entries(entry.articles ?? {})) {
      const file = path.join(articles, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  await rm(path.join('/tmp', PWNED_MARKER), { force: true });
  return { work, inbox, articles, cases };
}
