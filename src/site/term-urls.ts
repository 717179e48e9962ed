// The record of the URL each term (section, tag, person, organisation, place) was given, kept in
// the articles folder as `term-urls.json` so that a term keeps its page and a section its feeds.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { displayPath, writeFileAtomic } from '../fs-utils.ts';
import { locateJsonError } from '../ingest/json-error.ts';
import { compareText, type ProblemLog } from '../problems.ts';
import { RESERVED_SLUGS, TERM_KINDS, type Term } from './indexes/terms.ts';

/**
 * Beside the article files, not in the site nor among the caches (`.broadsheet/`): the articles
 * folder is what a deploy keeps (its slugs and hand edits are the archive), so a build in a fresh
 * checkout, without the previous site, still knows which name had which URL.
 */
export const TERM_URLS_FILE = 'term-urls.json';
const FORMAT = 1;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface TermUrls {
  /** Term key (`section:world news`) → slug, valid and one key per slug of a kind. */
  slugs: Map<string, string>;
  /** The file's text as read, so an unchanged record is not written again. */
  text: string;
  /** Whether every entry of the file was read (none left out): then only a new slug changes it. */
  whole: boolean;
}

/** The record in `articlesDir`: empty when there is none; a broken one or entry is named and left out. */
export async function readTermUrls(articlesDir: string, problems: ProblemLog): Promise<TermUrls> {
  const file = path.join(articlesDir, TERM_URLS_FILE);
  const slugs = new Map<string, string>();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { slugs, text: '', whole: false };
  }
  const shown = displayPath(file);
  // The line of each key, found in one pass when the first bad entry needs it (a file of many bad
  // entries must not be searched once per entry).
  let lines: Map<string, number> | undefined;
  const lineOf = (key: string) => {
    if (!lines) {
      lines = new Map();
      text.split('\n').forEach((line, index) => {
        const quoted = /^\s*("(?:[^"\\]|\\.)*")\s*:/.exec(line)?.[1];
        if (quoted === undefined) return;
        try {
          const found = JSON.parse(quoted) as string;
          if (!lines!.has(found)) lines!.set(found, index + 1);
        } catch {
          // Not a JSON string: not a key this record was read with.
        }
      });
    }
    const line = lines.get(key);
    return line === undefined ? {} : { line };
  };
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    problems.warn({
      code: 'TERM_URLS_UNREADABLE',
      file: shown,
      ...(locateJsonError(text) ?? {}),
      message: 'is not valid JSON, so the URLs terms were given by earlier builds are not known: a name new to the archive may take over another\'s URL',
      hint: 'Restore the file from version control (or fix the JSON); this build writes a new one from the URLs it gives.',
    });
    return { slugs, text, whole: false };
  }
  const terms = (stored as { format?: unknown; terms?: unknown } | null)?.terms;
  if ((stored as { format?: unknown } | null)?.format !== FORMAT || typeof terms !== 'object' || terms === null || Array.isArray(terms)) {
    problems.warn({
      code: 'TERM_URLS_UNREADABLE',
      file: shown,
      message: `is not a record of term URLs (format ${FORMAT} with "terms"), so the URLs terms were given by earlier builds are not known`,
      hint: 'Restore the file from version control; this build writes a new one from the URLs it gives.',
    });
    return { slugs, text, whole: false };
  }
  const holders = new Map<string, string>();
  let whole = true;
  // In the file's order (the order it is written in, by key): of two keys given one slug, the first keeps it.
  for (const [key, slug] of Object.entries(terms as Record<string, unknown>)) {
    const kind = key.slice(0, key.indexOf(':'));
    const wrong =
      !Object.hasOwn(TERM_KINDS, kind) || key.length === kind.length + 1
        ? 'is not a term key (kind:name, such as "section:sport")'
        : typeof slug !== 'string' || !SLUG.test(slug) || RESERVED_SLUGS.has(slug)
          ? `gives it ${JSON.stringify(slug)}, which is not a term slug (lower-case letters and digits joined by hyphens, not "by-count" or "page")`
          : holders.has(`${kind}/${slug}`)
            ? `gives it "${slug}", which ${JSON.stringify(holders.get(`${kind}/${slug}`))} has`
            : undefined;
    if (wrong) {
      whole = false;
      problems.warn({
        code: 'TERM_URLS_BAD_ENTRY',
        file: shown,
        ...lineOf(key),
        message: `${JSON.stringify(key)} ${wrong}, so it is left out: that term's URL is decided again`,
        hint: 'Restore the file from version control, or correct or delete the entry.',
      });
      continue;
    }
    holders.set(`${kind}/${slug as string}`, key);
    slugs.set(key, slug as string);
  }
  return { slugs, text, whole };
}

/**
 * Adds the slug of every term with a page to the record and writes it when it changed. Entries of
 * terms no longer in the archive stay: their URLs are kept for them.
 */
export async function saveTermUrls(articlesDir: string, record: TermUrls, terms: readonly Term[], problems: ProblemLog): Promise<void> {
  // A rebuild usually gives no term a new slug: then the record stands as read, without the cost of
  // writing it out again (tens of thousands of entries at 100,000 articles).
  const added = terms.filter((term) => term.hasPage && record.slugs.get(term.key) !== term.slug);
  if (added.length === 0 && (record.whole || (record.slugs.size === 0 && record.text === ''))) return;
  const slugs = new Map(record.slugs);
  for (const term of added) slugs.set(term.key, term.slug);
  const entries = [...slugs].sort(([a], [b]) => compareText(a, b));
  // One entry per line, so that a version control diff shows which terms arrived.
  const lines = entries.map(([key, slug]) => `    ${JSON.stringify(key)}: ${JSON.stringify(slug)}`);
  const text = `{\n  "format": ${FORMAT},\n  "terms": {${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
  if (text === record.text) return;
  const file = path.join(articlesDir, TERM_URLS_FILE);
  try {
    await writeFileAtomic(file, text);
  } catch (error) {
    problems.warn({
      code: 'TERM_URLS_UNWRITABLE',
      file: displayPath(file),
      message: `could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}), so the next build does not know the URLs this one gave new terms`,
      hint: 'Make the articles folder writable and build again.',
    });
  }
}
