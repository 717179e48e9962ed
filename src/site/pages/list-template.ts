// The template of a kind of list page (home, term and date archive pages): one Eleventy page per
// precomputed page, each rendered from a data object alone. A page's fingerprint is taken from
// that object, so a rebuild can keep a page whose data is what the previous site's was made from.

import type { EleventyConfig, EleventyPageData } from '../eleventy-types.ts';
import { createPageFingerprint } from '../page-fingerprint.ts';
import type { SiteContext } from '../site-context.ts';

export interface ListPage<T> {
  /** Site path of the page, `/people/ada-lovelace/page/2/`. */
  path: string;
  /**
   * Everything the page shows that is not the same on every page of the site (the code and the
   * configuration are in the site fingerprint, src/output/site-fingerprint.ts). The layout must
   * read nothing else of the archive: what is not in here is not in the fingerprint.
   */
  data: T;
}

const fingerprints = new WeakMap<SiteContext, (data: unknown) => string>();

/** The fingerprint of a list page's data (one article cache per build, shared by every list template). */
export function listPageInputs(site: SiteContext, data: unknown): string {
  let fingerprint = fingerprints.get(site);
  if (!fingerprint) fingerprints.set(site, (fingerprint = createPageFingerprint(site.articles)));
  return fingerprint(data);
}

/** Where a page of a listing is written, relative to the site root. */
export function listPageFile(sitePath: string): string {
  return `${sitePath.replace(/^\//, '')}index.html`;
}

/**
 * Registers `virtualPath` as a template paginated over `pages`, less those the build keeps from
 * the previous site (`SiteOutput.keepPage`): Eleventy neither renders nor writes those.
 */
export function addListTemplate<T>(eleventyConfig: EleventyConfig, site: SiteContext, virtualPath: string, pages: Array<ListPage<T>>, render: (data: T) => string): void {
  const output = site.output;
  const rendered = output ? pages.filter((page) => !output.keepPage(listPageFile(page.path), listPageInputs(site, page.data))) : pages;
  eleventyConfig.addTemplate(virtualPath, {
    data: {
      // Only a path and a position: Eleventy copies a template's data, and the pages' data holds articles.
      listPages: rendered.map((page, index) => ({ path: page.path, index })),
      pagination: { data: 'listPages', size: 1, alias: 'listPage' },
      permalink: (data: EleventyPageData) => `${(data.listPage as { path: string }).path}index.html`,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      return render(rendered[(data.listPage as { index: number }).index]!.data);
    },
  });
}
