// Reading a built site as a visitor and a validator would: composing a test inbox, listing pages,
// crawling every link from the home page, and pulling JSON-LD and meta tags out of a page.

import { existsSync } from 'node:fs';
import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { attribute, parseHtml, walk } from './html-text.ts';
import { temporaryDir } from './paths.ts';

/** A fresh inbox holding the files of every given folder (the sample archive plus fixtures). */
export async function composeInbox(...dirs: string[]): Promise<string> {
  const inbox = await temporaryDir('inbox');
  for (const dir of dirs) {
    for (const name of await readdir(dir)) await copyFile(path.join(dir, name), path.join(inbox, name));
  }
  return inbox;
}

export async function filesIn(outDir: string, extension: string): Promise<string[]> {
  const files = await readdir(outDir, { recursive: true });
  return files.filter((file) => file.endsWith(extension) && !file.startsWith('pagefind')).sort();
}

export function readSiteFile(outDir: string, file: string): Promise<string> {
  return readFile(path.join(outDir, file), 'utf8');
}

/** The site path (`/x/`) a file is served at, under `prefix`. */
export function urlPathOf(file: string, prefix = '/'): string {
  const posix = file.split(path.sep).join('/');
  return prefix + (posix.endsWith('index.html') ? posix.slice(0, -'index.html'.length) : posix);
}

/** The file a URL path names, or undefined when it is outside the prefix. */
export function fileFor(outDir: string, urlPath: string, prefix: string): string | undefined {
  if (!urlPath.startsWith(prefix)) return undefined;
  const inside = decodeURIComponent(urlPath.slice(prefix.length));
  return path.join(outDir, inside, inside === '' || inside.endsWith('/') ? 'index.html' : '');
}

export interface CrawlResult {
  /** Site paths of the HTML pages reached. */
  pages: Set<string>;
  /** `page → link` for every internal link or asset that does not resolve. */
  broken: string[];
  /** Every internal URL seen (paths, with fragments dropped). */
  linked: Set<string>;
}

function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const node of walk(parseHtml(html))) {
    const id = attribute(node, 'id');
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * Follows every href and src from the home page, as a crawler would, those in <noscript>
 * included. A URL on `origin` (the configured base URL) counts as internal like a path does;
 * fragments must name an id on the target page.
 */
export async function crawlSite(outDir: string, prefix: string, origin: string): Promise<CrawlResult> {
  const result: CrawlResult = { pages: new Set(), broken: [], linked: new Set() };
  const queue = [prefix];
  const idCache = new Map<string, Set<string>>();
  const ids = async (file: string) => {
    let found = idCache.get(file);
    if (!found) idCache.set(file, (found = idsIn(await readFile(file, 'utf8'))));
    return found;
  };
  while (queue.length > 0) {
    const pagePath = queue.shift()!;
    if (result.pages.has(pagePath)) continue;
    result.pages.add(pagePath);
    const html = await readFile(fileFor(outDir, pagePath, prefix)!, 'utf8');
    // As a reader without JavaScript follows them: the links inside <noscript> too.
    for (const node of walk(parseHtml(html, { scripting: false }))) {
      for (const name of ['href', 'src']) {
        const value = attribute(node, name);
        if (value === undefined) continue;
        const url = new URL(value, `${origin}${pagePath}`);
        if (url.origin !== origin) continue;
        result.linked.add(url.pathname);
        const file = fileFor(outDir, url.pathname, prefix);
        if (!file || !existsSync(file)) {
          result.broken.push(`${pagePath} → ${value}`);
          continue;
        }
        if (url.hash && !(await ids(file)).has(decodeURIComponent(url.hash.slice(1)))) {
          result.broken.push(`${pagePath} → ${value} (no element with that id)`);
        }
        if (file.endsWith('.html') && !result.pages.has(url.pathname)) queue.push(url.pathname);
      }
    }
  }
  return result;
}

/** The parsed JSON-LD blocks of a page. */
export function jsonLdIn(html: string): Array<Record<string, unknown>> {
  const blocks: Array<Record<string, unknown>> = [];
  for (const node of walk(parseHtml(html))) {
    if (node.nodeName !== 'script' || attribute(node, 'type') !== 'application/ld+json') continue;
    const text = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
    blocks.push(JSON.parse(text) as Record<string, unknown>);
  }
  return blocks;
}

/** `<meta>` and `<link>` values of a page's head: meta by name or property, link by rel. */
export function headOf(html: string): { meta: Map<string, string[]>; links: Map<string, string[]>; title: string; html: { lang?: string; dir?: string } } {
  const meta = new Map<string, string[]>();
  const links = new Map<string, string[]>();
  let title = '';
  const root: { lang?: string; dir?: string } = {};
  const add = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const node of walk(parseHtml(html))) {
    if (node.nodeName === 'html') {
      const lang = attribute(node, 'lang');
      const dir = attribute(node, 'dir');
      if (lang !== undefined) root.lang = lang;
      if (dir !== undefined) root.dir = dir;
    }
    if (node.nodeName === 'meta') {
      const key = attribute(node, 'name') ?? attribute(node, 'property');
      if (key !== undefined) add(meta, key, attribute(node, 'content') ?? '');
    }
    if (node.nodeName === 'link') add(links, attribute(node, 'rel') ?? '', attribute(node, 'href') ?? '');
    if (node.nodeName === 'title') title = (node.childNodes ?? []).map((child) => child.value ?? '').join('');
  }
  return { meta, links, title, html: root };
}
