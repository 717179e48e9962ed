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

/** Scratch space reused between calls: one score slot per article, and the slots touched. */
interface Scratch {
  scores: Float64Array;
  touched: Int32Array;
}
const scratchFor = new WeakMap<RelatedInput, Scratch>();

/** Positions of the articles most related to the one at `position`, best first. */
export function relatedPositions(input: RelatedInput, position: number, limit = MAX_RELATED): number[] {
  const total = input.termsOf.length;
  let scratch = scratchFor.get(input);
  if (!scratch) {
    scratch = { scores: new Float64Array(total), touched: new Int32Array(total) };
    scratchFor.set(input, scratch);
  }
  const { scores, touched } = scratch;
  let touchedCount = 0;
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
      if (other === position) continue;
      if (scores[other] === 0) touched[touchedCount++] = other;
      scores[other] = scores[other]! + weight;
    }
  }
  // Keep the best `limit` in a small sorted array; ties go to the newer article (lower position).
  const best: Array<[number, number]> = [];
  const when = input.days[position]!;
  for (let i = 0; i < touchedCount; i++) {
    const other = touched[i]!;
    const score = scores[other]! * closeness(input.days[other]! - when);
    scores[other] = 0;
    if (best.length === limit) {
      const worst = best[limit - 1]!;
      if (score < worst[1] || (score === worst[1] && other > worst[0])) continue;
      best.pop();
    }
    let at = best.length;
    while (at > 0 && (best[at - 1]![1] < score || (best[at - 1]![1] === score && best[at - 1]![0] > other))) at--;
    best.splice(at, 0, [other, score]);
  }
  return best.map(([other]) => other);
}
