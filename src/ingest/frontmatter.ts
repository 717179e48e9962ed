// Writes and reads article files: YAML frontmatter plus a markdown body. Every string is
// written double-quoted with escapes, so any title round-trips; only YAML frontmatter is read,
// so a `---js` block can never run.

import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import yaml from 'js-yaml';
import { FRONTMATTER_KEYS, type ArticleFrontmatter } from '../article.ts';

// Outside YAML's printable set, or line separators some parsers treat as breaks.
const NEEDS_ESCAPE = /[\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A YAML scalar for any JSON value: JSON is YAML's flow syntax, with a few extra escapes. */
export function yamlValue(value: unknown): string {
  return JSON.stringify(value).replace(
    NEEDS_ESCAPE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function sha256(data: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

const GENERATED_LINE = /^generated: .*\n/m;

function serialise(data: ArticleFrontmatter, body: string): string {
  const lines = ['---'];
  for (const key of FRONTMATTER_KEYS) {
    const value = data[key];
    if (value === undefined || key === 'generated') continue;
    lines.push(`${key}: ${yamlValue(value)}`);
  }
  lines.push('---', '');
  return `${lines.join('\n')}${body}${body.endsWith('\n') ? '' : '\n'}`;
}

/** The article file as ingest writes it, stamped with the hash of its own content. */
export function writeArticleFile(data: ArticleFrontmatter, body: string): string {
  const unstamped = serialise(data, body);
  const stamp = `generated: ${yamlValue(sha256(unstamped))}\n`;
  // The stamp goes last in the frontmatter, just before the closing `---`.
  const closing = unstamped.indexOf('\n---\n') + 1;
  return unstamped.slice(0, closing) + stamp + unstamped.slice(closing);
}

/** True when the file is exactly what ingest wrote (nobody edited it since). */
export function isUntouched(fileText: string): boolean {
  const match = /^generated: "(sha256:[0-9a-f]{64})"\n/m.exec(fileText);
  if (!match) return false;
  return sha256(fileText.replace(GENERATED_LINE, '')) === match[1];
}

export class FrontmatterError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly hint: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'FrontmatterError';
  }
}

const refuse = (language: string) => () => {
  throw new FrontmatterError(
    `frontmatter in "${language}" is not allowed: only YAML frontmatter is read, and code in an article file is never run`,
    1,
    'Change the first line to "---" and write the frontmatter as YAML.',
  );
};

/** Reads an article file's frontmatter and body. Throws FrontmatterError on anything but YAML. */
/** An article file's text, and its frontmatter and body once parsed (by ingest, for the render stage to reuse). */
export interface ArticleFileText {
  text: string;
  parsed?: ParsedArticleFile;
}

export interface ParsedArticleFile {
  data: Record<string, unknown>;
  body: string;
}

export function readArticleFile(original: string): ParsedArticleFile {
  // Editors on Windows save CRLF (and old ones CR): the same file to the reader, so to us.
  const text = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  // An emptied file (a slip in an editor, a sync or a disk that lost it) is no broken frontmatter
  // to repair but a lost article: restore it, or delete it to unpublish it.
  if (text.trim() === '') {
    throw new FrontmatterError(
      text === '' ? 'is empty (0 bytes)' : 'holds only white space',
      1,
      'Restore the file (from a backup or version control); or delete it to unpublish the article (if its source is still in the inbox, the next build makes it again from the source).',
    );
  }
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n')).trim();
  if (firstLine !== '---' && firstLine !== '---yaml') {
    if (firstLine.startsWith('---')) refuse(firstLine.slice(3).trim() || 'unknown')();
    throw new FrontmatterError(
      'has no frontmatter: the first line must be "---"',
      1,
      'Start the file with a "---" line, the YAML frontmatter, and another "---" line.',
    );
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(firstLine.length))) {
    throw new FrontmatterError(
      'frontmatter is not closed: no second "---" line',
      1,
      'Add a line "---" after the last frontmatter field.',
    );
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      language: 'yaml',
      engines: {
        // YAML 1.2's core schema: no implicit timestamps, so a hand-typed `date: 2024-02-30` stays
        // the text it is (and is refused as a date) instead of silently becoming 1 March, and a
        // date without a zone is read in the configured zone rather than at UTC midnight.
        yaml: (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA }) as object,
        js: refuse('js'), javascript: refuse('javascript'), coffee: refuse('coffee'), coffeescript: refuse('coffeescript'), json: refuse('json') },
    });
  } catch (error) {
    if (error instanceof FrontmatterError) throw error;
    throw yamlError(error, text);
  }
  if (parsed.data === null || typeof parsed.data !== 'object' || Array.isArray(parsed.data)) {
    throw new FrontmatterError('frontmatter must be a set of "key: value" lines', 2, 'Write one "key: value" per line.');
  }
  checkAliases(parsed.data, text);
  return { data: parsed.data as Record<string, unknown>, body: parsed.content };
}

