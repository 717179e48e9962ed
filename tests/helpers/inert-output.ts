// Checks built output for anything that could run: scripts not from the site's own assets,
// event-handler attributes, javascript:/data:/vbscript: URLs, embedding elements. Parses with
// parse5 (never a grep); XML feeds and sitemaps are parsed too, and any escaped HTML inside their
// text is parsed again, since feed readers render it.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { attribute, parseHtml, walk } from './html-text.ts';

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'srcset', 'ping', 'manifest', 'codebase']);
const EMBEDDING = new Set(['iframe', 'frame', 'object', 'embed', 'base', 'applet', 'meta-refresh']);

const NAVIGATING = new Set(['href', 'action', 'formaction', 'xlink:href']);

/**
 * A URL that can run code: `javascript:`/`vbscript:` anywhere (after removing the spaces and
 * control characters browsers ignore), a `data:` URL that is followed as a link, or a `data:`
 * document type that can hold script (HTML, SVG, XML, JavaScript).
 */
function isScriptUrl(name: string, value: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const urls = name === 'srcset' ? squeezed.split(',') : [squeezed];
  return urls.some(
    (url) => /^(javascript|vbscript|livescript):/.test(url) || (url.startsWith('data:') && (NAVIGATING.has(name) || /^data:[^,]*(html|svg|xml|script)/.test(url))),
  );
}

/** Problems found in one HTML document (or fragment), described for an assertion message. */
export function findActiveContent(html: string, sitePrefix = '/', xml = false): string[] {
  const found: string[] = [];
  // An HTML parser does not know CDATA: in XML, turn each section into the escaped text it means.
  const source = xml ? html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, inner: string) => inner.replace(/&/g, '&amp;').replace(/</g, '&lt;')) : html;
  for (const node of walk(parseHtml(source))) {
    const name = node.nodeName;
    // In a feed, escaped HTML is markup a feed reader renders: parse it once more. In an HTML
    // page, text is only ever text.
    if (xml && name === '#text' && node.value && /<[a-z!/]/i.test(node.value)) {
      found.push(...findActiveContent(node.value, sitePrefix).map((problem) => `inside escaped HTML: ${problem}`));
    }
    if (!node.attrs) continue;
    if (name === 'script') {
      const src = attribute(node, 'src');
      const inline = (node.childNodes ?? []).map((child) => child.value ?? '').join('').trim();
      const type = attribute(node, 'type');
      const data = type !== undefined && /json|ld\+json/.test(type);
      if (!data && (src === undefined || !src.startsWith(sitePrefix) || src.startsWith('//') || inline !== '')) {
        found.push(`<script${src === undefined ? '' : ` src="${src}"`}>${inline.slice(0, 80)}`);
      }
    }
    if (EMBEDDING.has(name)) found.push(`<${name}> element`);
    if (name === 'meta' && attribute(node, 'http-equiv')?.toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
    for (const attr of node.attrs) {
      if (/^on/i.test(attr.name)) found.push(`<${name} ${attr.name}="${attr.value.slice(0, 60)}">`);
      if (URL_ATTRIBUTES.has(attr.name.toLowerCase()) && isScriptUrl(attr.name.toLowerCase(), attr.value)) found.push(`<${name} ${attr.name}="${attr.value.slice(0, 60)}">`);
    }
  }
  return found;
}

/** Every HTML, XML (feeds, sitemap) and JSON-free text page in `dir`, except Pagefind's own bundle. */
export async function publishedDocuments(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(html?|xml|rss|atom|xsl)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).includes('pagefind'))
    .sort();
}

/** `relative path: problem` for every piece of active content in the built site. */
export async function activeContentInSite(dir: string, sitePrefix = '/'): Promise<string[]> {
  const found: string[] = [];
  for (const file of await publishedDocuments(dir)) {
    const text = await readFile(file, 'utf8');
    for (const problem of findActiveContent(text, sitePrefix, !/\.html?$/i.test(file))) found.push(`${path.relative(dir, file)}: ${problem}`);
  }
  return found;
}
