// The search fixture archive: hand-written article files (English and Arabic, with people,
// organisations and places set by hand) and, for each, a phrase that occurs only in it.

import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticleFile } from '../../src/ingest/frontmatter.ts';
import { temporaryDir } from '../helpers/paths.ts';
import { buildArchive, type BuildRun } from '../helpers/run-build.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface FixtureArticle {
  slug: string;
  title: string;
  date: string;
  section: string;
  language: string;
  people: string[];
  organizations: string[];
  places: string[];
  tags: string[];
  body: string;
  /** Site path, as the archive publishes it: /<year>/<slug>/. */
  url: string;
  /** Words found in this article only. */
  rarePhrase: string;
}

export async function readFixtureArticles(): Promise<FixtureArticle[]> {
  const phrases = JSON.parse(await readFile(path.join(FIXTURE_DIR, 'known-items.json'), 'utf8')) as Record<string, string>;
  const dir = path.join(FIXTURE_DIR, 'articles');
  const files = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  const articles: FixtureArticle[] = [];
  for (const file of files) {
    const { data, body } = readArticleFile(await readFile(path.join(dir, file), 'utf8'));
    const slug = data.slug as string;
    const date = data.date as string;
    articles.push({
      slug,
      title: data.title as string,
      date,
      section: data.section as string,
      language: (data.language as string | undefined) ?? 'en',
      people: data.people as string[],
      organizations: data.organizations as string[],
      places: data.places as string[],
      tags: data.tags as string[],
      body,
      url: `/${date.slice(0, 4)}/${slug}/`,
      rarePhrase: phrases[slug] ?? '',
    });
  }
  return articles;
}

/** Builds the fixture archive with the real CLI (no inbox: the article files are the input). */
export async function buildFixtureArchive(extraArgs: string[] = []): Promise<BuildRun> {
  const work = await temporaryDir('search-fixture');
  const articlesDir = path.join(work, 'articles');
  await cp(path.join(FIXTURE_DIR, 'articles'), articlesDir, { recursive: true });
  return buildArchive(path.join(work, 'no-inbox'), extraArgs, { articlesDir });
}
