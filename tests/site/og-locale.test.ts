// og:locale is written in the `ll_CC` form Open Graph expects, from the page's language when it
// names a country, and left out when it does not (a bare `en` names no country to guess).
// Rendered in memory.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderBase } from '../../layouts/base.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { html } from '../../src/site/html.ts';
import { createSiteContext } from '../../src/site/site-context.ts';

/** The og:locale values of a page of a site in `siteLanguage`, the page itself in `pageLanguage` if given. */
function ogLocales(siteLanguage: string, pageLanguage?: string): string[] {
  const site = createSiteContext({ ...DEFAULT_CONFIG, language: siteLanguage }, []);
  const page = renderBase(site, { title: 'A page', description: 'About it', path: '/a/', ...(pageLanguage ? { lang: pageLanguage } : {}) }, html`<p>Text</p>`);
  return [...page.matchAll(/<meta property="og:locale" content="([^"]*)">/g)].map((match) => match[1]!);
}

describe('og:locale', () => {
  it('is language_COUNTRY when the page’s language names a country', () => {
    assert.deepEqual(ogLocales('en-GB'), ['en_GB']);
    assert.deepEqual(ogLocales('en', 'pt-BR'), ['pt_BR']);
    assert.deepEqual(ogLocales('zh-Hant-TW'), ['zh_TW']);
    assert.deepEqual(ogLocales('en', 'fr-ca'), ['fr_CA']);
  });

  it('is left out when the language names no country, or a region that is not one', () => {
    assert.deepEqual(ogLocales('en'), []);
    assert.deepEqual(ogLocales('en-GB', 'ar'), []);
    assert.deepEqual(ogLocales('es-419'), []);
  });
});
