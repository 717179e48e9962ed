// Pagination of a newest-first listing (the home page, a person's or a section's articles) whose
// older pages never change as articles arrive. Pages are numbered from the oldest: page 1 holds
// the listing's first `size` articles ever, page 2 the next, and so on; the listing's own URL
// shows the newest articles (between `size` and twice that, less one). Numbered the usual way,
// newest first, every page of a listing would shift by one article each time one is added, and a
// rebuild would render them all again (and a CDN would serve them stale). Here adding an article
// changes the listing's first page, and once per `size` articles the three numbered pages nearest
// it (their links); every other page keeps its articles, its links and so its fingerprint, and is kept.

/** A link of a listing's page navigation: `Latest` for the listing's URL, else the page's number. */
export interface PageLink {
  label: string;
  path: string;
  current: boolean;
}

/** What a page's navigation shows. Only visible things, so that it can be part of a fingerprint. */
export interface PageNav {
  /** The page with newer articles (rel=prev), if any. */
  newer: string | undefined;
  /** The page with older articles (rel=next), if any. */
  older: string | undefined;
  /** The links in order, newest first; `null` stands for omitted pages. Empty when there is one page. */
  links: Array<PageLink | null>;
}

export interface ListingPage {
  path: string;
  /** Its number (1 is the oldest); undefined for the listing's own URL, the newest page. */
  number: number | undefined;
  /** Its articles: positions `start` (inclusive) to `end` in the newest-first list. */
  start: number;
  end: number;
  nav: PageNav;
}

/** Numbered pages shown either side of the current one. */
const NEIGHBOURS = 2;

/** Site path of page `number` of the listing at `root` (`/`, `/people/ada/`). */
export function numberedPagePath(root: string, number: number): string {
  return `${root}page/${number}/`;
}

/**
 * The pages of a listing of `count` articles, newest first, `size` to a page, at `root`; the
 * newest page (at `root`) first. Page k (numbered from the oldest) holds the articles that are
 * (k-1)·size to k·size-1 counted from the oldest, whatever the count: so it never changes.
 */
export function stablePages(count: number, size: number, root: string): ListingPage[] {
  const numbered = count <= size ? 0 : Math.floor(count / size) - 1;
  // The newest page takes the articles that do not fill a numbered page, and one page's worth more.
  const newestEnd = count - numbered * size;
  const pathOf = (number: number | undefined) => (number === undefined ? root : numberedPagePath(root, number));
  const pages: ListingPage[] = [{ path: root, number: undefined, start: 0, end: newestEnd, nav: navOf(undefined, numbered, pathOf) }];
  for (let number = numbered; number >= 1; number--) {
    const start = newestEnd + (numbered - number) * size;
    pages.push({ path: pathOf(number), number, start, end: start + size, nav: navOf(number, numbered, pathOf) });
  }
  return pages;
}

/** The navigation of page `current` (undefined: the newest) among `numbered` numbered pages. */
function navOf(current: number | undefined, numbered: number, pathOf: (number: number | undefined) => string): PageNav {
  if (numbered === 0) return { newer: undefined, older: undefined, links: [] };
  const newer = current === undefined ? undefined : pathOf(current === numbered ? undefined : current + 1);
  const older = current === undefined ? pathOf(numbered) : current > 1 ? pathOf(current - 1) : undefined;
  // Shown: the newest page, the oldest (1), and NEIGHBOURS numbers either side of the current one
  // (of the newest page: the numbers just below it).
  const centre = current ?? numbered + 1;
  const shown = new Set([1]);
  for (let number = centre - NEIGHBOURS; number <= centre + NEIGHBOURS; number++) if (number >= 1 && number <= numbered) shown.add(number);
  const links: Array<PageLink | null> = [{ label: 'Latest', path: pathOf(undefined), current: current === undefined }];
  let previous = numbered + 1;
  for (const number of [...shown].sort((a, b) => b - a)) {
    if (number < previous - 1) links.push(null);
    links.push({ label: String(number), path: pathOf(number), current: number === current });
    previous = number;
  }
  return { newer, older, links };
}

/**
 * The navigation of page `index` of a listing paginated the usual way, first page first (a month
 * of the date archive: its pages are bounded by its dates, so they need no stable numbering).
 */
export function sequentialNav(pagePaths: readonly string[], index: number): PageNav {
  if (pagePaths.length <= 1) return { newer: undefined, older: undefined, links: [] };
  const shown = new Set([0, pagePaths.length - 1]);
  for (let i = index - NEIGHBOURS; i <= index + NEIGHBOURS; i++) if (i >= 0 && i < pagePaths.length) shown.add(i);
  const links: Array<PageLink | null> = [];
  let previous = -1;
  for (const i of [...shown].sort((a, b) => a - b)) {
    if (i > previous + 1) links.push(null);
    links.push({ label: String(i + 1), path: pagePaths[i]!, current: i === index });
    previous = i;
  }
  return { newer: index > 0 ? pagePaths[index - 1] : undefined, older: pagePaths[index + 1], links };
}
