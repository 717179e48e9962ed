// A list template hands each rendered page to the build's output and gives Eleventy an empty
// page, as article pages do: Eleventy keeps whatever a template returns until its render ends,
// and at 100,000 articles the list pages alone are hundreds of megabytes of HTML. Real Eleventy,
// in the JSON mode the build runs it in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Eleventy from '@11ty/eleventy';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { compileEntityRules } from '../../src/ingest/entities/entity-rules.ts';
import type { EleventyConfig } from '../../src/site/eleventy-types.ts';
import { addListTemplate, type ListPage } from '../../src/site/pages/list-template.ts';
import { createSiteContext, type SiteContext } from '../../src/site/site-context.ts';
import { temporaryDir } from '../helpers/paths.ts';

interface Rendered {
  outputPath: string | false;
  content: string;
}

const pages: Array<ListPage<{ title: string }>> = [
  { path: '/people/ada/', data: { title: 'Ada' } },
  { path: '/people/ada/page/2/', data: { title: 'Ada, older' } },
  { path: '/people/grace/', data: { title: 'Grace' } },
];
const renderList = (data: { title: string }) => `<!doctype html><html lang="en"><title>${data.title}</title><h1>${data.title}</h1></html>`;

/** Renders the list template with Eleventy, as the build does; returns what Eleventy holds of each page. */
async function renderWithEleventy(site: SiteContext): Promise<Rendered[]> {
  const input = await temporaryDir('list-template-in');
  const output = await temporaryDir('list-template-out');
  const eleventy = new Eleventy(input, output, {
    quietMode: true,
    config: (eleventyConfig: EleventyConfig) => {
      eleventyConfig.setTemplateFormats(['11ty.js']);
      addListTemplate(eleventyConfig, site, 'people.11ty.js', pages, renderList);
    },
  });
  eleventy.disableLogger();
  return (await (eleventy as unknown as { toJSON(): Promise<Rendered[]> }).toJSON()).filter((page) => typeof page.outputPath === 'string');
}

describe('list templates', () => {
  it('hand each page to the build, by its file path, and leave Eleventy an empty page', async () => {
    const site = createSiteContext(DEFAULT_CONFIG, [], compileEntityRules());
    const taken = new Map<string, string>();
    site.output = {
      articlePage: () => Promise.reject(new Error('no article pages here')),
      listPage: async (sitePath, html) => {
        taken.set(sitePath, html);
      },
      file: () => Promise.resolve(),
      keepPage: () => false,
      keptPages: () => [],
    };
    const held = await renderWithEleventy(site);
    assert.deepEqual(
      [...taken].sort(),
      pages.map((page) => [`${page.path.slice(1)}index.html`, renderList(page.data)]).sort(),
      'every page reaches the build, rendered from its own data',
    );
    assert.equal(held.length, pages.length);
    assert.deepEqual(
      held.map((page) => page.content),
      pages.map(() => ''),
      'Eleventy holds nothing of them',
    );
  });

  it('leave out the pages the build keeps from the previous site', async () => {
    const site = createSiteContext(DEFAULT_CONFIG, [], compileEntityRules());
    const taken: string[] = [];
    site.output = {
      articlePage: () => Promise.reject(new Error('no article pages here')),
      listPage: async (sitePath) => {
        taken.push(sitePath);
      },
      file: () => Promise.resolve(),
      keepPage: (sitePath) => sitePath === 'people/ada/page/2/index.html',
      keptPages: () => ['people/ada/page/2/index.html'],
    };
    await renderWithEleventy(site);
    assert.deepEqual(taken.sort(), ['people/ada/index.html', 'people/grace/index.html']);
  });

  it('give Eleventy the page itself when Eleventy runs without the build', async () => {
    const site = createSiteContext(DEFAULT_CONFIG, [], compileEntityRules());
    const held = await renderWithEleventy(site);
    assert.deepEqual(held.map((page) => page.content).sort(), pages.map((page) => renderList(page.data)).sort());
  });
});
