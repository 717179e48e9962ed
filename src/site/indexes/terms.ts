// The archive's taxonomy: every person, organisation, place, tag and section, each with its
// articles (an inverted index built in one pass), canonical name, and a URL that stays distinct
// when two names make the same slug.

import { createHash } from 'node:crypto';
import { foldName, ruledEntityNames, type EntityKind, type EntityRules } from '../../ingest/entities/entity-rules.ts';
import { MAX_SLUG_LENGTH, transliterate } from '../../ingest/slug.ts';
import { nameLanguage } from '../../ingest/text-stats.ts';
import { compareText } from '../../problems.ts';
import type { Article } from '../load-articles.ts';

export type TermKind = EntityKind | 'tag' | 'section';

export interface TermKindInfo {
  /** First URL segment: `/people/`. */
  segment: string;
  /** Heading of the index page. */
  plural: string;
  singular: string;
}

export const TERM_KINDS: Record<TermKind, TermKindInfo> = {
  person: { segment: 'people', plural: 'People', singular: 'Person' },
  organization: { segment: 'organizations', plural: 'Organisations', singular: 'Organisation' },
  place: { segment: 'places', plural: 'Places', singular: 'Place' },
  tag: { segment: 'tags', plural: 'Tags', singular: 'Tag' },
  section: { segment: 'sections', plural: 'Sections', singular: 'Section' },
};
export const TERM_KIND_ORDER: TermKind[] = ['section', 'tag', 'person', 'organization', 'place'];
export const ENTITY_TERM_KINDS: TermKind[] = ['person', 'organization', 'place'];

/** Slugs that would clash with a kind's own pages (`/people/by-count/`, `/people/page/2/`). */
export const RESERVED_SLUGS = new Set(['by-count', 'page']);

export interface Term {
  kind: TermKind;
  /** Display name: the most common spelling in the archive. */
  name: string;
  /** `kind:folded name`, unique. */
  key: string;
  slug: string;
  /** Site path of its first page, `/people/steve-witkoff/`. */
  url: string;
  /** Positions in the archive's newest-first article list, ascending (so newest first). */
  articles: number[];
  /** Whether the term has pages (entities need `minArticlesForEntityPage` articles). */
  hasPage: boolean;
  /**
   * The language its name is in, as far as the archive knows: that of all its articles, when they
   * share one and the name is in their kind of letters (`nameLanguage`).
   */
  language: string | undefined;
}

/** The language all of `positions`' articles are in, or undefined when they differ. */
function sharedLanguage(positions: readonly number[], articles: readonly Article[]): string | undefined {
  const language = articles[positions[0]!]?.language;
  for (const position of positions) if (articles[position]!.language !== language) return undefined;
  return language;
}

function languageOfName(name: string, articlesLanguage: string | undefined): string | undefined {
  return articlesLanguage === undefined ? undefined : nameLanguage(name, articlesLanguage);
}

interface Draft {
  kind: TermKind;
  key: string;
  spellings: Map<string, number>;
  articles: number[];
}

/** The names an article carries, after aliases and the block list: [kind, name] pairs. */
function namesOf(article: Article, rules: EntityRules): Array<[TermKind, string]> {
  const names: Array<[TermKind, string]> = [];
  if (article.section) names.push(['section', article.section]);
  for (const tag of article.tags) names.push(['tag', tag]);
  names.push(...ruledEntityNames(article, rules));
  return names;
}

/**
 * A name's slug: its transliterated words joined by hyphens (`g7`, `fa`, `khalil-al-hayya`).
 * Article slugs need three letters; short names such as `UN` are fine here. A name with no
 * letters Broadsheet can transliterate gets a stable id.
 */