/**
 * `readArticleFile(text).body` for a file it has read before without complaint, without parsing
 * the frontmatter again: what follows the closing delimiter, cut where gray-matter cuts it (its
 * `parseMatter`: the first "\n---" after the opening line, then one newline). A rebuild reads
 * bodies back this way for the pages and feeds it renders, 50 per feed: parsing each file's YAML
 * again cost a BBC rebuild after one new article about 0.15 s.
 */
export function articleFileBody(original: string): string {
  const text = original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original;
  // After the opening "---" (and a language name on its line, which gray-matter takes off).
  const rest = text.slice(3);
  const close = rest.indexOf('\n---');
  if (close === -1) return '';
  const body = rest.slice(close + 4);
  return body.startsWith('\n') ? body.slice(1) : body;
}

/**
 * What can still be read of a frontmatter `readArticleFile` refuses: each top-level key whose own
 * lines (the key's line and those indented under it) are valid YAML, read alone. A hand edit that
 * breaks one line (`title: [unclosed`) leaves `source` and `slug` readable, so ingest still knows
 * which source the file was made from and does not publish that source a second time.
 */
export function salvageFrontmatter(original: string): Record<string, unknown> {
  const lines = (original.includes('\r') ? original.replace(/\r\n?/g, '\n') : original).split('\n');
  const salvaged: Record<string, unknown> = {};
  if (lines[0]?.trim() !== '---') return salvaged;
  for (const { key, value } of topLevelEntries(lines)) {
    if (value && typeof value === 'object' && Object.hasOwn(value, key) && !Object.hasOwn(salvaged, key)) salvaged[key] = value[key];
  }
  return salvaged;
}

interface TopLevelEntry {
  key: string;
  /** 0-based index of the key's line; the entry runs to the line before `next` (lines indented under it). */
  start: number;
  next: number;
  /** The entry read alone; undefined when its own lines are not valid YAML. */
  value?: Record<string, unknown> | null;
}

/** Each top-level `key:` of the frontmatter in `lines` (from line index 1 to the closing `---`), read alone. */
function* topLevelEntries(lines: string[]): Generator<TopLevelEntry> {
  let end = lines.findIndex((line, at) => at > 0 && /^---[ \t]*$/.test(line));
  if (end === -1) end = lines.length;
  for (let start = 1; start < end; start++) {
    const key = /^([A-Za-z][\w-]*):/.exec(lines[start]!)?.[1];
    if (key === undefined) continue;
    let next = start + 1;
    while (next < end && /^([ \t]|$)/.test(lines[next]!)) next++;
    try {
      yield { key, start, next, value: yaml.load(lines.slice(start, next).join('\n'), { schema: yaml.CORE_SCHEMA }) as Record<string, unknown> | null };
    } catch {
      // This key's lines are the broken ones.
      yield { key, start, next };
    }
  }
}

/**
 * js-yaml's error as a FrontmatterError at the line to fix. js-yaml names the line where it
 * noticed the error: for a value left open (`title: [unclosed`, `title: "x` with no closing
 * quote) that is a later line, often another key's, which is fine; the line to name is the one
 * where the broken value starts: the last key before it whose own lines are no valid YAML.
 */
