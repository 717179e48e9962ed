// The language of Broadsheet's own words (navigation, headings, labels, dates, counts): English,
// whatever the site's `language` (the default language of its articles) is.

import { DEFAULT_CONFIG, type SiteConfig } from '../config/site-config.ts';
import { html, type SafeHtml } from './html.ts';

/** The interface's BCP 47 tag: `<html lang>` of every page but an article's, and of the interface inside an article page. */
export const INTERFACE_LANGUAGE = 'en';

/**
 * ` lang="ar"` for the site's title or description when they are in another language than the
 * interface: text the site's owner wrote is taken to be in the site's language, unless it is the
 * default (English) text. Nothing when it is in the interface's.
 */
export function siteTextLang(config: SiteConfig, key: 'title' | 'description'): SafeHtml {
  const language = config[key] === DEFAULT_CONFIG[key] ? INTERFACE_LANGUAGE : config.language;
  return language === INTERFACE_LANGUAGE ? html`` : html` lang="${language}"`;
}