function termSlug(name: string, key: string): string {
  const words = transliterate(name).replace(/['’`]/g, '').split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  return slug || `name-${shortHash(key)}`;
}

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 6);

function pickSpelling(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && compareText(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A surname alone (`Trump`) is the archive's best-known person with that last name
 * (`Donald Trump`), when there is one: most articles first, then name order.
 */
function resolveSurnames(drafts: Map<string, Draft>): Map<string, string> {
  const bySurname = new Map<string, Draft>();
  for (const draft of drafts.values()) {
    if (draft.kind !== 'person') continue;
    const words = draft.key.slice('person:'.length).split(' ');
    if (words.length < 2) continue;
    const surname = words[words.length - 1]!;
    const known = bySurname.get(surname);
    if (!known || draft.articles.length > known.articles.length || (draft.articles.length === known.articles.length && compareText(draft.key, known.key) < 0)) {
      bySurname.set(surname, draft);
    }
  }
  const redirects = new Map<string, string>();
  for (const draft of drafts.values()) {
    if (draft.kind !== 'person') continue;
    const folded = draft.key.slice('person:'.length);
    if (folded.includes(' ')) continue;
    const full = bySurname.get(folded);
    if (full) redirects.set(draft.key, full.key);
  }
  return redirects;
}

/**
 * Each term's slug. A term the archive's record of term URLs (`term-urls.ts`) names keeps the slug
 * it was given, so a name that arrives later never takes over the URL (and the feeds, for a
 * section) that readers and subscribers already use, even from a back-dated import whose articles
 * are older than the name's. Of new names that make one slug (`al-Hayya`, `Al Hayya`), the one
 * with the oldest article (then the first in key order) has it unless the record gives it to
 * another name, and the others get a suffix from a hash of their name. Without a record (a first
 * build) that is the date rule alone.
 */
function assignSlugs(drafts: readonly Draft[], names: ReadonlyMap<Draft, string>, articles: readonly Article[], recorded: ReadonlyMap<string, string>): Map<Draft, string> {
  // Who holds each recorded `kind/slug`, present in this build or not: a name that left the
  // archive keeps its URL for when it returns, rather than another name's page appearing there.
  const holders = new Map<string, string>();
  for (const [key, slug] of recorded) holders.set(`${key.slice(0, key.indexOf(':'))}/${slug}`, key);
  const slugs = new Map<Draft, string>();
  // Drafts by the slug their name makes; only names that share one need their oldest article.
  const groups = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const kept = recorded.get(draft.key);
    if (kept !== undefined) {
      slugs.set(draft, kept);
      continue;
    }
    const key = `${draft.kind}/${termSlug(names.get(draft)!, draft.key)}`;
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  for (const [key, group] of groups) {
    const slug = key.slice(key.indexOf('/') + 1);
    if (group.length > 1) {
      // By date, not position, so the order articles are given in does not matter.
      const since = new Map<Draft, number>();
      for (const draft of group) {
        let first = Infinity;
        for (const position of draft.articles) first = Math.min(first, articles[position]!.date.toMillis());
        since.set(draft, first);
      }
      group.sort((a, b) => since.get(a)! - since.get(b)! || compareText(a.key, b.key));
    }
    const plainFree = !RESERVED_SLUGS.has(slug) && !holders.has(key);
    group.forEach((draft, index) => slugs.set(draft, plainFree && index === 0 ? slug : `${slug}-${shortHash(draft.key)}`));
  }
  return slugs;
}

export interface TermTable {
  terms: Term[];
  /** Per article position: the keys of its terms, without repeats. */
  termsOf: Term[][];
}

/**
 * `recorded`: the slug each term key was given by earlier builds (`readTermUrls`), kept; valid
 * slugs only, one key per slug of a kind.
 */
export function buildTerms(articles: Article[], rules: EntityRules, minArticlesForEntityPage: number, recorded: ReadonlyMap<string, string> = new Map()): TermTable {
  const drafts = new Map<string, Draft>();
  const keysOf: string[][] = [];
  articles.forEach((article, position) => {
    const keys: string[] = [];
    for (const [kind, name] of namesOf(article, rules)) {
      const key = `${kind}:${foldName(name)}`;
      let draft = drafts.get(key);
      if (!draft) {
        draft = { kind, key, spellings: new Map(), articles: [] };
        drafts.set(key, draft);
      }
      draft.spellings.set(name, (draft.spellings.get(name) ?? 0) + 1);
      if (draft.articles[draft.articles.length - 1] !== position) draft.articles.push(position);
      keys.push(key);
    }
    keysOf.push(keys);
  });

  const redirects = resolveSurnames(drafts);
  for (const [from, to] of redirects) {
    const source = drafts.get(from)!;
    const target = drafts.get(to)!;
    const merged = new Set([...target.articles, ...source.articles]);
    target.articles = [...merged].sort((a, b) => a - b);
    drafts.delete(from);
  }

  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  const sorted = [...drafts.values()].sort((a, b) => compareText(a.key, b.key));
  const names = new Map(sorted.map((draft) => [draft, pickSpelling(draft.spellings)]));
  const slugs = assignSlugs(sorted, names, articles, recorded);
  for (const draft of sorted) {
    const name = names.get(draft)!;
    const segment = TERM_KINDS[draft.kind].segment;
    const slug = slugs.get(draft)!;
    const isEntity = ENTITY_TERM_KINDS.includes(draft.kind);
    const term: Term = {
      kind: draft.kind,
      name,
      key: draft.key,
      slug,
      url: `/${segment}/${slug}/`,
      articles: draft.articles,
      hasPage: !isEntity || draft.articles.length >= minArticlesForEntityPage,
      language: languageOfName(name, sharedLanguage(draft.articles, articles)),
    };
    terms.push(term);
    byKey.set(draft.key, term);
  }

  const termsOf = keysOf.map((keys) => {
    const seen = new Set<Term>();
    for (const key of keys) {
      const term = byKey.get(redirects.get(key) ?? key);
      if (term) seen.add(term);
    }
    return [...seen];
  });
  return { terms, termsOf };
}
