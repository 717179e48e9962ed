// The part of a built page that Pagefind reads: the page's language and its data-pagefind-body
// element. An index part is rebuilt only when this changes, so a new article that changes other
// pages' related links or neighbours (outside the indexed element) does not re-index their year.

import { createHash } from 'node:crypto';

export function indexedContent(html: string): string {
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '';
  const marker = html.indexOf('data-pagefind-body');
  if (marker === -1) return html;
  const start = html.lastIndexOf('<', marker);
  const tag = /^<([a-z][a-z0-9-]*)/i.exec(html.slice(start))?.[1] ?? 'article';
  // The indexed element is an <article>, which holds no other <article> (markdown renders no HTML).
  const end = html.indexOf(`</${tag}>`, marker);
  return `${lang}\0${html.slice(start, end === -1 ? undefined : end)}`;
}

/** The hash of `indexedContent`'s result. */
export function hashIndexedContent(indexed: string): string {
  return createHash('sha1').update(indexed).digest('hex');
}

export function indexedContentHash(html: string): string {
  return hashIndexedContent(indexedContent(html));
}
