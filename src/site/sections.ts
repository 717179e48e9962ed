// The archive's sections, counted once per build, each with a stable file-safe slug for its
// feeds. (Section pages themselves belong to the linking work.)

import { createHash } from 'node:crypto';
import { slugify } from '../ingest/slug.ts';
import { compareText } from '../problems.ts';
import type { Article } from './load-articles.ts';

export interface SectionSummary {
  name: string;
  slug: string;
  /** Newest first. */
  articles: Article[];
}

function sectionSlug(name: string): string {
  const id = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return slugify(name, id).replace(/^article-/, 'section-');
}

/** Sections with their articles, largest first (ties by name); slugs are unique. */
export function summariseSections(articles: Article[]): SectionSummary[] {
  const byName = new Map<string, Article[]>();
  for (const article of articles) {
    if (article.section === undefined) continue;
    const list = byName.get(article.section);
    if (list) list.push(article);
    else byName.set(article.section, [article]);
  }
  // Slugs are given in name order so they do not depend on article counts.
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of [...byName.keys()].sort(compareText)) {
    const base = sectionSlug(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(name, slug);
  }
  return [...byName.entries()]
    .map(([name, list]) => ({ name, slug: slugs.get(name)!, articles: list }))
    .sort((a, b) => b.articles.length - a.articles.length || compareText(a.name, b.name));
}

export function sectionFeedPaths(section: SectionSummary): { atom: string; json: string } {
  return { atom: `/feeds/${section.slug}.xml`, json: `/feeds/${section.slug}.json` };
}
