// Reads built HTML with a spec-compliant parser (parse5), for assertions on text and links.

import { parse } from 'parse5';

interface Node {
  nodeName: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

/**
 * The document tree. `scripting: false` parses it as a browser with JavaScript off does: the
 * content of <noscript> is elements (with scripting on, the spec makes it one text node), so its
 * links are seen.
 */
export function parseHtml(html: string, options: { scripting?: boolean } = {}): Node {
  return parse(html, { scriptingEnabled: options.scripting ?? true }) as unknown as Node;
}

export function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
  if (node.content) yield* walk(node.content);
}

export function attribute(node: Node, name: string): string | undefined {
  return node.attrs?.find((attr) => attr.name === name)?.value;
}

/** The page's text as a reader sees it: text nodes joined, white space collapsed. */
export function visibleText(html: string): string {
  const parts: string[] = [];
  for (const node of walk(parseHtml(html))) {
    if (node.nodeName === '#text' && node.value) parts.push(node.value);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/** Every href and src in the page, those a reader without JavaScript sees (<noscript>) included. */
export function linksIn(html: string): string[] {
  const links: string[] = [];
  for (const node of walk(parseHtml(html, { scripting: false }))) {
    for (const name of ['href', 'src']) {
      const value = attribute(node, name);
      if (value !== undefined) links.push(value);
    }
  }
  return links;
}

const LINE_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'pre']);

/**
 * The lines a reader sees: the text of each block element, split at its <br> line breaks, white
 * space collapsed, empty lines left out.
 */
export function visibleLines(html: string): string[] {
  const lines: string[] = [''];
  const visit = (node: Node) => {
    if (node.nodeName === '#text' && node.value) lines[lines.length - 1] += node.value;
    else if (node.nodeName === 'br') lines.push('');
    const block = LINE_BLOCKS.has(node.nodeName);
    if (block) lines.push('');
    for (const child of node.childNodes ?? []) visit(child);
    if (block) lines.push('');
  };
  visit(parseHtml(html));
  return lines.map((line) => line.replace(/\s+/g, ' ').trim()).filter((line) => line !== '');
}
