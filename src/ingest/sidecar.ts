// Reads sidecar metadata: `meta.jsonl` in any inbox folder (one JSON object per line, keyed by
// `file`) and `NAME.json` beside `NAME.txt`. Wrong types are reported and ignored, never guessed.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ProblemLog } from '../problems.ts';

export interface SidecarData {
  title?: string;
  subtitle?: string;
  date?: string;
  section?: string;
  authors?: string[];
  tags?: string[];
  language?: string;
  url?: string;
  source?: string;
  /** Keys Broadsheet does not use, kept in the article's `extra`. */
  extra: Record<string, unknown>;
  /** Where this came from, for messages: `inbox/meta.jsonl:12`. */
  origin: { file: string; line?: number };
}

const ALIASES: Record<string, string> = { category: 'section', author: 'authors', lang: 'language' };
const STRING_KEYS = new Set(['title', 'subtitle', 'date', 'section', 'language', 'url', 'source']);
const LIST_KEYS = new Set(['authors', 'tags']);

/** `&nbsp;` and friends appear literally in scraped metadata; they are spaces, not names. */
function cleanMetadataText(text: string): string {
  return text.replace(/&(nbsp|#160|#xa0);/gi, ' ').replace(/\s+/g, ' ').trim();
}

export function normaliseSidecar(
  raw: Record<string, unknown>,
  origin: SidecarData['origin'],
  problems: ProblemLog,
): SidecarData {
  const result: SidecarData = { extra: {}, origin };
  for (const [rawKey, value] of Object.entries(raw)) {
    if (rawKey === 'file') continue;
    const key = ALIASES[rawKey] ?? rawKey;
    if (value === null || value === undefined) continue;
    const wrongType = (expected: string) =>
      problems.warn({
        code: 'SIDECAR_WRONG_TYPE',
        file: origin.file,
        ...(origin.line === undefined ? {} : { line: origin.line }),
        message: `"${rawKey}" should be ${expected}, not ${Array.isArray(value) ? 'a list' : typeof value}; it is ignored`,
        hint: `Give "${rawKey}" as ${expected}.`,
      });
    if (STRING_KEYS.has(key)) {
      if (typeof value !== 'string') {
        wrongType('a string');
        continue;
      }
      const cleaned = cleanMetadataText(value);
      if (cleaned !== '') (result as unknown as Record<string, string>)[key] = cleaned;
    } else if (LIST_KEYS.has(key)) {
      // Entities first: the `;` of a literal `&nbsp;` is not a list separator.
      const list = typeof value === 'string' ? cleanMetadataText(value).split(key === 'authors' ? /\s*(?:;|\band\b|,)\s*/ : /\s*[,;]\s*/) : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        wrongType('a string or a list of strings');
        continue;
      }
      const cleaned = [...new Set(list.map(cleanMetadataText).filter(Boolean))];
      if (cleaned.length > 0) result[key as 'authors' | 'tags'] = cleaned;
    } else {
      result.extra[rawKey] = value;
    }
  }
  return result;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Sidecar data for each source file, keyed by inbox-relative path. `NAME.json` wins over a
 * `meta.jsonl` line for the same file, key by key.
 */
export async function loadSidecars(
  inboxDir: string,
  displayInbox: string,
  sourceFiles: string[],
  problems: ProblemLog,
  /**
   * The inbox's files, when the caller has listed them: a NAME.json not among them is not looked
   * for (trying to open one per source costs half a second at 10,000 sources).
   */
  inboxFiles?: ReadonlySet<string>,
): Promise<Map<string, SidecarData>> {
  const sidecars = new Map<string, SidecarData>();
  const known = new Set(sourceFiles);
  const folders = [...new Set(sourceFiles.map((file) => path.posix.dirname(file)))].sort();
  if (!folders.includes('.')) folders.unshift('.');

  for (const folder of folders) {
    const relative = path.posix.join(folder, 'meta.jsonl');
    const display = path.posix.join(displayInbox, relative);
    const text = await readOptional(path.join(inboxDir, relative));
    if (text === undefined) continue;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const origin = { file: display, line: index + 1 };
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch (error) {
        problems.warn({
          code: 'SIDECAR_BAD_JSON',
          ...origin,
          message: `is not valid JSON (${(error as Error).message}); this line is ignored`,
          hint: 'Each line of meta.jsonl must be one JSON object, e.g. {"file": "a.txt", "title": "…"}.',
        });
        return;
      }
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as { file?: unknown }).file !== 'string') {
        problems.warn({
          code: 'SIDECAR_NO_FILE',
          ...origin,
          message: 'is not a JSON object with a "file" string; this line is ignored',
          hint: 'Give each line a "file" key naming a .txt file in the same folder.',
        });
        return;
      }
      const file = path.posix.normalize(path.posix.join(folder, (raw as { file: string }).file));
      if (!known.has(file)) {
        problems.warn({
          code: 'SIDECAR_MISSING_FILE',
          ...origin,
          message: `names "${(raw as { file: string }).file}", which is not in the inbox`,
          hint: 'Correct the file name, or remove the line if the article was deleted.',
        });
        return;
      }
      sidecars.set(file, normaliseSidecar(raw as Record<string, unknown>, origin, problems));
    });
  }

  for (const file of sourceFiles) {
    const relative = file.replace(/\.txt$/i, '.json');
    if (inboxFiles && !inboxFiles.has(relative)) continue;
    const display = path.posix.join(displayInbox, relative);
    const text = await readOptional(path.join(inboxDir, relative));
    if (text === undefined) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      problems.warn({
        code: 'SIDECAR_BAD_JSON',
        file: display,
        message: `is not valid JSON (${(error as Error).message}); it is ignored`,
        hint: 'Write one JSON object, e.g. {"title": "…", "date": "2024-05-01"}.',
      });
      continue;
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.warn({
        code: 'SIDECAR_NOT_OBJECT',
        file: display,
        message: 'must hold one JSON object; it is ignored',
        hint: 'Write one JSON object, e.g. {"title": "…"}.',
      });
      continue;
    }
    const own = normaliseSidecar(raw as Record<string, unknown>, { file: display }, problems);
    const fromList = sidecars.get(file);
    sidecars.set(file, fromList ? { ...fromList, ...own, extra: { ...fromList.extra, ...own.extra } } : own);
  }
  return sidecars;
}
