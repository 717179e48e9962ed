// Reads sidecar metadata: `meta.jsonl` in any inbox folder (one JSON object per line, keyed by
// `file`) and `NAME.json` beside `NAME.txt`. Wrong types are reported and ignored, never guessed;
// entries for one file merge field by field, and a field given twice differently is reported.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { markUnicodeForm, unreadableReason } from '../fs-utils.ts';
import { compareText, type ProblemInput, type ProblemLog } from '../problems.ts';
import { decodeSource, decodeWindows1252Line, findInvalidUtf8, windows1252LinesWarning, type DecodeResult, type MixedText } from './decode.ts';
import { findDuplicateKeys, findKeyLines } from './duplicate-keys.ts';
import { locateJsonError } from './json-error.ts';
import { isLanguageTag } from './text-stats.ts';
import { UnsafeCharacterTally } from './unsafe-characters.ts';

export interface SidecarData {
  title?: string;
  subtitle?: string;
  date?: string;
  /** When the article was last changed: read, and checked, as `date` is (article-date.ts). */
  updated?: string;
  section?: string;
  authors?: string[];
  tags?: string[];
  language?: string;
  /** An absolute http: or https: address: anything else is dropped here, so no page links to it. */
  url?: string;
  source?: string;
  /** Keys Broadsheet does not use, kept in the article's `extra`. */
  extra: Record<string, unknown>;
  /**
   * Where this came from, for messages: `inbox/meta.jsonl:12`. When several places describe one
   * file, the place that gave `date`: the date is the one field checked later (parse-article.ts).
   */
  origin: { file: string; line?: number };
  /** Where each field came from, when several places describe the file (else `origin`). */
  fieldOrigins?: Record<string, { file: string; line?: number }>;
  /**
   * The key as written for a field checked later that an alias gave (`date` as `datePublished`),
   * so that its messages name the key the file holds; absent for a field given by its own key.
   */
  keys?: Record<string, string>;
}

type Origin = SidecarData['origin'];

/** The place that gave `field`: the one entry, or, after a merge, the entry whose value won. */
export function originOf(data: SidecarData, field: string): Origin {
  return data.fieldOrigins?.[field] ?? data.origin;
}

/** The key that gave `field` as the sidecar writes it: `datePublished` for `date`, say. */
export function keyOf(data: SidecarData, field: string): string {
  return data.keys?.[field] ?? field;
}

/**
 * Other names exporters give Broadsheet's keys: schema.org's `datePublished` / `dateModified`,
 * RSS's `pubDate`, and the `published` / `modified` / `lastModified` of CMS dumps.
 */
const ALIASES: Record<string, string> = {
  category: 'section',
  author: 'authors',
  lang: 'language',
  datePublished: 'date',
  published: 'date',
  pubDate: 'date',
  dateModified: 'updated',
  modified: 'updated',
  lastModified: 'updated',
};
const STRING_KEYS = new Set(['title', 'subtitle', 'date', 'updated', 'section', 'language', 'url', 'source']);
const LIST_KEYS = new Set(['authors', 'tags']);
/**
 * Names a list shows beside every article that has them (a section in each entry of a listing,
 * authors or the source's name in each feed entry, a tag on its page and the tag index): a value
 * longer than this is no name (a paragraph pasted into the field, a runaway export), and shown
 * whole it made every page listing the article that much larger.
 */
export const MAX_NAME_CHARACTERS = 200;
const NAME_KEYS = new Set(['section', 'source', 'authors', 'tags']);
/** The fields whose problems are found when the article is parsed, after the sidecar is read. */
const CHECKED_LATER = new Set(['title', 'subtitle', 'date', 'updated']);

/** `&nbsp;` and friends appear literally in scraped metadata; they are spaces, not names. */
function tooLongForAName(text: string): boolean {
  return text.length > MAX_NAME_CHARACTERS && [...text].length > MAX_NAME_CHARACTERS;
}

