// Everything that links the archive, built once per build from the loaded articles: the taxonomy
// (inverted index term → articles), the time axis, and per-article and per-term look-ups
// (related, previous and next, companions, coverage) computed from it on demand.

import type { SiteConfig } from '../../config/site-config.ts';
import { DEFAULT_ENTITY_RULES, type EntityRules } from '../../ingest/entities/entity-rules.ts';
import { compareText } from '../../problems.ts';
import { buildTimeAxis, type TimeAxis } from '../charts/time-axis.ts';
import type { Article } from '../load-articles.ts';
import { companionsOf, type Companion } from './cooccurrence.ts';
import { lowerBound, relatedPositions } from './related.ts';
import { buildTerms, TERM_KIND_ORDER, type Term, type TermKind } from './terms.ts';

export interface Neighbours {
  /** Older and newer articles in the whole archive. */
  older?: Article;
  newer?: Article;
  /** Older and newer articles in the same section. */
  olderInSection?: Article;
  newerInSection?: Article;
}

export interface ArchiveIndex {
  /** Every term, by kind then key. */
  terms: Term[];
  /** Terms of one kind that have pages, A–Z. */
  pagesOfKind(kind: TermKind): Term[];
  /** An article's section, tags and entities, in that order. */
  termsOf(article: Article): Term[];
  /** The articles of a term, newest first. */
  articlesOf(term: Term): Article[];
  related(article: Article): Article[];
  neighbours(article: Article): Neighbours;
  companions(term: Term): Companion[];
  axis: TimeAxis;
  /** Articles per axis bucket, for the whole archive or one term. */
  coverage(term?: Term): number[];
}

/** `termSlugs`: the slug each term was given by earlier builds, which it keeps (`readTermUrls`). */
export function buildArchiveIndex(
  articles: Article[],
  config: Pick<SiteConfig, 'timeZone' | 'minArticlesForEntityPage'>,
  rules: EntityRules = DEFAULT_ENTITY_RULES,
  termSlugs: ReadonlyMap<string, string> = new Map(),
): ArchiveIndex {
  const positions = new Map<Article, number>();
  articles.forEach((article, position) => positions.set(article, position));
  const { terms, termsOf } = buildTerms(articles, rules, config.minArticlesForEntityPage, termSlugs);
  const kindRank = (kind: TermKind) => TERM_KIND_ORDER.indexOf(kind);
  for (const list of termsOf) list.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));

  const days = new Float64Array(articles.length);
  articles.forEach((article, position) => (days[position] = article.date.toMillis() / 86_400_000));
  const relatedInput = { termsOf, days };
  const relatedByPosition: Array<Article[] | undefined> = new Array<Article[] | undefined>(articles.length);
  const axis = buildTimeAxis(
    articles.map((article) => article.date),
    config.timeZone,
  );
  const bucketOf = Int32Array.from(articles, (article) => axis.bucketOf(article.date));

  const byKind = new Map<TermKind, Term[]>();
  for (const term of terms) {
    if (!term.hasPage) continue;
    const list = byKind.get(term.kind) ?? [];
    list.push(term);
    byKind.set(term.kind, list);
  }
  for (const list of byKind.values()) list.sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.key, b.key));

  const companionCache = new Map<Term, Companion[]>();
  const positionOf = (article: Article) => {
    const position = positions.get(article);
    if (position === undefined) throw new Error(`Broadsheet: ${article.file} is not in the archive index`);
    return position;
  };

  return {
    terms,
    pagesOfKind: (kind) => byKind.get(kind) ?? [],
    termsOf: (article) => termsOf[positionOf(article)] ?? [],
    articlesOf: (term) => term.articles.map((position) => articles[position]!),
    // Asked for twice per article page (its fingerprint, then its render), so kept once found.
    related: (article) => {
      const position = positionOf(article);
      return (relatedByPosition[position] ??= relatedPositions(relatedInput, position).map((other) => articles[other]!));
    },
    neighbours(article) {
      const position = positionOf(article);
      const result: Neighbours = {};
      if (position + 1 < articles.length) result.older = articles[position + 1]!;
      if (position > 0) result.newer = articles[position - 1]!;
      const section = (termsOf[position] ?? []).find((term) => term.kind === 'section');
      if (section) {
        const at = lowerBound(section.articles, position);
        const older = section.articles[at + 1];
        const newer = at > 0 ? section.articles[at - 1] : undefined;
        if (older !== undefined) result.olderInSection = articles[older]!;
        if (newer !== undefined) result.newerInSection = articles[newer]!;
      }
      return result;
    },
    companions(term) {
      let companions = companionCache.get(term);
      if (!companions) {
        companions = companionsOf(term, termsOf);
        companionCache.set(term, companions);
      }
      return companions;
    },
    axis,
    coverage(term) {
      const counts = new Array<number>(axis.buckets.length).fill(0);
      if (term) for (const position of term.articles) counts[bucketOf[position]!]!++;
      else for (const bucket of bucketOf) counts[bucket]!++;
      return counts;
    },
  };
}
