// The template of a kind of list page (home, term and date archive pages): one Eleventy page per
// precomputed page, each rendered from a data object alone. A page's fingerprint is taken from
// that object, so a rebuild can keep a page whose data is what the previous site's was made from.

import type { EleventyConfig, EleventyPageData } from '../eleventy-types.ts';
import { siteFingerprints } from '../page-fingerprint.ts';
import { markedSectionLanguages } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';

export interface ListPage<T> {
  /** Site path of the page, `/people/ada-lovelace/page/2/`. */
  path: string;
  /**
   * Everything the page shows that is not the same on every page of the site (the code and the
   * configuration are in the site fingerprint, src/output/site-fingerprint.ts). The layout must
   * read nothing else of the archive but the sections' languages (`markedSectionLanguages`): what is
   * not in here is not in the fingerprint.
   */
  data: T;
}

/** The fingerprint of a list page's data, and of the languages sections are marked in (`markedSectionLanguages`). */
export function listPageInputs(site: SiteContext, data: unknown): string {
  return siteFingerprints(site).page({ data, sections: markedSectionLanguages(site) });
}

/** Where the page at a URL path (`/people/ada/page/2/`) is written, relative to the site root. */
export function pageFileOf(urlPath: string): string {
  return `${urlPath.replace(/^\//, '')}index.html`;
}

/**
 * Registers `virtualPath` as a template paginated over `pages`, less those the build keeps from
 * the previous site (`SiteOutput.keepPage`): Eleventy neither renders nor writes those.
 */
export function addListTemplate<T>(eleventyConfig: EleventyConfig, site: SiteContext, virtualPath: string, pages: Array<ListPage<T>>, render: (data: T) => string): void {
  const output = site.output;
  const rendered = output ? pages.filter((page) => !output.keepPage(pageFileOf(page.path), listPageInputs(site, page.data))) : pages;
  eleventyConfig.addTemplate(virtualPath, {
    data: {
      // Only a path and a position: Eleventy copies a template's data, and the pages' data holds articles.
      listPages: rendered.map((page, index) => ({ path: page.path, index })),
      pagination: { data: 'listPages', size: 1, alias: 'listPage' },
      permalink: (data: EleventyPageData) => `${(data.listPage as { path: string }).path}index.html`,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const page = rendered[(data.listPage as { index: number }).index]!;
      const html = render(page.data);
      if (!site.output) return html;
      await site.output.listPage(pageFileOf(page.path), html);
      return '';
    },
  });
}