function yamlError(error: unknown, text: string): FrontmatterError {
  const { reason, mark } = error as { reason?: string; mark?: { line?: number; column?: number } };
  const why = reason ?? (error as Error).message.split('\n')[0]!;
  const hint = 'Fix the YAML syntax; quote values that contain ": " or start with a special character.';
  // gray-matter hands YAML the text after the opening `---`, starting with its newline, so
  // YAML's 0-based line is the file's 1-based line minus one.
  if (mark?.line === undefined) return new FrontmatterError(`frontmatter is not valid YAML: ${why}`, undefined, hint, { cause: error });
  const noticed = mark.line + 1;
  const column = (mark.column ?? 0) + 1;
  const lines = text.split('\n');
  if (why === 'duplicated mapping key') {
    const key = /^([^:\s][^:]*):/.exec(lines[noticed - 1] ?? '')?.[1];
    const first = key === undefined ? -1 : lines.findIndex((line, at) => at > 0 && line.startsWith(`${key}:`));
    if (key !== undefined && first !== -1 && first + 1 < noticed) {
      return new FrontmatterError(`frontmatter is not valid YAML: "${key}" is given twice, on line ${first + 1} and on this line`, noticed, `Keep one "${key}" line and delete the other.`, { cause: error });
    }
  }
  const tag = /^unknown tag !<tag:yaml\.org,2002:(.+)>$/.exec(why)?.[1] ?? /^unknown tag !<(.+)>$/.exec(why)?.[1];
  if (tag !== undefined) {
    // As the file writes it: `!!js/function` for YAML's own tags, `!custom` for a local one.
    const shown = tag.startsWith('!') ? tag : /^[\w/.-]+$/.test(tag) ? `!!${tag}` : `!<${tag}>`;
    return new FrontmatterError(
      `frontmatter is not valid YAML: the tag ${shown} (column ${column}) is not read: only text, numbers, lists and sets of keys are, and nothing in an article file is ever run`,
      noticed,
      `Remove "${shown}" and write the value as quoted text, e.g. title: "The headline".`,
      { cause: error },
    );
  }
  if (why.startsWith('tab characters')) return new FrontmatterError(`frontmatter is not valid YAML: ${why} (column ${column})`, noticed, 'Indent with spaces, not tabs.', { cause: error });
  let broken: TopLevelEntry | undefined;
  for (const entry of topLevelEntries(lines)) {
    if (entry.start + 1 > noticed) break;
    // The line noticed is in a broken entry of its own: the error is there.
    if (entry.next >= noticed && !('value' in entry)) return new FrontmatterError(`frontmatter is not valid YAML: ${why} (column ${column})`, noticed, hint, { cause: error });
    if (!('value' in entry)) broken = entry;
  }
  if (broken === undefined || broken.start + 1 === noticed) return new FrontmatterError(`frontmatter is not valid YAML: ${why} (column ${column})`, noticed, hint, { cause: error });
  return new FrontmatterError(
    `frontmatter is not valid YAML: the value of "${broken.key}", which starts on this line, is not closed or is broken (${why}, noticed at line ${noticed}, column ${column})`,
    broken.start + 1,
    `Close the value of "${broken.key}" ("[" needs "]", "{" needs "}", a quote its closing quote), or write it as one quoted line: ${broken.key}: "…"`,
    { cause: error },
  );
}

/** How many values YAML aliases (`*name`) may add to a frontmatter by repeating what an anchor holds. */
export const MAX_ALIASED_VALUES = 10_000;

/**
 * YAML aliases repeat a value without copying it: a few lines of nested aliases (`b: [*a, *a, …]`,
 * `c: [*b, *b, …]`) stand for millions of values, and an alias inside the value it names makes a
 * loop. Whatever walks the frontmatter (the article-file cache, the checks, JSON) would take
 * minutes or never end, so such a file is refused. Costs one visit per distinct value.
 */
function checkAliases(data: object, text: string): void {
  const expanded = new Map<object, number>();
  const open = new Set<object>();
  let distinct = 0;
  const size = (value: unknown): number => {
    if (value === null || typeof value !== 'object') return 1;
    const known = expanded.get(value);
    if (known !== undefined) return known;
    if (open.has(value)) {
      throw new FrontmatterError(
        'frontmatter contains itself: a YAML alias (*name) inside the value its anchor (&name) names',
        aliasLine(text),
        'Write the value out in full instead of referring to it with an alias.',
      );
    }
    open.add(value);
    const items = Object.values(value);
    distinct += items.length;
    let total = 1;
    for (const item of items) total += size(item);
    open.delete(value);
    expanded.set(value, total);
    return total;
  };
  if (size(data) - 1 - distinct > MAX_ALIASED_VALUES) {
    throw new FrontmatterError(
      `frontmatter's YAML aliases (*name) repeat more than ${MAX_ALIASED_VALUES.toLocaleString('en')} values`,
      aliasLine(text),
      'Write the values out in full instead of repeating them with anchors and aliases (&name, *name).',
    );
  }
}

/** The file's line of the first YAML alias in the frontmatter, or its first line. */
function aliasLine(text: string): number {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length && !/^---[ \t]*$/.test(lines[i]!); i++) {
    if (/(^|[\s,[{])\*[^\s,[\]{}]/.test(lines[i]!)) return i + 1;
  }
  return 1;
}