function cleanMetadataText(text: string): string {
  return text.replace(/&(nbsp|#160|#xa0);/gi, ' ').replace(/\s+/g, ' ').trim();
}

/** A value as a message shows it: quoted, escaped, and short enough to read on one line. */
function quoteValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** What a JSON value is, as a message names it: `a number`, `an object`, `a list holding a number`. */
function describeType(value: unknown): string {
  if (Array.isArray(value)) {
    const odd: unknown = value.find((item) => typeof item !== 'string');
    return odd === undefined ? 'a list' : `a list holding ${describeType(odd)}`;
  }
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function lineOf(origin: Origin): { line?: number } {
  return origin.line === undefined ? {} : { line: origin.line };
}

function describeOrigin(origin: Origin): string {
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
}

/**
 * The layouts put `url` in an href and in JSON-LD as it is, so a `javascript:` or `data:` address
 * would run in the reader's browser; only absolute web addresses get through.
 */
function isWebAddress(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false; // relative, or not an address at all
  }
}

/**
 * A web address with what no valid URL holds as written (spaces, quotes, angle brackets, a `%`
 * that starts no escape) percent-encoded, as a browser does when it follows it: in an href or
 * JSON-LD as given, such an address makes the page invalid. Other characters, Arabic letters
 * say, stay as they are.
 */
function escapeUrl(text: string): string {
  return text.replace(/[\s"<>\\^`{|}]|%(?![0-9A-Fa-f]{2})/gu, (char) => encodeURIComponent(char));
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function fieldOf(data: SidecarData, field: string): unknown {
  return STRING_KEYS.has(field) || LIST_KEYS.has(field) ? (data as unknown as Record<string, unknown>)[field] : data.extra[field];
}

function setField(data: SidecarData, field: string, value: unknown): void {
  if (STRING_KEYS.has(field) || LIST_KEYS.has(field)) (data as unknown as Record<string, unknown>)[field] = value;
  else data.extra[field] = value;
}

/** The fields an entry gives, known ones and `extra` alike (an extra key is never a known one). */
function fieldsOf(data: SidecarData): Array<[string, unknown]> {
  const known = Object.entries(data).filter(([key]) => key !== 'extra' && key !== 'origin' && key !== 'fieldOrigins' && key !== 'keys');
  return [...known, ...Object.entries(data.extra)];
}

export function normaliseSidecar(
  raw: Record<string, unknown>,
  origin: SidecarData['origin'],
  problems: ProblemLog,
  /** The line of each key in a NAME.json, whose problems name it (a meta.jsonl entry is one line). */
  keyLines?: ReadonlyMap<string, number>,
): SidecarData {
  const result: SidecarData = { extra: {}, origin };
  const lineOfKey = (rawKey: string) => {
    const line = keyLines?.get(rawKey);
    return line === undefined ? lineOf(origin) : { line };
  };
  // The fields a page shows lose their C1 controls and noncharacters (unsafe-characters.ts),
  // written raw or as JSON escapes ("\u0093"), with one warning for the entry; `extra` is never
  // shown, and is kept as given.
  const unsafe = new UnsafeCharacterTally();
  // The key that gave each field, when it was an alias: Broadsheet's own key wins over one.
  const givenAs = new Map<string, string>();
  for (const [rawKey, value] of Object.entries(raw)) {
    if (rawKey === 'file') continue;
    const key = ALIASES[rawKey] ?? rawKey;
    if (value === null || value === undefined) continue;
    const wrongType = (expected: string) =>
      problems.warn({
        code: 'SIDECAR_WRONG_TYPE',
        file: origin.file,
        ...lineOfKey(rawKey),
        message: `"${rawKey}" should be ${expected}, not ${describeType(value)} (${quoteValue(value)}); it is ignored`,
        hint: `Give "${rawKey}" as ${expected}.`,
      });
    const nameTooLong = (givenKey: string, name: string) =>
      problems.warn({
        code: 'SIDECAR_TOO_LONG',
        file: origin.file,
        ...lineOfKey(givenKey),
        message: `"${givenKey}" holds a name of ${[...name].length} characters (${quoteValue(name)}), more than the ${MAX_NAME_CHARACTERS} a name may have; it is left out, since every page listing the article would show it`,
        hint: `Give "${givenKey}" as ${LIST_KEYS.has(key) ? 'a list of short names' : 'a short name'}; a text that long belongs in the article.`,
      });
    let normalised: unknown;
    if (STRING_KEYS.has(key)) {
      if (typeof value !== 'string') {
        wrongType('a string');
        continue;
      }
      let cleaned = cleanMetadataText(unsafe.repair(value, () => origin.line, `"${rawKey}"`));
      if (cleaned === '') continue;
      if (NAME_KEYS.has(key) && tooLongForAName(cleaned)) {
        nameTooLong(rawKey, cleaned);
        continue;
      }
      if (key === 'url' && !isWebAddress(cleaned)) {
        problems.warn({
          code: 'SIDECAR_BAD_URL',
          file: origin.file,
          ...lineOfKey(rawKey),
          message: `"${rawKey}" must be an http or https address, not ${quoteValue(cleaned)}; it is left out`,
          hint: `Give the article's original web address in full, e.g. "${rawKey}": "https://example.org/news/story", or remove the key.`,
        });
        continue;
      }
      if (key === 'url') cleaned = escapeUrl(cleaned);
      // A page would silently show the site's default language for `English` or `en_US`, and
      // search would stem the text as that language.
      if (key === 'language' && !isLanguageTag(cleaned)) {
        problems.warn({
          code: 'SIDECAR_BAD_LANGUAGE',
          file: origin.file,
          ...lineOfKey(rawKey),
          message: `"${rawKey}" must be a language tag such as "en", "ar" or "pt-BR", not ${quoteValue(cleaned)}; it is left out, and the language is found from the text`,
          hint: `Give the language's ISO 639 code, with a region after a hyphen if needed (BCP 47: "${rawKey}": "en" or "en-GB"), or remove the key.`,
        });
        continue;
      }
      normalised = cleaned;
    } else if (LIST_KEYS.has(key)) {
      // Entities first: the `;` of a literal `&nbsp;` is not a list separator.
      const list = typeof value === 'string' ? cleanMetadataText(value).split(key === 'authors' ? /\s*(?:;|\band\b|,)\s*/ : /\s*[,;]\s*/) : value;
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        wrongType('a string or a list of strings');
        continue;
      }
      const cleaned = [...new Set(list.map((item) => cleanMetadataText(unsafe.repair(item, () => origin.line, `"${rawKey}"`))).filter(Boolean))].filter((item) => {
        if (!tooLongForAName(item)) return true;
        nameTooLong(rawKey, item);
        return false;
      });
      if (cleaned.length === 0) continue;
      normalised = cleaned;
    } else {
      normalised = value;
    }
    const earlier = fieldOf(result, key);
    // Only an alias and its key (`author` and `authors`) can give one field twice in an object.
    const earlierKey = givenAs.get(key) ?? key;
    const keepEarlier = earlierKey === key && rawKey !== key;
    if (earlier !== undefined && !sameValue(earlier, normalised)) {
      const [usedKey, used] = keepEarlier ? [earlierKey, earlier] : [rawKey, normalised];
      problems.warn({
        code: 'SIDECAR_DUPLICATE',
        file: origin.file,
        ...lineOfKey(rawKey),
        message: `gives "${key}" twice, as "${earlierKey}" (${quoteValue(earlier)}) and as "${rawKey}" (${quoteValue(normalised)}); "${usedKey}", ${quoteValue(used)}, is used${rawKey === key || earlierKey === key ? `, as "${key}" wins over its alias` : ', the last of two aliases'}`,
        hint: `Keep one of "${earlierKey}" and "${rawKey}".`,
      });
    }
    if (earlier !== undefined && keepEarlier) continue;
    givenAs.set(key, rawKey);
    setField(result, key, normalised);
  }
  for (const [key, rawKey] of givenAs) if (rawKey !== key && CHECKED_LATER.has(key)) (result.keys ??= {})[key] = rawKey;
  for (const warning of unsafe.warnings('sidecar')) problems.warn({ ...warning, file: origin.file });
  return result;
}

/**
 * Sidecar data by source, merged as entries arrive. Where each field came from is only kept for
 * a source described twice: at 100,000 sources, one map per source would be memory for nothing.
 */
class SidecarMerger {
  readonly sidecars = new Map<string, SidecarData>();
  private readonly fieldOrigins = new Map<string, Map<string, Origin>>();

  constructor(private readonly problems: ProblemLog) {}

  /**
   * Adds an entry to what earlier places said about `file`, field by field. Entries arrive in
   * order of precedence (root meta.jsonl, deeper meta.jsonl files, NAME.json; lines in order), so
   * the later value wins; a field given again with another value is reported, naming both places.
   */
  add(file: string, entry: SidecarData): void {
    const current = this.sidecars.get(file);
    if (!current) {
      this.sidecars.set(file, entry);
      return;
    }
    let from = this.fieldOrigins.get(file);
    if (!from) {
      from = new Map(fieldsOf(current).map(([field]) => [field, originOf(current, field)]));
      this.fieldOrigins.set(file, from);
    }
    for (const [field, value] of fieldsOf(entry)) {
      const earlier = from.get(field);
      const earlierValue = fieldOf(current, field);
      if (earlier && !sameValue(earlierValue, value)) {
        this.problems.warn({
          code: 'SIDECAR_DUPLICATE',
          file: entry.origin.file,
          ...lineOf(originOf(entry, field)),
          message: `gives "${field}" for ${markUnicodeForm(file)} as ${quoteValue(value)}, but ${describeOrigin(earlier)} gives ${quoteValue(earlierValue)}; ${quoteValue(value)} from here is used`,
          hint: 'Give each field of a file in one place, or make the places agree. A NAME.json wins over a meta.jsonl, a meta.jsonl in a deeper folder over one nearer the inbox, a later line over an earlier one.',
        });
      }
      setField(current, field, value);
      from.set(field, originOf(entry, field));
      // The key named in this field's messages is the one written where its value came from.
      const written = entry.keys?.[field];
      if (written !== undefined) (current.keys ??= {})[field] = written;
      else if (current.keys?.[field] !== undefined) delete current.keys[field];
    }
    current.origin = from.get('date') ?? entry.origin;
    current.fieldOrigins = Object.fromEntries(from);
  }
}

/** A sidecar's bytes; undefined when there is none, or (with a warning) when it cannot be read. */
async function readOptional(file: string, display: string, problems: ProblemLog): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const reason = unreadableReason(error);
    if (reason === undefined) throw error;
    problems.warn({
      code: 'SIDECAR_UNREADABLE',
      file: display,
      message: `cannot be read (${reason}); its metadata is not used`,
      hint: 'Give your user permission to read the file (chmod a+r), or remove it.',
    });
    return undefined;
  }
}

/** Reports what decode.ts found in a sidecar: the encoding it assumed, or why it is not text. */
function reportDecoding(decoded: DecodeResult, display: string, problems: ProblemLog): void {
  if (decoded.ok) {
    for (const warning of decoded.warnings) problems.warn({ ...warning, file: display });
    return;
  }
  problems.warn({
    code: 'SIDECAR_NOT_TEXT',
    file: display,
    line: decoded.line,
    message: `${decoded.message}; it is ignored`,
    hint: 'Save the sidecar as JSON text in UTF-8, or remove it.',
  });
}

/**
 * A NAME.json's text, decoded as sources are (decode.ts: a BOM is dropped, UTF-16 read, a file
 * with no UTF-8 in it read as Windows-1252 with a warning), or undefined if it is not text.
 */
function decodeSidecar(bytes: Uint8Array, display: string, problems: ProblemLog): string | undefined {
  const decoded = decodeSource(bytes, { repairUnsafe: false, repairStray: false });
  reportDecoding(decoded, display, problems);
  return decoded.ok ? decoded.text : undefined;
}

/**
 * The lines of a meta.jsonl, decoded as a NAME.json is. One that mixes encodings (a damaged byte,
 * lines appended by another tool) is read line by line, so a bad line costs only itself and
 * never turns into a silent U+FFFD.
 */
function decodeJsonLines(bytes: Uint8Array, display: string, problems: ProblemLog): string[] {
  const decoded = decodeSource(bytes, { repairUnsafe: false, repairStray: false });
  if (decoded.ok || decoded.code === 'BINARY_FILE' || decoded.code === 'ENCODING_INVALID_UTF16') {
    reportDecoding(decoded, display, problems);
    return decoded.ok ? decoded.text.split('\n') : [];
  }
  const utf8 = new TextDecoder('utf-8'); // drops a BOM at the start of the first line
  const lines: string[] = [];
  // Lines read as Windows-1252, as a source's are, for one warning naming them all.
  const windows1252: Pick<MixedText, 'lines' | 'first'> = { lines: [], first: { offset: 0, line: 0, byte: 0, reads: '' } };
  let start = 0;
  while (start <= bytes.length) {
    // A line ends in LF, CRLF or CR alone (classic Mac OS), as a source's lines do.
    let end = start;
    while (end < bytes.length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    const next = bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? end + 2 : end + 1;
    const line = bytes.subarray(start, end);
    const bad = findInvalidUtf8(line);
    const read = bad === -1 ? undefined : decodeWindows1252Line(line);
    if (bad === -1) {
      lines.push(utf8.decode(line));
    } else if (read !== undefined) {
      if (windows1252.lines.length === 0) windows1252.first = { offset: start + bad, line: lines.length + 1, byte: line[bad]!, reads: read[bad]! };
      windows1252.lines.push(lines.length + 1);
      lines.push(read);
    } else {
      problems.warn({
        code: 'SIDECAR_NOT_TEXT',
        file: display,
        line: lines.length + 1,
        message: `is not valid UTF-8 (the byte at offset ${start + bad} cannot start or continue a character, and the line holds UTF-8 too or reads as no Windows-1252 text); this line is ignored`,
        hint: 'Re-save meta.jsonl as UTF-8 (most editors: "Save with encoding"), or fix the damaged bytes on this line.',
      });
      lines.push('');
    }
    start = next;
  }
  if (windows1252.lines.length > 0) problems.warn({ ...windows1252LinesWarning(windows1252), file: display });
  return lines;
}

/**
 * Reports each key an object gives twice with another value (`{"title": "A", "title": "B"}`):
 * JSON.parse keeps the last, so the first would vanish unseen. The same value twice is not
 * reported, as with SIDECAR_DUPLICATE. `lineOfText` turns a line within `text` into the file's.
 */
function reportDuplicateKeys(text: string, file: string, lineOfText: (line: number) => number, problems: ProblemLog): void {
  for (const { key, line, earlier, value } of findDuplicateKeys(text)) {
    if (sameValue(earlier, value)) continue;
    problems.warn({
      code: 'SIDECAR_DUPLICATE_KEY',
      file,
      line: lineOfText(line),
      message: `gives "${key}" twice, as ${quoteValue(earlier)} and then ${quoteValue(value)}; only the last, ${quoteValue(value)}, is used`,
      hint: `Keep one "${key}" in this object, with the value you mean.`,
    });
  }
}

/** Parses one meta.jsonl line into its file and entry, or reports why it is ignored. */
function readJsonLine(line: string, folder: string, origin: Required<Origin>, known: KnownSources, problems: ProblemLog): [string, SidecarData] | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (error) {
    const at = locateJsonError(line);
    problems.warn({
      code: 'SIDECAR_BAD_JSON',
      ...origin,
      message: `is not valid JSON${at ? ` at column ${at.column}` : ''} (${(error as Error).message}); this line is ignored`,
      hint: 'Each line of meta.jsonl must be one JSON object, e.g. {"file": "a.txt", "title": "…"}.',
    });
    return undefined;
  }
  reportDuplicateKeys(line, origin.file, () => origin.line, problems);
  return readEntry(raw, folder, origin, known, problems);
}

/** One object of a meta.jsonl, parsed: its file and entry, or why it is ignored. */
function readEntry(raw: unknown, folder: string, origin: Required<Origin>, known: KnownSources, problems: ProblemLog): [string, SidecarData] | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || typeof (raw as { file?: unknown }).file !== 'string') {
    problems.warn({
      code: 'SIDECAR_NO_FILE',
      ...origin,
      message: 'is not a JSON object with a "file" string; this line is ignored',
      hint: 'Give each line a "file" key naming a .txt file in the same folder.',
    });
    return undefined;
  }
  const given = (raw as { file: string }).file;
  const file = known.resolve(path.posix.normalize(path.posix.join(folder, given)));
  if (file === undefined) {
    const slashed = given.replaceAll('\\', '/');
    const near = known.near(path.posix.normalize(path.posix.join(folder, slashed)));
    // A meta.jsonl in a subfolder whose names start at the inbox (`sport/a.txt` in sport/meta.jsonl).
    const fromInbox = near === undefined && folder !== '.' ? known.near(path.posix.normalize(slashed)) : undefined;
    // A path written from somewhere else (`inbox/sport/a.txt`, `/srv/export/sport/a.txt`, as an
    // export script sees it): the source its end names, when one does.
    const fromElsewhere = near === undefined && fromInbox === undefined ? sourceAtPathEnd(slashed, folder, known) : undefined;
    const inFolder = folder === '.' ? 'the inbox' : `this meta.jsonl's folder (${folder}/)`;
    problems.warn({
      code: 'SIDECAR_MISSING_FILE',
      ...origin,
      message:
        fromInbox === undefined && fromElsewhere === undefined
          ? `names "${given}", which is not in the inbox${near === undefined ? '' : ` (the inbox has "${path.posix.relative(folder, near)}")`}`
          : `names "${given}", which is not in ${inFolder}: names in a meta.jsonl are relative to its folder, so the inbox's ${fromInbox ?? fromElsewhere} is "${path.posix.relative(folder, (fromInbox ?? fromElsewhere)!)}" here`,
      hint: 'Correct the file name, or remove the line if the article was deleted.',
    });
    return undefined;
  }
  return [file, normaliseSidecar(raw as Record<string, unknown>, origin, problems)];
}

