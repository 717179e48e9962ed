// Where `serve` sends a request for a page under a path prefix the site was served under earlier
// in the session: the same page under the prefix it has now. After the configuration's
// `pathPrefix` changes, an open page's live reload asks for its old address, and bookmarks or
// other open tabs point there too.

/**
 * The address under `current` for `url` (path and query) when its path is under one of `former`
 * prefixes and not, more specifically, under `current`; undefined when it is the current prefix's
 * to answer. Prefixes are as the configuration normalises them: `/`, or `/news/`.
 */
export function formerPrefixTarget(url: string, current: string, former: Iterable<string>): string | undefined {
  const { pathname, search } = new URL(url, 'http://localhost');
  // The most specific prefix the path is under decides: `/news/x` is the current `/news/`'s
  // even when `/` was a former prefix, and the former `/news/`'s when `/` is the current one.
  let longest = pathname.startsWith(current) ? current : undefined;
  let fromFormer = false;
  for (const prefix of former) {
    if (prefix === current || !pathname.startsWith(prefix)) continue;
    if (longest === undefined || prefix.length > longest.length) {
      longest = prefix;
      fromFormer = true;
    }
  }
  if (!fromFormer || longest === undefined) return undefined;
  // `/news//example.com/` would otherwise become `//example.com/` under the root, which a browser
  // follows to another host (an open redirect). Extra slashes after the prefix mean nothing here.
  return `${current}${pathname.slice(longest.length).replace(/^\/+/, '')}${search}`;
}
