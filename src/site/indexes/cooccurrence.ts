// "Often mentioned with": the entities that co-occur with a term, ranked by pointwise mutual
// information so that names frequent everywhere do not crowd out real companions. Walks only the
// term's own articles, so all terms together cost one pass per (article, entity) pair per term.

import { ENTITY_TERM_KINDS, type Term } from './terms.ts';
import { compareText } from '../../problems.ts';

/** Pairs seen together fewer times than this are chance, not association. */
export const MIN_COOCCURRENCE = 2;
export const MAX_COMPANIONS = 8;

export interface Companion {
  term: Term;
  /** Articles mentioning both. */
  count: number;
  /** log(P(both) / (P(term) · P(companion))). */
  pmi: number;
}

export function companionsOf(
  term: Term,
  termsOf: Term[][],
  options: { minCount?: number; limit?: number; onlyWithPages?: boolean } = {},
): Companion[] {
  const minCount = options.minCount ?? MIN_COOCCURRENCE;
  const total = termsOf.length;
  const counts = new Map<Term, number>();
  for (const position of term.articles) {
    for (const other of termsOf[position] ?? []) {
      if (other === term || !ENTITY_TERM_KINDS.includes(other.kind)) continue;
      if (options.onlyWithPages !== false && !other.hasPage) continue;
      counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  const companions: Companion[] = [];
  for (const [other, count] of counts) {
    if (count < minCount) continue;
    companions.push({ term: other, count, pmi: Math.log((count * total) / (term.articles.length * other.articles.length)) });
  }
  companions.sort((a, b) => b.pmi - a.pmi || b.count - a.count || compareText(a.term.key, b.term.key));
  return companions.slice(0, options.limit ?? MAX_COMPANIONS);
}