/**
 * The source named by the end of a path that leads to none (its folders dropped one at a time
 * from the front, read from the meta.jsonl's folder, then from the inbox), or undefined.
 */
function sourceAtPathEnd(name: string, folder: string, known: KnownSources): string | undefined {
  const segments = name.split('/').filter((segment) => segment !== '' && segment !== '.');
  for (let start = 1; start < segments.length; start++) {
    const tail = segments.slice(start).join('/');
    const found = known.near(path.posix.normalize(path.posix.join(folder, tail))) ?? (folder === '.' ? undefined : known.near(tail));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A meta.jsonl written as one JSON document over several lines (a pretty-printed list of objects,
 * or one object) instead of one object per line: its objects, each with the line it starts on;
 * undefined when the file is not one. Tried only when its first line is no JSON of its own.
 */
function readAsOneDocument(lines: string[]): { list: boolean; items: Array<{ raw: unknown; line: number }> } | undefined {
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined || lines.length < 2) return undefined;
  try {
    JSON.parse(first);
    return undefined;
  } catch {
    // Not JSON on its own: perhaps the start of a document.
  }
  const text = lines.join('\n');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  const starts = valueLines(text, Array.isArray(document) ? 1 : 0);
  const list = Array.isArray(document);
  return { list, items: (list ? (document as unknown[]) : [document]).map((raw, i) => ({ raw, line: starts[i] ?? 1 })) };
}

/** The 1-based line where each value at `depth` starts (0: the document; 1: the items of a top-level list), in valid JSON. */
function valueLines(text: string, depth: number): number[] {
  const lines: number[] = [];
  let level = 0;
  let line = 1;
  let expectValue = depth === 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\n') {
      line++;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') continue;
    if (level === depth && expectValue) {
      lines.push(line);
      expectValue = false;
    }
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (char === '{' || char === '[') {
      level++;
      if (level === depth) expectValue = true;
    } else if (char === '}' || char === ']') {
      level--;
    } else if (char === ',' && level === depth) {
      expectValue = true;
    }
  }
  return lines;
}

