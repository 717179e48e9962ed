// A fingerprint of the data a list page's layout is given (src/site/list-pages.ts), so that a
// rebuild can keep a page rendered from the same data instead of rendering it again.

import { createHash } from 'node:crypto';
import type { Article } from './load-articles.ts';

/** An article as a list shows it: everything but the body (and its hash), which only its own page and the feeds show. */
export type ListedArticle = Omit<Article, 'body' | 'bodyHash'>;

/**
 * The fields an article's digest covers, its own and its source's: all but the body, in
 * code-point order. Named, they let JSON.stringify write the article natively (0.17 s instead
 * of `serialise`'s 0.28 s for 10,000 articles) with its keys in one order however it was built. A field missing here would not count, and pages showing it would be kept
 * stale when it changes, so tests/site/page-fingerprint.test.ts checks that every field of a
 * loaded article is here.
 */
export const ARTICLE_DIGEST_FIELDS: readonly string[] = [
  'authors', 'date', 'dateSource', 'dir', 'file', 'hash', 'language', 'name', 'organizations', 'path', 'people', 'places',
  'readingMinutes', 'section', 'slug', 'source', 'subtitle', 'summary', 'tags', 'title', 'titleLanguage', 'updated', 'url', 'wordCount',
];

/** Arrays at least this long are serialised once per build and stand for their hash after that. */
const SHARED_ARRAY_LENGTH = 32;

/**
 * Returns a function from a page's data to a fingerprint of it: a hash of a serialisation with
 * object keys in code-point order, so equal data gives an equal fingerprint however it was
 * built. An article of the archive counts as a hash of all of it but its body, made once per
 * build: a term page lists twenty, and the same article is on many pages. A long array is
 * hashed once too: every page of a listing holds the paths of all its pages (5,000 on the home
 * listing of a 100,000-article archive), which would otherwise make fingerprinting quadratic;
 * page data is built once per build and never changed after, so the hash stays true. The data
 * must be data: a function in it cannot be fingerprinted and throws, so a layout cannot be
 * handed something whose output the fingerprint does not see.
 */
export function createPageFingerprint(articles: readonly Article[]): (data: unknown) => string {
  return createFingerprints(articles).page;
}

/**
 * `createPageFingerprint`'s page fingerprint, with the article digest it is built on: a hash
 * of all of an article but its body, made once per build and shared by the article pages'
 * fingerprints (`articlePageInputs`), which add the body's hash to it.
 */
export function createFingerprints(articles: readonly Article[]): { page: (data: unknown) => string; article: (article: Article) => string } {
  const archive = new Set<unknown>(articles);
  const digests = new Map<unknown, string>();
  const longArrays = new WeakMap<readonly unknown[], string>();
  const articleDigest = (article: Article): string => {
    let digest = digests.get(article);
    if (digest === undefined) {
      // Its date is written by its toJSON, as `serialise` writes it.
      digest = createHash('sha1').update(JSON.stringify(article, ARTICLE_DIGEST_FIELDS as string[])).digest('base64url');
      digests.set(article, digest);
    }
    return digest;
  };
  const serialise = (value: unknown): string => {
    if (value === null || value === undefined) return 'null';
    switch (typeof value) {
      case 'string':
      case 'number':
      case 'boolean':
        return JSON.stringify(value);
      case 'object':
        break;
      default:
        throw new TypeError(`Broadsheet: a page's data holds a ${typeof value}, which cannot be fingerprinted; give the layout data, not code`);
    }
    if (archive.has(value)) return `@${articleDigest(value as Article)}`;
    if (Array.isArray(value)) {
      if (value.length < SHARED_ARRAY_LENGTH) return `[${value.map(serialise).join(',')}]`;
      let digest = longArrays.get(value);
      if (digest === undefined) {
        digest = createHash('sha1').update(`[${value.map(serialise).join(',')}]`).digest('base64url');
        longArrays.set(value, digest);
      }
      return `#${digest}`;
    }
    if (value instanceof Map) return `M${serialise([...value.entries()])}`;
    if (value instanceof Set) return `S${serialise([...value])}`;
    // Dates (Luxon's DateTime) and anything else that says how it is written as JSON.
    const { toJSON } = value as { toJSON?: unknown };
    if (typeof toJSON === 'function') return serialise((toJSON as () => unknown).call(value));
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${serialise(item)}`).join(',')}}`;
  };
  return { page: (data) => createHash('sha1').update(serialise(data)).digest('base64url'), article: articleDigest };
}

const fingerprintsBySite = new WeakMap<object, ReturnType<typeof createFingerprints>>();

/** The fingerprints of a site's pages, one set per build (so each article is digested once). */
export function siteFingerprints(site: { readonly articles: readonly Article[] }): ReturnType<typeof createFingerprints> {
  let fingerprints = fingerprintsBySite.get(site);
  if (!fingerprints) fingerprintsBySite.set(site, (fingerprints = createFingerprints(site.articles)));
  return fingerprints;
}
