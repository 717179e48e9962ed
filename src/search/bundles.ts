// Which Pagefind bundles the search page loads: the first is the primary index, the others are
// merged into it at query time (Pagefind's mergeIndex). One bundle until the index is split.

import type { Article } from '../site/load-articles.ts';

/** Site paths (without the path prefix) of the search bundles, each ending in `/`. */
export function searchBundlePaths(_articles: Article[]): string[] {
  return ['/pagefind/'];
}