/**
 * The sources a meta.jsonl line may name. A name is matched as written, else in Unicode NFC: the
 * same name typed on one system and saved by another (macOS writes `é` as `e` + U+0301, most
 * tools as one character) looks the same and is the same to the archivist.
 */
class KnownSources {
  readonly #exact: ReadonlySet<string>;
  readonly #composed = new Map<string, string[]>();
  readonly #folded = new Map<string, string>();

  constructor(files: readonly string[]) {
    this.#exact = new Set(files);
    for (const file of files) {
      const composed = file.normalize('NFC');
      this.#composed.set(composed, [...(this.#composed.get(composed) ?? []), file]);
      this.#folded.set(composed.toLowerCase(), file);
    }
  }

  /** The source `name` means: itself, or the one source with its NFC form. */
  resolve(name: string): string | undefined {
    if (this.#exact.has(name)) return name;
    const same = this.#composed.get(name.normalize('NFC'));
    return same?.length === 1 ? same[0] : undefined;
  }

  /** A source whose name differs from `name` only in case (or separators), for the message. */
  near(name: string): string | undefined {
    return this.resolve(name) ?? this.#folded.get(name.normalize('NFC').toLowerCase());
  }
}

/** Parses a NAME.json into its entry, or reports why it is ignored. */
function readNameJson(text: string, display: string, problems: ProblemLog): SidecarData | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    problems.warn({
      code: 'SIDECAR_BAD_JSON',
      file: display,
      ...(at ? { line: at.line } : {}),
      message: `is not valid JSON${at ? ` at column ${at.column}` : ''} (${(error as Error).message}); it is ignored`,
      hint: 'Write one JSON object, e.g. {"title": "…", "date": "2024-05-01"}.',
    });
    return undefined;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.warn({
      code: 'SIDECAR_NOT_OBJECT',
      file: display,
      message: 'must hold one JSON object; it is ignored',
      hint: 'Write one JSON object, e.g. {"title": "…"}.',
    });
    return undefined;
  }
  reportDuplicateKeys(text, display, (line) => line, problems);
  const keyLines = findKeyLines(text);
  const entry = normaliseSidecar(raw as Record<string, unknown>, { file: display }, problems, keyLines);
  // A value checked later (`date`, `updated`, a `title` too long) is named at the line of its key;
  // only those fields' lines are kept (at 100,000 sources, every field's would be memory for nothing).
  if (text.includes('\n')) {
    const origins: Record<string, Origin> = {};
    for (const [rawKey, line] of keyLines) {
      const key = ALIASES[rawKey] ?? rawKey;
      // The line of the key whose value is used: the field's own key, else the last alias.
      if (CHECKED_LATER.has(key) && fieldOf(entry, key) !== undefined && (rawKey === key || !keyLines.has(key))) origins[key] = { file: display, line };
    }
    if (Object.keys(origins).length > 0) entry.fieldOrigins = origins;
  }
  return entry;
}

