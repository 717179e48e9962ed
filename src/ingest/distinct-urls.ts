// Gives every article of an ingest its own URL (`/<year>/<slug>/`): where several want one, one
// keeps it and the others get a suffix from their content hash, named in a warning.

import { compareText, type ProblemLog } from '../problems.ts';

/** An article whose URL is being decided; `slug` is changed in place when it must give way. */
export interface UrlCandidate {
  sourcePath: string;
  displayPath: string;
  slug: string;
  year: string;
  /** Its article file's slug, when it has one already. */
  existing?: { slug?: string };
  parsed: { frontmatter: { source: { hash: string } } };
}

function urlKey(year: string, slug: string): string {
  // Case-insensitive file systems (macOS, Windows) would merge `Cafe` and `cafe`.
  return `${year}/${slug}`.toLowerCase();
}

/**
 * Gives every article its own URL. Where several want the same one, the one that had it keeps
 * it (slugs are stable once written), else the one with the smallest content hash; the others
 * get a suffix from their content hash. So the outcome depends neither on the order files are
 * processed nor on their names or folders. `held` are the article files (`2024/slug.md`) whose
 * URLs are taken already; `showFile` names one in a message. Costs one map look-up per article,
 * however many share a headline.
 */
export function assignDistinctUrls(candidates: UrlCandidate[], held: string[], problems: ProblemLog, showFile: (file: string) => string): void {
  // The article files whose URLs are taken, by URL key, to name the one a new article collides with.
  const holders = new Map(held.map((file) => [file.replace(/\.md$/, '').toLowerCase(), file]));
  const taken = new Set(holders.keys());
  const groups = new Map<string, UrlCandidate[]>();
  for (const candidate of candidates) {
    const key = urlKey(candidate.year, candidate.slug);
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  for (const [key, group] of [...groups].sort(([a], [b]) => compareText(a, b))) {
    group.sort(
      (a, b) =>
        Number(b.existing?.slug === b.slug) - Number(a.existing?.slug === a.slug) ||
        compareText(a.parsed.frontmatter.source.hash, b.parsed.frontmatter.source.hash) ||
        compareText(a.sourcePath, b.sourcePath),
    );
    const keeper = taken.has(key) ? undefined : group[0];
    taken.add(key);
    for (const candidate of group) {
      if (candidate === keeper) continue;
      const base = candidate.slug;
      let suffix = candidate.parsed.frontmatter.source.hash.slice(7, 13);
      while (taken.has(urlKey(candidate.year, `${base}-${suffix}`))) suffix += '0';
      candidate.slug = `${base}-${suffix}`;
      taken.add(urlKey(candidate.year, candidate.slug));
      const holder = holders.get(key);
      const winner = keeper ? keeper.displayPath : holder === undefined ? 'an existing article file' : `the article file ${showFile(holder)}`;
      problems.warn({
        code: 'SLUG_COLLISION',
        file: candidate.displayPath,
        message: `would have the same URL (/${candidate.year}/${base}/) as ${winner}; it gets /${candidate.year}/${candidate.slug}/`,
        hint: 'Nothing to do if both are wanted; give one a different title (or a sidecar "title") for a more readable URL.',
      });
    }
  }
}
