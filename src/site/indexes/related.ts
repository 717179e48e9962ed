// Related articles from the inverted index: candidates are the articles that share a person,
// organisation, place or tag, each shared name weighted by its rarity (IDF), the sum scaled by
// closeness in time. Never all pairs: a frequent name contributes only its nearest articles.

import type { Term } from './terms.ts';

/** A name shared by more articles than this contributes only this many, the nearest in time. */
export const POSTING_WINDOW = 64;
export const MAX_RELATED = 5;

export interface RelatedInput {
  /** Per article position (newest first): its terms. */
  termsOf: Term[][];
  /** Per article position: its time in days (any origin). */
  days: Float64Array;
}

/** First index in the ascending list `items` whose value is at least `value`. */
export function lowerBound(items: readonly number[], value: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (items[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Rarity weight of a name shared by `count` of `total` articles (smoothed, always above 0). */
export const rarity = (count: number, total: number) => Math.log(1 + total / count);

/** A closeness factor between 0.5 (far apart) and 1 (same day): time breaks near-ties. */
export const closeness = (days: number) => 0.5 + 0.5 / (1 + Math.abs(days) / 90);

const isLinkingTerm = (term: Term) => term.kind !== 'section' && term.articles.length >= 2;

/** Positions of the articles most related to the one at `position`, best first. */
export function relatedPositions(input: RelatedInput, position: number, limit = MAX_RELATED): number[] {
  const total = input.termsOf.length;
  const scores = new Map<number, number>();
  for (const term of input.termsOf[position] ?? []) {
    if (!isLinkingTerm(term)) continue;
    const postings = term.articles;
    const weight = rarity(postings.length, total);
    let from = 0;
    let to = postings.length;
    if (postings.length > POSTING_WINDOW) {
      const at = lowerBound(postings, position);
      from = Math.max(0, Math.min(at - POSTING_WINDOW / 2, postings.length - POSTING_WINDOW));
      to = from + POSTING_WINDOW;
    }
    for (let i = from; i < to; i++) {
      const other = postings[i]!;
      if (other !== position) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }
  const ranked: Array<[number, number]> = [];
  const when = input.days[position]!;
  for (const [other, score] of scores) ranked.push([other, score * closeness(input.days[other]! - when)]);
  // Ties go to the newer article (lower position), so the order is deterministic.
  ranked.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.slice(0, limit).map(([other]) => other);
}