/** The root first, then shallower folders before deeper ones: a deeper meta.jsonl is more specific. */
function compareFolders(a: string, b: string): number {
  const depth = (folder: string) => (folder === '.' ? 0 : folder.split('/').length);
  return depth(a) - depth(b) || compareText(a, b);
}

/**
 * Sidecar data for each source file, keyed by inbox-relative path, merged field by field from
 * every place that describes the file: the root meta.jsonl, then meta.jsonl files in deeper
 * folders, then NAME.json, a later line of one file after an earlier one; the last value wins.
 */
export async function loadSidecars(
  inboxDir: string,
  displayInbox: string,
  sourceFiles: string[],
  problems: ProblemLog,
  /**
   * The inbox's files, meta.jsonl included, when the caller has listed them: a sidecar not among
   * them is not looked for (trying to open one per source costs half a second at 10,000 sources).
   */
  inboxFiles?: ReadonlySet<string>,
): Promise<Map<string, SidecarData>> {
  const merger = new SidecarMerger(problems);
  const known = new KnownSources(sourceFiles);
  // A meta.jsonl may sit in a folder of no sources of its own (`2024/meta.jsonl` naming
  // `jan/a.txt`): the listing, when there is one, says where each is.
  const folders = inboxFiles
    ? [...inboxFiles].filter((file) => path.posix.basename(file) === 'meta.jsonl').map((file) => path.posix.dirname(file))
    : [...new Set(sourceFiles.map((file) => path.posix.dirname(file)))];
  if (!inboxFiles && !folders.includes('.')) folders.push('.');
  folders.sort(compareFolders);

  for (const folder of folders) {
    const relative = path.posix.join(folder, 'meta.jsonl');
    const display = markUnicodeForm(path.posix.join(displayInbox, relative));
    const bytes = await readOptional(path.join(inboxDir, relative), display, problems);
    if (bytes === undefined) continue;
    const lines = decodeJsonLines(bytes, display, problems);
    const document = readAsOneDocument(lines);
    if (document) {
      problems.warn({
        code: 'SIDECAR_NOT_JSON_LINES',
        file: display,
        line: 1,
        message: `is one JSON document over ${lines.join('\n').trimEnd().split('\n').length} lines (${document.list ? `a list of ${document.items.length} objects` : 'one object'}), not one object per line; it is read as such`,
        hint: `Write one object per line to silence this warning, e.g. with: jq -c '${document.list ? '.[]' : '.'}' meta.jsonl > meta.new && mv meta.new meta.jsonl`,
      });
      for (const { raw, line } of document.items) {
        const entry = readEntry(raw, folder, { file: display, line }, known, problems);
        if (entry) merger.add(...entry);
      }
      continue;
    }
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const entry = readJsonLine(line, folder, { file: display, line: index + 1 }, known, problems);
      if (entry) merger.add(...entry);
    });
  }

  // A NAME.json whose name is the source's in another Unicode form (NFC, NFD), or whose extension
  // is in other letters (`NAME.JSON`, as `NAME.TXT` is a source), is its sidecar too.
  const sidecarKey = (file: string) => `${file.slice(0, file.lastIndexOf('.')).normalize('NFC')}.json`;
  const jsonByComposed = new Map<string, string>();
  for (const file of inboxFiles ?? []) if (/\.json$/i.test(file) && !jsonByComposed.has(sidecarKey(file))) jsonByComposed.set(sidecarKey(file), file);
  const used = new Set<string>();
  for (const file of sourceFiles) {
    let relative = file.replace(/\.txt$/i, '.json');
    if (inboxFiles && !inboxFiles.has(relative)) {
      const composed = jsonByComposed.get(sidecarKey(file));
      // Not when another source has this name in another form (`café.txt` twice, NFC and NFD, as
      // a copy from macOS makes): the NAME.json is the one whose name is its own, not both's.
      if (composed === undefined || known.resolve(file.normalize('NFC')) !== file) continue;
      relative = composed;
    }
    used.add(relative);
    const display = markUnicodeForm(path.posix.join(displayInbox, relative));
    const bytes = await readOptional(path.join(inboxDir, relative), display, problems);
    if (bytes === undefined) continue;
    const text = decodeSidecar(bytes, display, problems);
    const entry = text === undefined ? undefined : readNameJson(text, display, problems);
    if (entry) merger.add(file, entry);
  }
  for (const file of inboxFiles ?? []) {
    if (/\.json$/i.test(file) && !used.has(file)) problems.warn(sidecarWithoutSource(file, markUnicodeForm(path.posix.join(displayInbox, file)), known));
  }
  return merger.sidecars;
}

/**
 * The warning for a NAME.json beside no NAME.txt, naming the source it was probably meant for:
 * one whose name differs in case, or the source of `NAME.txt.json`.
 */
function sidecarWithoutSource(file: string, display: string, known: KnownSources): ProblemInput {
  const stem = file.slice(0, -'.json'.length);
  const near = known.near(`${stem}.txt`) ?? known.near(stem);
  const folder = path.posix.dirname(file);
  const named = near === undefined && path.posix.basename(file) === 'meta.json' ? ' (a file of one JSON object per line for several sources is named meta.jsonl)' : '';
  return {
    code: 'SIDECAR_MISSING_FILE',
    file: display,
    message: `is the sidecar of "${path.posix.basename(stem)}.txt", which is not in ${folder === '.' ? 'the inbox' : `${folder}/`}; its metadata is not used${near === undefined ? '' : ` (the inbox has "${near}", whose sidecar is "${near.replace(/\.txt$/i, '.json')}")`}${named}`,
    hint: 'Give the sidecar the name of its source with .json for .txt (story.txt → story.json), or remove it if the article was deleted.',
  };
}
